import { Button, Checkbox, Fieldset, Form, FormGroup, InlineMessage, Message, Panel, Small, Textarea } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { AlertKind, NotificationSettings, NotificationTestResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { DateTime } from '../../components/DateTime';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { FormActions } from './FormActions';
import type { FieldErrors } from './forms';
import { useCanManage } from './useCanManage';
import { useSettingsForm } from './useSettingsForm';
import { ALL_KINDS, KIND_LABELS, parseRecipients, recipientsText, toggleKind, validateNotificationInput, validateRecipients } from './notifications';

/** Settings › Notifications: who gets an e-mail about which problems (at most one per problem and hour). */
export function NotificationsPanel() {
  const loaded = useApiGet<NotificationSettings>('/api/settings/notifications');
  const [latest, setLatest] = useState<NotificationSettings | null>(null);
  const current = latest ?? (loaded.status === 'success' ? loaded.data : null);

  return (
    <div id="notifications">
      <Panel
        header="Notifications"
        description="E-mail the people who should know when something needs attention, such as a warehouse outage or orders on hold. At most one e-mail is sent per problem and hour."
        badge={current?.enabled ? { label: 'On', variant: 'success' } : { label: 'Off', variant: 'secondary' }}
      >
        {loaded.status === 'loading' && !current && <Loading label="Loading notification settings…" />}
        {loaded.status === 'error' && !loaded.error.sessionEnded && (
          <ErrorMessage header="Notification settings couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
        )}
        {current && (
          <NotificationsForm
            settings={current}
            onSaved={setLatest}
            reload={() => {
              setLatest(null);
              loaded.reload();
            }}
          />
        )}
      </Panel>
    </div>
  );
}

interface NotificationValues {
  enabled: boolean;
  text: string;
  kinds: AlertKind[];
}

// Ticking order and blank lines mean nothing: compare what would be saved.
const sameNotifications = (a: NotificationValues, b: NotificationValues) =>
  a.enabled === b.enabled && parseRecipients(a.text).join('\n') === parseRecipients(b.text).join('\n') && ALL_KINDS.every((k) => a.kinds.includes(k) === b.kinds.includes(k));

function NotificationsForm({ settings, onSaved, reload }: { settings: NotificationSettings; onSaved(s: NotificationSettings): void; reload(): void }) {
  const canManage = useCanManage();
  const [testFields, setTestFields] = useState<FieldErrors>({});
  const [tested, setTested] = useState<string | null>(null);
  const test = useAction((recipients: string[]) => api.post<NotificationTestResponse>('/api/settings/notifications/test', { recipients }));
  const form = useSettingsForm<NotificationValues, NotificationSettings>({
    name: 'Notifications',
    saved: { enabled: settings.enabled, text: recipientsText(settings.recipients), kinds: settings.kinds },
    equals: sameNotifications,
    validate: ({ enabled, text, kinds }) => {
      const result = validateNotificationInput(enabled, text, kinds);
      return result.ok ? {} : result.fields;
    },
    save: ({ enabled, text, kinds }) => {
      const result = validateNotificationInput(enabled, text, kinds);
      return api.put<NotificationSettings>('/api/settings/notifications', result.ok ? result.input : { enabled, recipients: parseRecipients(text), kinds });
    },
    onSaved,
    savedText: (answer) => (answer.enabled ? 'Saved. E-mail notifications are on.' : 'Saved. E-mail notifications are off.'),
    reload,
    readOnly: !canManage,
  });
  const { enabled, text, kinds } = form.values;

  const edit = (patch: Partial<NotificationValues>) => {
    setTested(null);
    setTestFields({});
    test.reset();
    form.edit(patch);
  };

  const onTest = async () => {
    setTested(null);
    const recipients = parseRecipients(text);
    const problem = validateRecipients(recipients) ?? (recipients.length === 0 ? 'Add at least one recipient to send a test e-mail to.' : null);
    setTestFields(problem ? { recipients: problem } : {});
    if (problem) return;
    const answer = await test.run(recipients);
    if (answer) setTested(answer.message);
  };

  const fieldError = (name: string) => testFields[name] ?? form.fieldError(name) ?? test.error?.fields?.[name];

  return (
    <>
      {!settings.smtpConfigured && (
        <Message
          type="warning"
          marginBottom="medium"
          header="E-mail is not set up yet"
          messages={[
            {
              text: 'E-mail needs whoever runs Fulfillment Bridge for you to set SMTP_URL (the mail server). Until then no e-mail is sent; you can still choose the recipients now.',
            },
          ]}
        />
      )}
      {settings.lastFailure && <InlineMessage type="error" marginBottom="medium" messages={[{ text: `Last e-mail failed: ${settings.lastFailure.message}` }]} />}
      {settings.lastFailure && (
        <Small marginBottom="medium">
          Tried <DateTime iso={settings.lastFailure.at} />. It is tried again within the hour while the problem lasts.
        </Small>
      )}
      <Form onSubmit={(event) => void form.submit(event)}>
        <FormGroup>
          <Checkbox label="Send e-mail notifications" disabled={form.readOnly} checked={enabled} onChange={(event) => edit({ enabled: event.target.checked })} />
        </FormGroup>
        <FormGroup>
          <Textarea
            label="Recipients"
            description="Up to 10 e-mail addresses, one per line or separated by commas."
            rows={3}
            disabled={form.readOnly}
            value={text}
            error={fieldError('recipients')}
            onChange={(event) => edit({ text: event.target.value })}
          />
        </FormGroup>
        <Fieldset legend="E-mail about" description="Each problem is e-mailed when it starts, then at most once an hour while it lasts.">
          {ALL_KINDS.map((kind) => (
            <FormGroup key={kind}>
              <Checkbox
                label={KIND_LABELS[kind]}
                disabled={form.readOnly}
                checked={kinds.includes(kind)}
                onChange={(event) => edit({ kinds: toggleKind(kinds, kind, event.target.checked) })}
              />
            </FormGroup>
          ))}
        </Fieldset>
        {fieldError('kinds') && <InlineMessage type="error" marginBottom="medium" messages={[{ text: fieldError('kinds')! }]} />}
        {tested && <InlineMessage type="success" marginBottom="medium" messages={[{ text: tested }]} />}
        {test.error && <InlineMessage type="error" marginBottom="medium" messages={[{ text: test.error.message }]} />}
        <FormActions
          form={form}
          extra={
            <Button type="button" variant="secondary" isLoading={test.busy} disabled={form.busy || !settings.smtpConfigured} onClick={() => void onTest()}>
              Send test e-mail
            </Button>
          }
        />
      </Form>
    </>
  );
}

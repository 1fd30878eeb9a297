import { Button, Checkbox, Fieldset, Flex, Form, FormGroup, InlineMessage, Message, Panel, Small, Textarea } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import type { AlertKind, NotificationSettings, NotificationTestResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { DateTime } from '../../components/DateTime';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import type { FieldErrors } from './forms';
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
        {current && <NotificationsForm settings={current} onSaved={setLatest} />}
      </Panel>
    </div>
  );
}

function NotificationsForm({ settings, onSaved }: { settings: NotificationSettings; onSaved(s: NotificationSettings): void }) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [text, setText] = useState(recipientsText(settings.recipients));
  const [kinds, setKinds] = useState<AlertKind[]>(settings.kinds);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState<string | null>(null);
  const save = useAction((input: unknown) => api.put<NotificationSettings>('/api/settings/notifications', input));
  const test = useAction((recipients: string[]) => api.post<NotificationTestResponse>('/api/settings/notifications/test', { recipients }));

  // A newer answer (after a save) resets the form to what is stored.
  useEffect(() => {
    setEnabled(settings.enabled);
    setText(recipientsText(settings.recipients));
    setKinds(settings.kinds);
  }, [settings]);

  const clearNotices = () => {
    setSaved(false);
    setTested(null);
    save.reset();
    test.reset();
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    clearNotices();
    const result = validateNotificationInput(enabled, text, kinds);
    setFields(result.ok ? {} : result.fields);
    if (!result.ok) return;
    const answer = await save.run(result.input);
    if (answer) {
      setSaved(true);
      onSaved(answer);
    }
  };

  const onTest = async () => {
    clearNotices();
    const recipients = parseRecipients(text);
    const problem = validateRecipients(recipients) ?? (recipients.length === 0 ? 'Add at least one recipient to send a test e-mail to.' : null);
    setFields(problem ? { recipients: problem } : {});
    if (problem) return;
    const answer = await test.run(recipients);
    if (answer) setTested(answer.message);
  };

  const serverFields = save.error?.fields ?? test.error?.fields ?? {};
  const fieldError = (name: string) => fields[name] ?? serverFields[name];

  return (
    <>
      {!settings.smtpConfigured && (
        <Message
          type="warning"
          marginBottom="medium"
          header="E-mail is not set up yet"
          messages={[{ text: 'E-mail needs whoever runs Fulfillment Bridge for you to set SMTP_URL (the mail server). Until then no e-mail is sent; you can still choose the recipients now.' }]}
        />
      )}
      {settings.lastFailure && (
        <InlineMessage type="error" marginBottom="medium" messages={[{ text: `Last e-mail failed: ${settings.lastFailure.message}` }]} />
      )}
      {settings.lastFailure && (
        <Small marginBottom="medium">
          Tried <DateTime iso={settings.lastFailure.at} />. It is tried again within the hour while the problem lasts.
        </Small>
      )}
      <Form onSubmit={(event) => void onSave(event)}>
        <FormGroup>
          <Checkbox label="Send e-mail notifications" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        </FormGroup>
        <FormGroup>
          <Textarea
            label="Recipients"
            description="Up to 10 e-mail addresses, one per line or separated by commas."
            rows={3}
            value={text}
            error={fieldError('recipients')}
            onChange={(event) => setText(event.target.value)}
          />
        </FormGroup>
        <Fieldset legend="E-mail about" description="Each problem is e-mailed when it starts, then at most once an hour while it lasts.">
          {ALL_KINDS.map((kind) => (
            <FormGroup key={kind}>
              <Checkbox label={KIND_LABELS[kind]} checked={kinds.includes(kind)} onChange={(event) => setKinds((k) => toggleKind(k, kind, event.target.checked))} />
            </FormGroup>
          ))}
        </Fieldset>
        {fieldError('kinds') && <InlineMessage type="error" marginBottom="medium" messages={[{ text: fieldError('kinds')! }]} />}
        {tested && <InlineMessage type="success" marginBottom="medium" messages={[{ text: tested }]} />}
        {saved && <InlineMessage type="success" marginBottom="medium" messages={[{ text: enabled ? 'Saved. E-mail notifications are on.' : 'Saved. E-mail notifications are off.' }]} />}
        {(save.error ?? test.error) && (
          <InlineMessage
            type="error"
            marginBottom="medium"
            header={save.error ? 'Not saved' : undefined}
            messages={[{ text: (save.error ?? test.error)!.message }]}
          />
        )}
        <Flex flexGap="0.75rem" flexWrap="wrap">
          <Button type="button" variant="secondary" isLoading={test.busy} disabled={save.busy || !settings.smtpConfigured} onClick={() => void onTest()}>
            Send test e-mail
          </Button>
          <Button type="submit" isLoading={save.busy} disabled={test.busy}>
            Save
          </Button>
        </Flex>
      </Form>
    </>
  );
}

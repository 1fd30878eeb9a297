import { backendState } from './backendState';
import { Button, Form, FormGroup, InlineMessage, Input, Message, Panel, Small } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { BackendSettings, ConnectionTestResponse, SettingsResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { DateTime } from '../../components/DateTime';
import { FormActions } from './FormActions';
import { validateBackendInput } from './forms';
import type { FullSettings } from './flow-settings';
import { useOptionalSettingsContext } from './SettingsContext';
import { useCanManage } from './useCanManage';
import { useSettingsForm } from './useSettingsForm';

interface Credentials {
  accountId: string;
  /** Empty keeps the saved key. */
  apiKey: string;
}

interface BackendPanelProps {
  /** Outside Settings (the first-run setup): the saved connection and what to do with a save's answer. */
  backend?: BackendSettings;
  onSaved?(settings: SettingsResponse): void;
}

/** Connection › Fulfillment backend: the warehouse account, tested before it is saved. */
export function BackendPanel(props: BackendPanelProps) {
  const ctx = useOptionalSettingsContext();
  const canManage = useCanManage();
  const backend = props.backend ?? ctx?.settings.backend;
  // Outside Settings no revision is sent: the save applies as it did before revisions existed.
  const revision = props.backend ? undefined : ctx?.settings.revision;
  if (!backend) throw new Error('BackendPanel needs the saved connection');
  const [tested, setTested] = useState<string | null>(null);
  const [testFields, setTestFields] = useState<Record<string, string>>({});
  const test = useAction((input: unknown) => api.post<ConnectionTestResponse>('/api/settings/backend/test', input));
  const checked = (values: Credentials) => validateBackendInput(values.accountId, values.apiKey, backend.apiKeySet);
  const form = useSettingsForm<Credentials, FullSettings>({
    name: 'Warehouse connection',
    saved: { accountId: backend.accountId ?? '', apiKey: '' },
    validate: (values) => {
      const result = checked(values);
      return result.ok ? {} : result.fields;
    },
    save: (values) => {
      const result = checked(values);
      return api.put<FullSettings>('/api/settings/backend', { ...(result.ok ? result.input : values), revision });
    },
    onSaved: props.onSaved ?? ctx?.onSaved,
    savedText: 'Saved. The connection was tested and works.',
    reload: ctx?.reload,
    readOnly: !canManage,
  });

  const edit = (patch: Partial<Credentials>) => {
    setTested(null);
    test.reset();
    setTestFields({});
    form.edit(patch);
  };

  const onTest = async () => {
    setTested(null);
    const result = checked(form.values);
    setTestFields(result.ok ? {} : result.fields);
    if (!result.ok) return;
    const answer = await test.run(result.input);
    if (answer) setTested(answer.account.name);
  };

  const fieldError = (name: string) => testFields[name] ?? form.fieldError(name) ?? test.error?.fields?.[name];
  const state = backendState(backend, (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));

  return (
    <Panel
      id="backend"
      header="Fulfillment backend"
      description="The warehouse account your orders are sent to. Find the account ID and API key in your fulfillment provider's settings."
      badge={state.badge}
    >
      {state.problem && <Message type="error" marginBottom="medium" header={state.problem.header} messages={[{ text: state.problem.text }]} />}
      <Small marginBottom="medium">
        {backend.connected && backend.accountName ? `Connected to ${backend.accountName}. ` : ''}
        {backend.lastCheckedAt ? (
          <>
            Last checked <DateTime iso={backend.lastCheckedAt} />.
          </>
        ) : (
          'The connection has not been checked yet.'
        )}
      </Small>
      {!backend.connected && backend.lastError && (
        <Message type="warning" marginBottom="medium" header="The last connection check failed" messages={[{ text: backend.lastError }]} />
      )}
      <Form onSubmit={(event) => void form.submit(event)}>
        <FormGroup>
          <Input
            label="Account ID"
            required
            disabled={form.readOnly}
            value={form.values.accountId}
            autoComplete="off"
            error={fieldError('accountId')}
            onChange={(event) => edit({ accountId: event.target.value })}
          />
        </FormGroup>
        <FormGroup>
          <Input
            label="API key"
            type="password"
            required={!backend.apiKeySet}
            disabled={form.readOnly}
            value={form.values.apiKey}
            autoComplete="new-password"
            placeholder={backend.apiKeySet ? '••••••••••••' : undefined}
            description={
              backend.apiKeySet
                ? 'A key is saved. Leave this empty to keep it, or paste a new key to replace it.'
                : 'Paste the API key from your fulfillment account. It is stored encrypted and never shown again.'
            }
            error={fieldError('apiKey')}
            onChange={(event) => edit({ apiKey: event.target.value })}
          />
        </FormGroup>
        {tested && <InlineMessage type="success" marginBottom="medium" messages={[{ text: `Connection works: signed in to ${tested}.` }]} />}
        {test.error && <InlineMessage type="error" marginBottom="medium" header="The connection test failed" messages={[{ text: test.error.message }]} />}
        <FormActions
          form={form}
          extra={
            <Button type="button" variant="secondary" isLoading={test.busy} disabled={form.busy} onClick={() => void onTest()}>
              Test connection
            </Button>
          }
        />
      </Form>
    </Panel>
  );
}

import { backendState } from './backendState';
import { Button, Flex, Form, FormGroup, InlineMessage, Input, Message, Panel, Small } from '@bigcommerce/big-design';
import { useState, type FormEvent } from 'react';
import type { BackendSettings, ConnectionTestResponse, SettingsResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { DateTime } from '../../components/DateTime';
import { validateBackendInput, type FieldErrors } from './forms';

interface BackendPanelProps {
  backend: BackendSettings;
  onSaved(settings: SettingsResponse): void;
}

export function BackendPanel({ backend, onSaved }: BackendPanelProps) {
  const [accountId, setAccountId] = useState(backend.accountId ?? '');
  const [apiKey, setApiKey] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [tested, setTested] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const test = useAction((input: unknown) => api.post<ConnectionTestResponse>('/api/settings/backend/test', input));
  const save = useAction((input: unknown) => api.put<SettingsResponse>('/api/settings/backend', input));

  const validate = () => {
    setTested(null);
    setSaved(false);
    test.reset();
    save.reset();
    const result = validateBackendInput(accountId, apiKey, backend.apiKeySet);
    setFields(result.ok ? {} : result.fields);
    return result.ok ? result.input : null;
  };

  const onTest = async () => {
    const input = validate();
    if (!input) return;
    const result = await test.run(input);
    if (result) setTested(result.account.name);
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const input = validate();
    if (!input) return;
    const result = await save.run(input);
    if (result) {
      setApiKey('');
      setSaved(true);
      onSaved(result);
    }
  };

  const serverFields = save.error?.fields ?? test.error?.fields ?? {};
  const fieldError = (name: string) => fields[name] ?? serverFields[name];
  const failure = save.error ?? test.error;
  const state = backendState(backend, (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));

  return (
    <Panel
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
      <Form onSubmit={(event) => void onSave(event)}>
        <FormGroup>
          <Input
            label="Account ID"
            required
            value={accountId}
            autoComplete="off"
            error={fieldError('accountId')}
            onChange={(event) => setAccountId(event.target.value)}
          />
        </FormGroup>
        <FormGroup>
          <Input
            label="API key"
            type="password"
            required={!backend.apiKeySet}
            value={apiKey}
            autoComplete="new-password"
            placeholder={backend.apiKeySet ? '••••••••••••' : undefined}
            description={
              backend.apiKeySet
                ? 'A key is saved. Leave this empty to keep it, or paste a new key to replace it.'
                : 'Paste the API key from your fulfillment account. It is stored encrypted and never shown again.'
            }
            error={fieldError('apiKey')}
            onChange={(event) => setApiKey(event.target.value)}
          />
        </FormGroup>
        {tested && (
          <InlineMessage type="success" marginBottom="medium" messages={[{ text: `Connection works: signed in to ${tested}.` }]} />
        )}
        {saved && (
          <InlineMessage type="success" marginBottom="medium" messages={[{ text: 'Saved. The connection was tested and works.' }]} />
        )}
        {failure && (
          <InlineMessage
            type="error"
            marginBottom="medium"
            header={save.error ? 'Not saved' : 'The connection test failed'}
            messages={[{ text: failure.message }]}
          />
        )}
        <Flex flexGap="0.75rem" flexWrap="wrap">
          <Button type="button" variant="secondary" isLoading={test.busy} disabled={save.busy} onClick={() => void onTest()}>
            Test connection
          </Button>
          <Button type="submit" isLoading={save.busy} disabled={test.busy}>
            Save
          </Button>
        </Flex>
      </Form>
    </Panel>
  );
}

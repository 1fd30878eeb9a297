import { Form, FormGroup, Input, Panel, Radio } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { FallbackShippingSettings } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { FormActions } from '../settings/FormActions';
import { useCanManage } from '../settings/useCanManage';
import { useSettingsForm } from '../settings/useSettingsForm';
import { FALLBACK_CODE_MAX, fallbackInput, fallbackSavedText, fallbackValues, sameFallback, validateFallback, type FallbackValues } from './fallback';

const PATH = '/api/settings/fallback-shipping';
const DESCRIPTION =
  'Optional. When an order’s shipping method has no mapping, the order is held until you map it. With a fallback, it is sent with this warehouse code instead, and the order notes that the fallback was used.';

function FallbackForm({ saved, onSaved, reload }: { saved: FallbackShippingSettings; onSaved(next: FallbackShippingSettings): void; reload(): void }) {
  const canManage = useCanManage();
  const form = useSettingsForm<FallbackValues, FallbackShippingSettings>({
    name: 'Fallback shipping method',
    saved: fallbackValues(saved),
    equals: sameFallback,
    validate: validateFallback,
    save: (values) => api.put<FallbackShippingSettings>(PATH, fallbackInput(values)),
    onSaved,
    savedText: fallbackSavedText,
    reload,
    readOnly: !canManage,
  });
  const { on, code } = form.values;
  return (
    <Form noValidate aria-label="Fallback shipping method" onSubmit={(event) => void form.submit(event)}>
      <FormGroup>
        <Radio
          label="No fallback: hold the order until its method is mapped"
          name="fallback-mode"
          checked={!on}
          disabled={form.readOnly}
          onChange={() => form.edit({ on: false })}
        />
        <Radio label="Send unmapped methods with a fallback code" name="fallback-mode" checked={on} disabled={form.readOnly} onChange={() => form.edit({ on: true })} />
      </FormGroup>
      {on && (
        <FormGroup>
          <Input
            label="Fallback warehouse code"
            required
            value={code}
            maxLength={FALLBACK_CODE_MAX + 20}
            placeholder="GROUND"
            description="The code your warehouse uses for the service, as in the shipping method mappings."
            disabled={form.readOnly}
            error={form.fieldError('backendCode')}
            onChange={(event) => form.edit({ code: event.target.value })}
          />
        </FormGroup>
      )}
      <FormActions form={form} />
    </Form>
  );
}

/** Settings › Shipping and tracking › Fallback shipping method (issue 9 point 5). */
export function FallbackMethodPanel() {
  const loaded = useApiGet<FallbackShippingSettings>(PATH);
  // A save answers the setting as stored: it replaces the first answer.
  const [latest, setLatest] = useState<FallbackShippingSettings | null>(null);
  const saved = latest ?? (loaded.status === 'success' ? loaded.data : null);
  return (
    <Panel header="Fallback shipping method" description={DESCRIPTION}>
      {saved ? (
        <FallbackForm
          saved={{ backendCode: typeof saved.backendCode === 'string' && saved.backendCode !== '' ? saved.backendCode : null }}
          onSaved={setLatest}
          reload={() => {
            setLatest(null);
            loaded.reload();
          }}
        />
      ) : loaded.status === 'error' ? (
        loaded.error.sessionEnded ? null : (
          <ErrorMessage header="The fallback method couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
        )
      ) : (
        <Loading label="Loading the fallback method…" />
      )}
    </Panel>
  );
}

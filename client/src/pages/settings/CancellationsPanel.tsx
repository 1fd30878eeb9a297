import { Form, FormGroup, InlineMessage, MultiSelect, Panel, Select } from '@bigcommerce/big-design';
import { useState, type FormEvent } from 'react';
import type { LoopSettings, OrderStatusOption, SettingsResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom } from '../../lib/text';
import { statusOptions, type FieldErrors } from './forms';
import { cancellationStatusWarning, validateCancellationSettings, type CancellationInput, type FullSettings } from './loop';
import type { OrderStatusesState } from './SettingsPage';
import { SaveFooter } from './SaveFooter';

interface CancellationsPanelProps {
  settings: Pick<SettingsResponse, 'importStatusId' | 'statusAfterAcceptId'>;
  loop: LoopSettings;
  statuses: OrderStatusesState;
  onSaved(settings: FullSettings): void;
}

export function CancellationsPanel({ settings, loop, statuses, onSaved }: CancellationsPanelProps) {
  const [ids, setIds] = useState<number[]>(loop.cancellationStatusIds);
  const [onBackendCancel, setOnBackendCancel] = useState<number | null>(loop.statusOnBackendCancelId);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useAction((input: CancellationInput) => api.put<FullSettings>('/api/settings/loop', input));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = { cancellationStatusIds: ids, statusOnBackendCancelId: onBackendCancel };
    const errors = validateCancellationSettings(input, settings);
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await save.run(input);
    if (result) {
      setSaved(true);
      onSaved(result);
    }
  };

  let body;
  if (statuses.status === 'loading') {
    body = <Loading label="Loading your order statuses…" />;
  } else if (statuses.status === 'error') {
    body = statuses.error.sessionEnded ? null : (
      <ErrorMessage header="Your order statuses couldn't be loaded" message={statuses.error.message} onRetry={statuses.reload} />
    );
  } else {
    const options = statusOptions(listFrom<OrderStatusOption>(statuses.data, 'statuses'), [...ids, onBackendCancel]);
    const warning = cancellationStatusWarning(ids);
    const serverFields = save.error?.fields ?? {};
    body = (
      <Form onSubmit={(event) => void onSubmit(event)}>
        <FormGroup>
          <MultiSelect
            label="Statuses that cancel the order at the warehouse"
            options={options}
            value={ids}
            placeholder="None: don't cancel at the warehouse"
            description="When an order moves to one of these statuses in BigCommerce, Fulfillment Bridge asks your warehouse to cancel it. The result shows on the order."
            error={fields.cancellationStatusIds ?? serverFields.cancellationStatusIds}
            onOptionsChange={(values) => setIds(values)}
          />
        </FormGroup>
        {warning && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: warning }]} />}
        <FormGroup>
          <Select<number | null>
            label="Status to set when the warehouse cancels or rejects"
            options={[{ value: null, content: 'Don’t change the status' }, ...options]}
            value={onBackendCancel}
            description="For example Cancelled, so your team sees in BigCommerce that the order won't ship."
            error={fields.statusOnBackendCancelId ?? serverFields.statusOnBackendCancelId}
            onOptionChange={(value) => setOnBackendCancel(value ?? null)}
          />
        </FormGroup>
        <SaveFooter saved={saved} savedText="Cancellation settings saved." save={save} />
      </Form>
    );
  }

  return (
    <Panel
      header="Cancellations"
      description="Cancellations travel both ways: from BigCommerce to your warehouse, and from your warehouse back to BigCommerce. An order the warehouse has already shipped can't be cancelled; the order page then says so."
    >
      {!loop.flows.cancellations && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Cancellations flow is off (see Sync flows), so these settings have no effect until you turn it on.' }]}
        />
      )}
      {body}
    </Panel>
  );
}

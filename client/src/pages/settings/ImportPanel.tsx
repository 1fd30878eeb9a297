import { Form, FormGroup, InlineMessage, Panel, Select } from '@bigcommerce/big-design';
import { useState, type FormEvent } from 'react';
import type { ImportSettingsInput, OrderStatusOption, SettingsResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom } from '../../lib/text';
import { importStatusWarning, statusOptions, validateImportSettings, type FieldErrors } from './forms';
import type { OrderStatusesState } from './SettingsPage';
import { SaveFooter } from './SaveFooter';

interface ImportPanelProps {
  settings: SettingsResponse;
  /** GET /api/order-statuses, shared with the Cancellations panel. */
  statuses: OrderStatusesState;
  /** The Orders flow switch: off means nothing is sent right now. */
  ordersOn: boolean;
  onSaved(settings: SettingsResponse): void;
}

export function ImportPanel({ settings, statuses, ordersOn, onSaved }: ImportPanelProps) {
  const [importStatusId, setImportStatusId] = useState(settings.importStatusId);
  const [afterId, setAfterId] = useState<number | null>(settings.statusAfterAcceptId);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useAction((input: ImportSettingsInput) => api.put<SettingsResponse>('/api/settings/import', input));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = { importStatusId, statusAfterAcceptId: afterId };
    const errors = validateImportSettings(input);
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
    const options = statusOptions(listFrom<OrderStatusOption>(statuses.data, 'statuses'), [importStatusId, afterId]);
    const warning = importStatusWarning(importStatusId);
    const serverFields = save.error?.fields ?? {};
    body = (
      <Form onSubmit={(event) => void onSubmit(event)}>
        <FormGroup>
          <Select
            label="Order import status"
            required
            options={options}
            value={importStatusId}
            description="Orders are sent to your warehouse within seconds of reaching this status."
            error={serverFields.importStatusId}
            onOptionChange={(value) => value !== undefined && setImportStatusId(value)}
          />
        </FormGroup>
        {warning && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: warning }]} />}
        <FormGroup>
          <Select<number | null>
            label="Status to set after the warehouse accepts"
            options={[{ value: null, content: 'Don’t change the status' }, ...options]}
            value={afterId}
            description="Optional. For example Awaiting Shipment, so your team can see which orders the warehouse has."
            error={fields.statusAfterAcceptId ?? serverFields.statusAfterAcceptId}
            onOptionChange={(value) => setAfterId(value ?? null)}
          />
        </FormGroup>
        <SaveFooter saved={saved} savedText="Order import settings saved." save={save} />
      </Form>
    );
  }

  return (
    <Panel
      header="Order import"
      description="Choose when an order is ready for your warehouse. Statuses are listed with the names used in your store."
    >
      {!ordersOn && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Orders flow is off (see Sync flows): no orders are sent to your warehouse until you turn it on. Orders that reach the import status meanwhile are sent then.' }]}
        />
      )}
      {body}
    </Panel>
  );
}

import { Form, FormGroup, InlineMessage, Panel, Select } from '@bigcommerce/big-design';
import type { ImportSettingsInput, OrderStatusOption, SettingsResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { listFrom } from '../../lib/text';
import { FormActions } from './FormActions';
import { importStatusWarning, statusOptions, validateImportSettings } from './forms';
import type { FullSettings } from './flow-settings';
import { StatusesGate } from './StatusesGate';
import { useOptionalSettingsContext, type OrderStatusesState } from './SettingsContext';
import { useCanManage } from './useCanManage';
import { useSettingsForm } from './useSettingsForm';

interface ImportPanelProps {
  /** Outside Settings (the first-run setup): the saved settings, the statuses, the Orders switch, the answer's use. */
  settings?: SettingsResponse;
  statuses?: OrderStatusesState;
  ordersOn?: boolean;
  onSaved?(settings: SettingsResponse): void;
}

/** Orders and rules › Order import: when an order goes to the warehouse, and the status it gets then. */
export function ImportPanel(props: ImportPanelProps) {
  const ctx = useOptionalSettingsContext();
  const canManage = useCanManage();
  const settings = props.settings ?? ctx?.settings;
  const statuses = props.statuses ?? ctx?.statuses;
  if (!settings || !statuses) throw new Error('ImportPanel needs the saved settings and the order statuses');
  const ordersOn = props.ordersOn ?? ctx?.settings.flows.orders ?? true;
  const form = useSettingsForm<ImportSettingsInput, FullSettings>({
    name: 'Order import',
    saved: { importStatusId: settings.importStatusId, statusAfterAcceptId: settings.statusAfterAcceptId },
    validate: validateImportSettings,
    save: (values) => api.put<FullSettings>('/api/settings/import', { ...values, revision: settings.revision }),
    onSaved: props.onSaved ?? ctx?.onSaved,
    savedText: 'Order import settings saved.',
    reload: ctx?.reload ?? (() => window.location.reload()),
    readOnly: !canManage,
  });
  const { importStatusId, statusAfterAcceptId } = form.values;

  return (
    <Panel header="Order import" description="Choose when an order is ready for your warehouse. Statuses are listed with the names used in your store.">
      {!ordersOn && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Orders flow is off: no orders are sent to your warehouse until you turn it on. Orders that reach the import status meanwhile are sent then.' }]}
        />
      )}
      <StatusesGate statuses={statuses}>
        {(list: OrderStatusOption[]) => {
          const options = statusOptions(listFrom<OrderStatusOption>(list, 'statuses'), [importStatusId, statusAfterAcceptId]);
          const warning = importStatusWarning(importStatusId);
          return (
            <Form onSubmit={(event) => void form.submit(event)}>
              <FormGroup>
                <Select
                  label="Order import status"
                  required
                  disabled={form.readOnly}
                  options={options}
                  value={importStatusId}
                  description="Orders are sent to your warehouse within seconds of reaching this status."
                  error={form.fieldError('importStatusId')}
                  onOptionChange={(value) => value !== undefined && form.edit({ importStatusId: value })}
                />
              </FormGroup>
              {warning && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: warning }]} />}
              <FormGroup>
                <Select<number | null>
                  label="Status to set after the warehouse accepts"
                  disabled={form.readOnly}
                  options={[{ value: null, content: 'Don’t change the status' }, ...options]}
                  value={statusAfterAcceptId}
                  description="Optional. For example Awaiting Shipment, so your team can see which orders the warehouse has."
                  error={form.fieldError('statusAfterAcceptId')}
                  onOptionChange={(value) => form.edit({ statusAfterAcceptId: value ?? null })}
                />
              </FormGroup>
              <FormActions form={form} />
            </Form>
          );
        }}
      </StatusesGate>
    </Panel>
  );
}

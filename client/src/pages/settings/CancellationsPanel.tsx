import { Form, FormGroup, InlineMessage, MultiSelect, Panel, Select } from '@bigcommerce/big-design';
import type { OrderStatusOption } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { listFrom } from '../../lib/text';
import { FormActions } from './FormActions';
import { statusOptions } from './forms';
import { cancellationStatusWarning, validateCancellationSettings, type CancellationInput, type FullSettings } from './flow-settings';
import { sameIdSet } from './settingsForm';
import { useSettingsContext } from './SettingsContext';
import { StatusesGate } from './StatusesGate';
import { useSettingsForm } from './useSettingsForm';

const sameCancellation = (a: CancellationInput, b: CancellationInput) =>
  sameIdSet(a.cancellationStatusIds, b.cancellationStatusIds) && a.statusOnBackendCancelId === b.statusOnBackendCancelId;

/** Cancellations: which BigCommerce statuses cancel at the warehouse, and the status a warehouse cancel sets. */
export function CancellationsPanel() {
  const ctx = useSettingsContext();
  const { settings } = ctx;
  const form = useSettingsForm<CancellationInput, FullSettings>({
    name: 'Cancellations',
    saved: { cancellationStatusIds: settings.cancellationStatusIds, statusOnBackendCancelId: settings.statusOnBackendCancelId },
    equals: sameCancellation,
    validate: (values) => validateCancellationSettings(values, settings),
    save: (values) => api.put<FullSettings>('/api/settings/flow-options', { ...values, revision: settings.revision }),
    onSaved: ctx.onSaved,
    savedText: 'Cancellation settings saved.',
    reload: ctx.reload,
    readOnly: !ctx.canManage,
  });
  const { cancellationStatusIds: ids, statusOnBackendCancelId: onBackendCancel } = form.values;

  return (
    <Panel
      header="Cancellation statuses"
      description="Cancellations travel both ways: from BigCommerce to your warehouse, and from your warehouse back to BigCommerce. An order the warehouse has already shipped can't be cancelled; the order page then says so."
    >
      {!settings.flows.cancellations && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Cancellations flow is off (see above), so these settings have no effect until you turn it on.' }]}
        />
      )}
      <StatusesGate statuses={ctx.statuses}>
        {(list) => {
          const options = statusOptions(listFrom<OrderStatusOption>(list, 'statuses'), [...ids, onBackendCancel]);
          const warning = cancellationStatusWarning(ids);
          return (
            <Form onSubmit={(event) => void form.submit(event)}>
              <FormGroup>
                <MultiSelect
                  label="Statuses that cancel the order at the warehouse"
                  disabled={form.readOnly}
                  options={options}
                  value={ids}
                  placeholder="None: don't cancel at the warehouse"
                  description="When an order moves to one of these statuses in BigCommerce, Fulfillment Bridge asks your warehouse to cancel it. The result shows on the order."
                  error={form.fieldError('cancellationStatusIds')}
                  onOptionsChange={(values) => form.edit({ cancellationStatusIds: values })}
                />
              </FormGroup>
              {warning && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: warning }]} />}
              <FormGroup>
                <Select<number | null>
                  label="Status to set when the warehouse cancels or rejects"
                  disabled={form.readOnly}
                  options={[{ value: null, content: 'Don’t change the status' }, ...options]}
                  value={onBackendCancel}
                  description="For example Cancelled, so your team sees in BigCommerce that the order won't ship."
                  error={form.fieldError('statusOnBackendCancelId')}
                  onOptionChange={(value) => form.edit({ statusOnBackendCancelId: value ?? null })}
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

import { Fieldset, Form, FormGroup, InlineMessage, Panel, Radio, Select, Text } from '@bigcommerce/big-design';
import type { InventoryLocationOption, FlowSettings } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { listFrom } from '../../lib/text';
import { FormActions } from './FormActions';
import { locationOptions, SYNC_MODES, type FullSettings } from './flow-settings';
import { useSettingsContext } from './SettingsContext';
import { useSettingsForm } from './useSettingsForm';

type InventoryInput = Pick<FlowSettings, 'inventoryLocationId' | 'syncMode'>;

/** Where stock levels are written, and how the warehouse reports shipments and stock. */
export function InventorySettingsPanel() {
  const ctx = useSettingsContext();
  const { settings } = ctx;
  const locations = useApiGet<InventoryLocationOption[]>('/api/inventory-locations');
  const form = useSettingsForm<InventoryInput, FullSettings>({
    name: 'Inventory location and reporting',
    saved: { inventoryLocationId: settings.inventoryLocationId, syncMode: settings.syncMode },
    save: (values) => api.put<FullSettings>('/api/settings/flow-options', { ...values, revision: settings.revision }),
    onSaved: ctx.onSaved,
    savedText: 'Inventory settings saved.',
    reload: ctx.reload,
    readOnly: !ctx.canManage,
  });
  const { inventoryLocationId: locationId, syncMode } = form.values;
  const list = locations.status === 'success' ? listFrom<InventoryLocationOption>(locations.data, 'locations') : [];

  return (
    <Panel
      header="Stock levels"
      description="Stock levels from your warehouse are written to one BigCommerce inventory location. Products only take them when inventory tracking is on in BigCommerce."
    >
      {!settings.flows.inventory && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Inventory flow is off (see above): stock levels are not written to BigCommerce until you turn it on.' }]}
        />
      )}
      {locations.status === 'error' && !locations.error.sessionEnded && (
        <ErrorMessage marginBottom="medium" header="Your inventory locations couldn't be loaded" message={locations.error.message} onRetry={locations.reload} />
      )}
      <Form onSubmit={(event) => void form.submit(event)}>
        <FormGroup>
          <Select
            label="Inventory location"
            required
            disabled={locations.status === 'loading' || form.readOnly}
            placeholder={locations.status === 'loading' ? 'Loading locations…' : undefined}
            options={locationOptions(list, locationId)}
            value={locations.status === 'loading' ? undefined : locationId}
            description="The BigCommerce location whose stock levels Fulfillment Bridge updates."
            error={form.fieldError('inventoryLocationId')}
            onOptionChange={(value) => value !== undefined && form.edit({ inventoryLocationId: value })}
          />
        </FormGroup>
        <Fieldset legend="How the warehouse reports" description="Applies to shipments and stock levels. Ask your warehouse which one it supports.">
          {SYNC_MODES.map((mode) => (
            <FormGroup key={mode.value}>
              <Radio
                name="syncMode"
                value={mode.value}
                label={mode.label}
                description={mode.description}
                disabled={form.readOnly}
                checked={syncMode === mode.value}
                onChange={() => form.edit({ syncMode: mode.value })}
              />
            </FormGroup>
          ))}
        </Fieldset>
        {form.fieldError('syncMode') && <InlineMessage type="error" marginBottom="medium" messages={[{ text: form.fieldError('syncMode')! }]} />}
        <FormActions form={form} />
      </Form>
      <Text color="secondary60" marginTop="medium" marginBottom="none">
        See what was synced, and why some SKUs were skipped, on the <AppLink to="/inventory">Inventory</AppLink> page.
      </Text>
    </Panel>
  );
}

import { Fieldset, Form, FormGroup, InlineMessage, Panel, Radio, Select, Text } from '@bigcommerce/big-design';
import { useState, type FormEvent } from 'react';
import type { InventoryLocationOption, LoopSettings } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { listFrom } from '../../lib/text';
import { locationOptions, SYNC_MODES, type FullSettings } from './loop';
import { SaveFooter } from './SaveFooter';

interface InventorySettingsPanelProps {
  loop: LoopSettings;
  onSaved(settings: FullSettings): void;
}

type InventoryInput = Pick<LoopSettings, 'inventoryLocationId' | 'syncMode'>;

/** Where stock levels are written, and how the warehouse reports shipments and stock. */
export function InventorySettingsPanel({ loop, onSaved }: InventorySettingsPanelProps) {
  const locations = useApiGet<InventoryLocationOption[]>('/api/inventory-locations');
  const [locationId, setLocationId] = useState(loop.inventoryLocationId);
  const [syncMode, setSyncMode] = useState<LoopSettings['syncMode']>(loop.syncMode);
  const [saved, setSaved] = useState(false);
  const save = useAction((input: InventoryInput) => api.put<FullSettings>('/api/settings/loop', input));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save.run({ inventoryLocationId: locationId, syncMode });
    if (result) {
      setSaved(true);
      onSaved(result);
    }
  };

  const list = locations.status === 'success' ? listFrom<InventoryLocationOption>(locations.data, 'locations') : [];
  const serverFields = save.error?.fields ?? {};

  return (
    <Panel
      header="Inventory"
      description="Stock levels from your warehouse are written to one BigCommerce inventory location. Products only take them when inventory tracking is on in BigCommerce."
    >
      {!loop.flows.inventory && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Inventory flow is off (see Sync flows): stock levels are not written to BigCommerce until you turn it on.' }]}
        />
      )}
      {locations.status === 'error' && !locations.error.sessionEnded && (
        <ErrorMessage
          marginBottom="medium"
          header="Your inventory locations couldn't be loaded"
          message={locations.error.message}
          onRetry={locations.reload}
        />
      )}
      <Form onSubmit={(event) => void onSubmit(event)}>
        <FormGroup>
          <Select
            label="Inventory location"
            required
            disabled={locations.status === 'loading'}
            placeholder={locations.status === 'loading' ? 'Loading locations…' : undefined}
            options={locationOptions(list, locationId)}
            value={locations.status === 'loading' ? undefined : locationId}
            description="The BigCommerce location whose stock levels Fulfillment Bridge updates."
            error={serverFields.inventoryLocationId}
            onOptionChange={(value) => value !== undefined && setLocationId(value)}
          />
        </FormGroup>
        <Fieldset
          legend="How the warehouse reports"
          description="Applies to shipments and stock levels. Ask your warehouse which one it supports."
        >
          {SYNC_MODES.map((mode) => (
            <FormGroup key={mode.value}>
              <Radio
                name="syncMode"
                value={mode.value}
                label={mode.label}
                description={mode.description}
                checked={syncMode === mode.value}
                onChange={() => setSyncMode(mode.value)}
              />
            </FormGroup>
          ))}
        </Fieldset>
        {serverFields.syncMode && <InlineMessage type="error" marginBottom="medium" messages={[{ text: serverFields.syncMode }]} />}
        <SaveFooter saved={saved} savedText="Inventory settings saved." save={save} />
      </Form>
      <Text color="secondary60" marginTop="medium" marginBottom="none">
        See what was synced, and why some SKUs were skipped, on the <AppLink to="/inventory">Inventory</AppLink> page.
      </Text>
    </Panel>
  );
}

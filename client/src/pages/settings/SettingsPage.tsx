import { useMemo, useState } from 'react';
import type { OrderStatusOption } from '../../../../server/api/contract';
import { useApiGet, type ApiGetState } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { BackendPanel } from './BackendPanel';
import { CancellationsPanel } from './CancellationsPanel';
import { CarrierMappingsPanel } from './CarrierMappingsPanel';
import { FlowsPanel } from './FlowsPanel';
import { ImportPanel } from './ImportPanel';
import { InventorySettingsPanel } from './InventorySettingsPanel';
import { loopSettingsOf, type LoadedSettings } from './loop';
import { NotificationsPanel } from './NotificationsPanel';
import { ShippingMappingsPanel } from './ShippingMappingsPanel';
import { SkuMappingsPanel } from './SkuMappingsPanel';
import { SETTINGS_SECTIONS } from './deepLink';
import { useSectionScroll } from './useSectionScroll';
import { WebhookHealthPanel } from './WebhookHealthPanel';

/** GET /api/order-statuses, loaded once for the panels that pick statuses. */
export type OrderStatusesState = ApiGetState<OrderStatusOption[]> & { reload(): void };

/**
 * Panels in the order a merchant sets the app up: connect, choose what syncs, then each flow's
 * details, then the mappings, then the webhook health check.
 */
export function SettingsPage() {
  const loaded = useApiGet<LoadedSettings>('/api/settings');
  const statuses = useApiGet<OrderStatusOption[]>('/api/order-statuses');
  // Every PUT answers the full settings: the newest answer wins over the first load.
  const [latest, setLatest] = useState<LoadedSettings | null>(null);
  const current = latest ?? (loaded.status === 'success' ? loaded.data : null);
  // Stable between renders, so the flow switches only resync when an answer really arrives.
  const loop = useMemo(() => loopSettingsOf(current), [current]);
  // Deep links ("/settings#backend", remedies on held orders) scroll to their panel.
  useSectionScroll(loaded.status === 'success');

  if (loaded.status === 'loading') return <Loading label="Loading settings…" />;
  if (loaded.status === 'error') {
    if (loaded.error.sessionEnded) return null;
    return <ErrorMessage header="Settings couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  }

  const settings = current ?? loaded.data;
  return (
    <>
      <div id={SETTINGS_SECTIONS.backend}>
        <BackendPanel backend={settings.backend} onSaved={setLatest} />
      </div>
      <FlowsPanel flows={loop.flows} onSaved={setLatest} />
      <ImportPanel settings={settings} statuses={statuses} ordersOn={loop.flows.orders} onSaved={setLatest} />
      <CancellationsPanel settings={settings} loop={loop} statuses={statuses} onSaved={setLatest} />
      <CarrierMappingsPanel fulfillmentOn={loop.flows.fulfillment} />
      <InventorySettingsPanel loop={loop} onSaved={setLatest} />
      <SkuMappingsPanel />
      <ShippingMappingsPanel />
      <WebhookHealthPanel webhooks={settings.webhooks} />
      <NotificationsPanel />
    </>
  );
}

import { useState } from 'react';
import type { SettingsResponse } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { BackendPanel } from './BackendPanel';
import { ImportPanel } from './ImportPanel';
import { ShippingMappingsPanel } from './ShippingMappingsPanel';
import { SkuMappingsPanel } from './SkuMappingsPanel';
import { WebhookHealthPanel } from './WebhookHealthPanel';

export function SettingsPage() {
  const loaded = useApiGet<SettingsResponse>('/api/settings');
  // Every PUT answers the full settings: the newest answer wins over the first load.
  const [latest, setLatest] = useState<SettingsResponse | null>(null);

  if (loaded.status === 'loading') return <Loading label="Loading settings…" />;
  if (loaded.status === 'error') {
    if (loaded.error.sessionEnded) return null;
    return <ErrorMessage header="Settings couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  }

  const settings = latest ?? loaded.data;
  return (
    <>
      <BackendPanel backend={settings.backend} onSaved={setLatest} />
      <ImportPanel settings={settings} onSaved={setLatest} />
      <SkuMappingsPanel />
      <ShippingMappingsPanel />
      <WebhookHealthPanel webhooks={settings.webhooks} />
    </>
  );
}

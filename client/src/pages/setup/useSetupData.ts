import { useCallback, useMemo, useState } from 'react';
import type { OrderStatusOption, OverviewResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { flowSettingsOf, type FullSettings, type LoadedSettings } from '../settings/flow-settings';
import type { SettingsContextValue } from '../settings/SettingsContext';
import { useCanManage } from '../settings/useCanManage';

/** The answer read defensively (as Settings does): a field a server does not send yet must not break the page. */
function fullSettings(loaded: LoadedSettings): FullSettings {
  return { ...loaded, ...flowSettingsOf(loaded), revision: typeof loaded.revision === 'number' ? loaded.revision : (undefined as unknown as number) };
}

/**
 * What the setup reads: the settings (shared with the Settings forms it shows, through their
 * context), the store's order statuses and the Overview's checklist (whether the import status
 * was ever confirmed).
 */
export function useSetupData() {
  const loaded = useApiGet<LoadedSettings>('/api/settings');
  const statuses = useApiGet<OrderStatusOption[]>('/api/order-statuses');
  const overview = useApiGet<OverviewResponse>('/api/overview');
  const canManage = useCanManage();
  const [latest, setLatest] = useState<FullSettings | null>(null);
  const settings = useMemo(() => latest ?? (loaded.status === 'success' ? fullSettings(loaded.data) : null), [latest, loaded]);
  const reloadOverview = overview.reload;
  const onSaved = useCallback(
    (next: FullSettings) => {
      setLatest(fullSettings(next));
      reloadOverview();
    },
    [reloadOverview],
  );
  const reload = useCallback(async () => {
    setLatest(fullSettings(await api.get<LoadedSettings>('/api/settings')));
  }, []);
  const context = useMemo<SettingsContextValue | null>(
    () => (settings ? { settings, statuses, onSaved, reload, canManage } : null),
    [settings, statuses, onSaved, reload, canManage],
  );
  const checklist = overview.status === 'success' ? overview.data.checklist : overview.status === 'loading' ? overview.stale?.checklist : undefined;
  const error = loaded.status === 'error' ? loaded : overview.status === 'error' && !checklist ? overview : null;
  return { context, checklist, statuses, failure: error ? { error: error.error, retry: error.reload } : null, canManage };
}

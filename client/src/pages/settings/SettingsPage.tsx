import { H2, InlineMessage } from '@bigcommerce/big-design';
import { useCallback, useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import type { OrderStatusOption } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { navigate, usePathname, useSearch } from '../../router/history';
import { flowSettingsOf, type FullSettings, type LoadedSettings } from './flow-settings';
import { resolveSettingsLocation } from './sections';
import { SettingsContext, type SettingsContextValue } from './SettingsContext';
import { SettingsNav, SIDE_NAV_MIN_WIDTH } from './SettingsNav';
import { SECTIONS_NEEDING_SETTINGS, SectionContent } from './SettingsSections';
import { READ_ONLY_TEXT } from './settingsForm';
import { useCanManage } from './useCanManage';
import { useLocationHash, useSectionScroll } from './useSectionScroll';

export type { OrderStatusesState } from './SettingsContext';

const Layout = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  row-gap: ${({ theme }) => theme.spacing.large};

  @media (min-width: ${SIDE_NAV_MIN_WIDTH}) {
    grid-template-columns: 12rem minmax(0, 1fr);
    column-gap: ${({ theme }) => theme.spacing.xLarge};
    align-items: start;
  }
`;

/** The answer, read defensively: a server that doesn't send a field yet must not break the page. */
function fullSettings(loaded: LoadedSettings): FullSettings {
  return { ...loaded, ...flowSettingsOf(loaded), revision: typeof loaded.revision === 'number' ? loaded.revision : (undefined as unknown as number) };
}

/**
 * Settings, one section at a time at its own address (/settings/orders, …): the sections are
 * listed in the order a merchant sets the app up. "/settings" and links from the one-page Settings
 * open the section holding what they name (sections.ts).
 */
export function SettingsPage() {
  const pathname = usePathname();
  const search = useSearch();
  const hash = useLocationHash();
  const { section, redirect } = resolveSettingsLocation(pathname, search, hash);
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  const loaded = useApiGet<LoadedSettings>('/api/settings');
  const statuses = useApiGet<OrderStatusOption[]>('/api/order-statuses');
  const canManage = useCanManage();
  // Every PUT answers the full settings with the new revision: the newest answer wins over the first load.
  const [latest, setLatest] = useState<FullSettings | null>(null);
  const settings = useMemo(() => latest ?? (loaded.status === 'success' ? fullSettings(loaded.data) : null), [latest, loaded]);
  const reload = useCallback(async () => {
    setLatest(fullSettings(await api.get<LoadedSettings>('/api/settings')));
  }, []);
  // Deep links ("#backend", remedies on held orders) scroll to their panel once it is there.
  useSectionScroll(redirect === null && (settings !== null || !SECTIONS_NEEDING_SETTINGS.has(section.id)));

  const context = useMemo<SettingsContextValue | null>(
    () => (settings ? { settings, statuses, onSaved: (next) => setLatest(fullSettings(next)), reload, canManage } : null),
    [settings, statuses, reload, canManage],
  );

  let body;
  if (redirect) {
    // Nothing until the address is the section's: a panel handling a deep link on mount (and
    // removing it from the address) must not race the redirect that carries it.
    body = null;
  } else if (context) {
    body = (
      <SettingsContext.Provider value={context}>
        <SectionContent section={section.id} />
      </SettingsContext.Provider>
    );
  } else if (!SECTIONS_NEEDING_SETTINGS.has(section.id)) {
    body = <SectionContent section={section.id} />;
  } else if (loaded.status === 'error') {
    body = loaded.error.sessionEnded ? null : <ErrorMessage header="Settings couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  } else {
    body = <Loading label="Loading settings…" />;
  }

  return (
    <Layout>
      <SettingsNav current={section.id} />
      <section aria-labelledby="settings-section-heading">
        <H2 id="settings-section-heading">{section.title}</H2>
        {!canManage && section.id !== 'team' && <InlineMessage type="info" marginBottom="medium" messages={[{ text: READ_ONLY_TEXT }]} />}
        {body}
      </section>
    </Layout>
  );
}

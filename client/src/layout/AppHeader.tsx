import { Box, H1, Tabs, Text } from '@bigcommerce/big-design';
import type { TabItem } from '@bigcommerce/big-design';

export interface HeaderTab {
  id: string;
  title: string;
}

interface AppHeaderProps {
  /** Tabs to show; none while the session is not active. */
  tabs: readonly HeaderTab[];
  activeTabId?: string;
  onTabSelect(id: string): void;
}

/** DOM ids shared by a tab and the panel it controls. */
export const tabDomId = (id: string): string => `fb-tab-${id}`;
export const tabPanelDomId = (id: string): string => `fb-tabpanel-${id}`;

export function AppHeader({ tabs, activeTabId, onTabSelect }: AppHeaderProps) {
  const items: TabItem[] = tabs.map((tab) => ({
    id: tabDomId(tab.id),
    title: tab.title,
    ariaControls: tabPanelDomId(tab.id),
  }));
  const byDomId = new Map(tabs.map((tab) => [tabDomId(tab.id), tab.id]));

  return (
    <Box as="header" marginBottom="xLarge">
      <H1 marginBottom="xxSmall">Fulfillment Bridge</H1>
      <Text color="secondary60" marginBottom={items.length > 0 ? 'large' : 'none'}>
        Send your orders to your warehouse and bring tracking and stock levels back into BigCommerce.
      </Text>
      {items.length > 0 && (
        <Tabs
          aria-label="Fulfillment Bridge sections"
          activeTab={activeTabId === undefined ? undefined : tabDomId(activeTabId)}
          items={items}
          onTabClick={(domId) => {
            const id = byDomId.get(domId);
            if (id !== undefined) onTabSelect(id);
          }}
        />
      )}
    </Box>
  );
}

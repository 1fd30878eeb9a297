import { Box, Flex, H1, Tabs, Text } from '@bigcommerce/big-design';
import type { TabItem } from '@bigcommerce/big-design';
import type { MouseEvent } from 'react';
import styled from 'styled-components';
import { HelpButton } from '../help/HelpButton';

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

// BigDesign makes the selected tab ignore the pointer (pointer-events: none), so a click on it
// fell through to the tab bar: "Orders" did nothing on an order's page. It takes clicks again,
// and one on it opens the section's first page (the list, from an order).
const TabBar = styled.div`
  [role='tab'][aria-selected='true'] {
    pointer-events: auto;
    cursor: pointer;
  }
`;

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
  // BigDesign only reports clicks on the other tabs.
  const onSelectedTabClick = (event: MouseEvent<HTMLDivElement>) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"][aria-selected="true"]') : null;
    const id = tab ? byDomId.get(tab.id) : undefined;
    if (id !== undefined) onTabSelect(id);
  };

  return (
    <Box as="header" marginBottom="xLarge">
      <Flex justifyContent="space-between" alignItems="flex-start" flexGap="1rem">
        <H1 marginBottom="xxSmall">Fulfillment Bridge</H1>
        <HelpButton />
      </Flex>
      <Text color="secondary60" marginBottom={items.length > 0 ? 'large' : 'none'}>
        Send your orders to your warehouse and bring tracking and stock levels back into BigCommerce.
      </Text>
      {items.length > 0 && (
        <TabBar onClick={onSelectedTabClick}>
          <Tabs
            aria-label="Fulfillment Bridge sections"
            activeTab={activeTabId === undefined ? undefined : tabDomId(activeTabId)}
            items={items}
            onTabClick={(domId) => {
              const id = byDomId.get(domId);
              if (id !== undefined) onTabSelect(id);
            }}
          />
        </TabBar>
      )}
    </Box>
  );
}

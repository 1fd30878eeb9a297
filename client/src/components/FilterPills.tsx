import { Button } from '@bigcommerce/big-design';
import styled from 'styled-components';

// BigDesign's selected pill is blue text on light blue (3.8:1, below the 4.5:1 text needs); the
// darker blue keeps the look at 6.4:1. Pills wrap onto a second line when the panel is narrow.
const Pills = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.spacing.xSmall};

  .bd-button {
    width: auto;
  }

  .bd-button[aria-pressed='true'],
  .bd-button[aria-pressed='true']:hover {
    background-color: ${({ theme }) => theme.colors.primary20};
    color: ${({ theme }) => theme.colors.primary60};
  }
`;

export interface FilterPillItem {
  id: string;
  title: string;
}

interface FilterPillsProps {
  items: FilterPillItem[];
  activePills: string[];
  onPillClick(id: string): void;
}

/**
 * Filter pills with the props of BigDesign's PillTabs, which is replaced: besides the contrast,
 * it measures the pills after the first paint and moves those that don't fit into a "More" menu
 * (pills jump, and the menu's toggle fails axe's aria-allowed-attr). These are plain toggle
 * buttons (aria-pressed) that wrap; put them in a role="group" with an aria-label.
 */
export function FilterPills({ items, activePills, onPillClick }: FilterPillsProps) {
  return (
    <Pills>
      {items.map(({ id, title }) => (
        <Button key={id} type="button" variant="subtle" mobileWidth="auto" aria-pressed={activePills.includes(id)} onClick={() => onPillClick(id)}>
          {title}
        </Button>
      ))}
    </Pills>
  );
}

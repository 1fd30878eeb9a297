import type { MouseEvent } from 'react';
import styled from 'styled-components';
import { leaveGuard } from '../../lib/leaveGuard';
import { navigate } from '../../router/history';
import { SETTINGS_SECTION_LIST, type SettingsSectionId } from './sections';

/** Wide enough for the side navigation next to the forms; narrower frames get a row of pills above. */
export const SIDE_NAV_MIN_WIDTH = '960px';

const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.spacing.xSmall};

  @media (min-width: ${SIDE_NAV_MIN_WIDTH}) {
    flex-direction: column;
    flex-wrap: nowrap;
    gap: ${({ theme }) => theme.spacing.xxSmall};
  }
`;

// The control panel's sub-navigation look: plain text, the current section on a light blue
// background in the primary colour (pills when laid out in a row).
const Item = styled.a<{ $current: boolean }>`
  display: block;
  padding: ${({ theme }) => `${theme.spacing.xSmall} ${theme.spacing.medium}`};
  border-radius: ${({ theme }) => theme.borderRadius.normal};
  color: ${({ $current, theme }) => ($current ? theme.colors.primary60 : theme.colors.secondary70)};
  background: ${({ $current, theme }) => ($current ? theme.colors.primary10 : 'transparent')};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  font-weight: ${({ $current, theme }) => ($current ? theme.typography.fontWeight.semiBold : theme.typography.fontWeight.regular)};
  line-height: ${({ theme }) => theme.lineHeight.medium};
  text-decoration: none;
  white-space: nowrap;

  &:hover {
    background: ${({ $current, theme }) => ($current ? theme.colors.primary10 : theme.colors.secondary20)};
  }

  &:focus-visible {
    outline: none;
    box-shadow: 0 0 0 4px ${({ theme }) => theme.colors.primary20};
  }
`;

/** The Settings sections, each a link to its own address; leaving unsaved changes asks first. */
export function SettingsNav({ current }: { current: SettingsSectionId }) {
  const open = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leaveGuard.requestLeave(() => navigate(path));
  };
  return (
    <nav aria-label="Settings sections">
      <List>
        {SETTINGS_SECTION_LIST.map((section) => (
          <li key={section.id}>
            <Item href={section.path} $current={section.id === current} aria-current={section.id === current ? 'page' : undefined} onClick={(event) => open(event, section.path)}>
              {section.title}
            </Item>
          </li>
        ))}
      </List>
    </nav>
  );
}

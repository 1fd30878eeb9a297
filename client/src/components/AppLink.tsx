import { Link } from '@bigcommerce/big-design';
import type { LinkProps } from '@bigcommerce/big-design';
import type { MouseEvent, ReactNode } from 'react';
import styled from 'styled-components';
import { navigate } from '../router/history';

/** Links up to this many characters ("#1042", "Inventory") never wrap; longer ones wrap between words. */
const SHORT = 16;

// Short in-app links never break in the middle; a long one ("1 order needs attention") may wrap,
// or it widened its table column past the panel. Inside a sentence a link is underlined: its blue
// is too close to the grey text around it to be told apart by colour alone (1.2:1).
const StyledLink = styled(Link)<{ $short: boolean }>`
  white-space: ${({ $short }) => ($short ? 'nowrap' : 'normal')};

  p &,
  li & {
    text-decoration: underline;
  }
`;

function textLength(children: ReactNode): number {
  if (typeof children === 'string' || typeof children === 'number') return String(children).length;
  if (Array.isArray(children)) return children.reduce<number>((sum, child) => sum + textLength(child as ReactNode), 0);
  return 0;
}

/** A BigDesign Link to an in-app path that navigates without reloading (modified clicks behave as usual). */
export function AppLink({ to, onClick, ...props }: Omit<LinkProps, 'href'> & { to: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <StyledLink {...props} $short={textLength(props.children) <= SHORT} href={to} onClick={handleClick} />;
}

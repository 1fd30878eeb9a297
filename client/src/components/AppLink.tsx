import { Link } from '@bigcommerce/big-design';
import type { LinkProps } from '@bigcommerce/big-design';
import type { MouseEvent } from 'react';
import styled from 'styled-components';
import { navigate } from '../router/history';

// Short in-app links ("#1042") never break in the middle. Inside a sentence a link is underlined:
// its blue is too close to the grey text around it to be told apart by colour alone (1.2:1).
const NoWrapLink = styled(Link)`
  white-space: nowrap;

  p &,
  li & {
    text-decoration: underline;
  }
`;

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
  return <NoWrapLink {...props} href={to} onClick={handleClick} />;
}

import type { ReactNode } from 'react';
import styled from 'styled-components';
import { formatDateTime, formatExact } from '../lib/dates';

// One line from tablet width up; phones may wrap it rather than widen the table.
const Time = styled.time`
  ${({ theme }) => theme.breakpoints.tablet} {
    white-space: nowrap;
  }
`;

interface DateTimeProps {
  iso: string | null | undefined;
  /** Append the time zone abbreviation ("EST"). */
  zone?: boolean;
  fallback?: ReactNode;
}

/** An instant in the user's locale and time zone; the tooltip has the exact time and UTC. */
export function DateTime({ iso, zone = false, fallback = '—' }: DateTimeProps) {
  const text = iso ? formatDateTime(iso, undefined, undefined, { zone }) : null;
  if (!iso || !text) return <>{fallback}</>;
  return (
    <Time dateTime={iso} title={formatExact(iso) ?? undefined}>
      {text}
    </Time>
  );
}

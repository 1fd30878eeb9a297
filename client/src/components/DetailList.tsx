import { Fragment, type ReactNode } from 'react';
import styled from 'styled-components';

// A label/value list (<dl>): one column on phones, label beside value from tablet width up.
const StyledList = styled.dl`
  display: grid;
  grid-template-columns: 1fr;
  row-gap: ${({ theme }) => theme.spacing.xxSmall};
  margin: 0;

  ${({ theme }) => theme.breakpoints.tablet} {
    grid-template-columns: minmax(8rem, max-content) 1fr;
    column-gap: ${({ theme }) => theme.spacing.xLarge};
    row-gap: ${({ theme }) => theme.spacing.small};
  }
`;

const Term = styled.dt`
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  line-height: ${({ theme }) => theme.lineHeight.medium};
`;

const Detail = styled.dd<{ $muted: boolean }>`
  margin: 0 0 ${({ theme }) => theme.spacing.xSmall};
  color: ${({ $muted, theme }) => ($muted ? theme.colors.secondary50 : theme.colors.secondary70)};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  line-height: ${({ theme }) => theme.lineHeight.medium};
  overflow-wrap: anywhere;

  ${({ theme }) => theme.breakpoints.tablet} {
    margin-bottom: 0;
  }
`;

export interface DetailRow {
  label: string;
  /** null renders a muted "Not available". */
  value: ReactNode | null;
}

export function DetailList({ rows }: { rows: readonly DetailRow[] }) {
  return (
    <StyledList>
      {rows.map(({ label, value }) => (
        <Fragment key={label}>
          <Term>{label}</Term>
          <Detail $muted={value === null}>{value ?? 'Not available'}</Detail>
        </Fragment>
      ))}
    </StyledList>
  );
}

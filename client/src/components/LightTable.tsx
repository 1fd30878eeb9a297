import type { ReactNode } from 'react';
import styled from 'styled-components';

// A read-only table styled like BigDesign's, for the first page: BigDesign's Table brings its
// pagination, dropdowns and drag-and-drop code (~45 kB gzipped), which would take the initial
// download past its 150 kB budget. Pages loaded later use BigDesign's Table.

export interface LightColumn<T> {
  hash: string;
  header: string;
  width?: string;
  render(item: T): ReactNode;
}

const StyledTable = styled.table`
  width: 100%;
  border-collapse: collapse;
  color: ${({ theme }) => theme.colors.secondary70};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  line-height: ${({ theme }) => theme.lineHeight.medium};

  th {
    background: ${({ theme }) => theme.colors.secondary10};
    color: ${({ theme }) => theme.colors.secondary70};
    font-weight: ${({ theme }) => theme.typography.fontWeight.semiBold};
    text-align: left;
    white-space: nowrap;
    padding: ${({ theme }) => `${theme.spacing.small} ${theme.spacing.medium}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.secondary30};
  }

  td {
    vertical-align: top;
    padding: ${({ theme }) => `${theme.spacing.small} ${theme.spacing.medium}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.secondary30};
  }
`;

export function LightTable<T>({ columns, items, keyOf, caption }: { columns: ReadonlyArray<LightColumn<T>>; items: readonly T[]; keyOf(item: T): string; caption?: string }) {
  return (
    <StyledTable>
      {caption && <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.hash} scope="col" style={c.width ? { width: c.width } : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={keyOf(item)}>
            {columns.map((c) => (
              <td key={c.hash}>{c.render(item)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </StyledTable>
  );
}

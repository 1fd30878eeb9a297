import { Badge, Button, Input, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { createContext, useContext } from 'react';
import styled from 'styled-components';
import type { ShippingMethodMapping } from '../../../../server/api/contract';
import { BACKEND_CODE_MAX, methodLabel, NO_METHOD_LABEL } from './shippingMethods';

const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

/** What the row cells read and do; the panel provides it on every render. */
export interface ShippingRows {
  codeOf(row: ShippingMethodMapping): string | null;
  draftOf(row: ShippingMethodMapping): string;
  setDraft(method: string, value: string): void;
  save(row: ShippingMethodMapping): void;
  savingMethod: string | null;
  /** A member who may not change settings sees the codes only. */
  readOnly: boolean;
  /** The code inputs by method, so a deep link can focus one. */
  registerInput(method: string, element: HTMLInputElement | null): void;
}

export const ShippingRowsContext = createContext<ShippingRows | null>(null);

function useRows(): ShippingRows {
  const rows = useContext(ShippingRowsContext);
  if (!rows) throw new Error('ShippingRowsContext is missing');
  return rows;
}

// "Not mapped" on one line (Badge drops className, so a wrapper carries the style).
const NoWrap = styled.span`
  white-space: nowrap;
`;

function StatusCell({ row }: { row: ShippingMethodMapping }) {
  return (
    <NoWrap>{useRows().codeOf(row) ? <Badge label="Mapped" variant="success" /> : <Badge label="Not mapped" variant={row.ordersSeen > 0 ? 'warning' : 'secondary'} />}</NoWrap>
  );
}

function CodeCell({ row }: { row: ShippingMethodMapping }) {
  const rows = useRows();
  return (
    <Input
      ref={(element) => rows.registerInput(row.method, element)}
      aria-label={`Backend code for ${methodLabel(row.method)}`}
      placeholder="e.g. UPS_GROUND"
      maxLength={BACKEND_CODE_MAX}
      disabled={rows.readOnly}
      value={rows.draftOf(row)}
      onChange={(event) => rows.setDraft(row.method, event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') rows.save(row);
      }}
    />
  );
}

function SaveCell({ row }: { row: ShippingMethodMapping }) {
  const rows = useRows();
  return (
    <Button
      variant="secondary"
      mobileWidth="auto"
      disabled={rows.readOnly || rows.draftOf(row).trim() === (rows.codeOf(row) ?? '') || (rows.savingMethod !== null && rows.savingMethod !== row.method)}
      isLoading={rows.savingMethod === row.method}
      onClick={() => rows.save(row)}
    >
      Save
    </Button>
  );
}

/**
 * A module constant, the state comes through ShippingRowsContext: BigDesign's Table renders each
 * column's `render` as a component type, so columns rebuilt on every render remounted every cell,
 * and the code input lost the focus (and the caret) on each keystroke.
 */
export const SHIPPING_COLUMNS: Array<TableColumn<ShippingMethodMapping>> = [
  {
    hash: 'method',
    header: 'Shipping method',
    render: ({ method }) =>
      method === '' ? (
        <Text as="span" color="secondary60" title="Orders whose shipping address has no shipping method">
          {NO_METHOD_LABEL}
        </Text>
      ) : (
        method
      ),
  },
  { hash: 'seen', header: 'Orders seen', align: 'right', width: '7rem', display: HIDE_ON_MOBILE, render: ({ ordersSeen }) => ordersSeen.toLocaleString() },
  { hash: 'status', header: 'Status', width: '8rem', display: HIDE_ON_MOBILE, render: (row) => <StatusCell row={row} /> },
  { hash: 'code', header: 'Backend code', width: '13rem', render: (row) => <CodeCell row={row} /> },
  { hash: 'save', header: 'Save', hideHeader: true, align: 'right', width: '6rem', render: (row) => <SaveCell row={row} /> },
];

import { Panel, Table } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import type { OrderLineView } from '../../../../server/api/contract';
import { EmptyState } from '../../components/EmptyState';
import { Mono } from '../../components/JsonBlock';
import { TableBox } from '../../components/TableBox';

const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

const columns: Array<TableColumn<OrderLineView>> = [
  { hash: 'name', header: 'Product', render: ({ name }) => name || '—' },
  { hash: 'bcSku', header: 'BigCommerce SKU', render: ({ bcSku }) => (bcSku ? <Mono>{bcSku}</Mono> : 'No SKU') },
  {
    hash: 'warehouseSku',
    header: 'Warehouse SKU',
    display: HIDE_ON_MOBILE,
    render: ({ warehouseSku }) => (warehouseSku ? <Mono>{warehouseSku}</Mono> : 'Not sent yet'),
  },
  { hash: 'quantity', header: 'Quantity', align: 'right', width: '6rem', render: ({ quantity }) => quantity.toLocaleString('en-US') },
  {
    hash: 'shipped',
    header: 'Shipped',
    align: 'right',
    width: '6rem',
    render: ({ quantityShipped }) => quantityShipped.toLocaleString('en-US'),
  },
];

/** What was ordered, the SKU the warehouse got for it, and how much has shipped. */
export function LineItemsPanel({ lines }: { lines: readonly OrderLineView[] }) {
  return (
    <Panel header="Items" description="The warehouse SKU is the one sent to your warehouse, after your SKU mappings.">
      <TableBox>
        <Table
          columns={columns}
          items={[...lines]}
          keyField="id"
          itemName={lines.length === 1 ? 'item' : 'items'}
          emptyComponent={<EmptyState title="No items" message="BigCommerce listed no products on this order." />}
        />
      </TableBox>
    </Panel>
  );
}

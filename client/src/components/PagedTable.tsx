import { Small, Table } from '@bigcommerce/big-design';
import type { TableColumn, TableItem } from '@bigcommerce/big-design';
import type { MouseEvent, ReactElement } from 'react';
import type { PagedQuery } from '../api/usePagedQuery';
import { ErrorMessage } from '../layout/ErrorMessage';
import { Loading } from '../layout/Loading';
import { cappedNote } from './cappedNote';
import { TableBox } from './TableBox';

interface PagedTableProps<T extends TableItem> {
  query: Pick<PagedQuery<unknown, T>, 'result' | 'page' | 'loading' | 'pagination'>;
  columns: Array<TableColumn<T>>;
  /** Plural noun for the toolbar count ("orders"). */
  itemName: string;
  keyField?: string;
  errorHeader: string;
  loadingLabel: string;
  emptyComponent: ReactElement;
  /** Makes the whole row clickable; keep a real link in one cell for keyboard users. */
  onRowClick?(item: T): void;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, [role="button"], [role="option"]';

/** A BigDesign Table fed by usePagedQuery: server pagination, loading, errors and the empty state. */
export function PagedTable<T extends TableItem>({
  query,
  columns,
  itemName,
  keyField,
  errorHeader,
  loadingLabel,
  emptyComponent,
  onRowClick,
}: PagedTableProps<T>) {
  const { result, page, loading, pagination } = query;

  if (result.status === 'error') {
    // A 401 has already switched the whole app to the "session ended" state.
    if (result.error.sessionEnded) return null;
    return <ErrorMessage header={errorHeader} message={result.error.message} onRetry={result.reload} />;
  }
  if (!page) return <Loading label={loadingLabel} />;

  const items = page.items;
  const handleClick = (event: MouseEvent<HTMLTableElement>) => {
    if (!onRowClick || !(event.target instanceof Element)) return;
    if (event.target.closest(INTERACTIVE) || window.getSelection()?.toString()) return;
    const row = event.target.closest('tbody > tr');
    if (!row?.parentElement) return;
    const item = items[Array.prototype.indexOf.call(row.parentElement.children, row)];
    if (item) onRowClick(item);
  };

  const note = cappedNote(page, itemName);
  return (
    <>
      {note ? <Small marginBottom="xSmall">{note}</Small> : null}
      <TableBox busy={loading} clickable={Boolean(onRowClick)}>
        <Table
          // BigDesign's pagination keeps the page count from the previous total for one render and
          // "corrects" the page with it; a fresh instance per total avoids a bogus jump to page 1.
          key={pagination?.totalItems ?? 0}
          columns={columns}
          items={items}
          keyField={keyField}
          itemName={itemName}
          pagination={pagination}
          emptyComponent={emptyComponent}
          onClick={onRowClick ? handleClick : undefined}
        />
      </TableBox>
    </>
  );
}

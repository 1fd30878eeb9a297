import { Small, Table } from '@bigcommerce/big-design';
import type { TableColumn, TableItem, TableSelectable } from '@bigcommerce/big-design';
import { useRef, type MouseEvent, type ReactElement } from 'react';
import type { PagedQuery } from '../api/usePagedQuery';
import { ErrorMessage } from '../layout/ErrorMessage';
import { Loading } from '../layout/Loading';
import { cappedNote } from './cappedNote';
import { nextPaginationKey, type PaginationKeyState, type PaginationShape } from './paginationKey';
import { useStableColumns } from './stableColumns';
import { TableBox } from './TableBox';

interface PagedTableProps<T extends TableItem> {
  query: Pick<PagedQuery<unknown, T>, 'result' | 'page' | 'loading' | 'pagination'>;
  columns: Array<TableColumn<T>>;
  /** Plural noun for the toolbar count ("orders"). */
  itemName: string;
  /** Singular noun, for a total of 1 ("1 order"); without it the plural is used. */
  itemNameOne?: string;
  /** Row checkboxes (BigDesign compares rows by identity: pass the current page's row objects). */
  selectable?: TableSelectable<T>;
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
  itemNameOne,
  selectable,
  keyField,
  errorHeader,
  loadingLabel,
  emptyComponent,
  onRowClick,
}: PagedTableProps<T>) {
  const { result, page, loading, pagination } = query;
  const paginationKey = usePaginationKey(pagination);
  // Cells keep their DOM (and a click in progress) across refreshes: see stableColumns.ts.
  const tableColumns = useStableColumns(columns);

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
          key={paginationKey}
          columns={tableColumns}
          items={items}
          keyField={keyField}
          itemName={page.total === 1 && itemNameOne ? itemNameOne : itemName}
          pagination={pagination}
          selectable={selectable}
          emptyComponent={emptyComponent}
          onClick={onRowClick ? handleClick : undefined}
        />
      </TableBox>
    </>
  );
}

/** See paginationKey.ts: remount the Table only when BigDesign's pagination would misjudge the page. */
function usePaginationKey(pagination: PaginationShape | undefined): number {
  const known = useRef<PaginationKeyState>({ key: 0, pages: 1 });
  known.current = nextPaginationKey(known.current, pagination);
  return known.current.key;
}

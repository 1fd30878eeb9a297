import type { TableColumn } from '@bigcommerce/big-design';
import { useRef } from 'react';

type Render<T> = TableColumn<T>['render'];

/**
 * Gives each column (by hash) one render function for the life of a table, which calls the newest
 * render function passed for that column. Pure (no React); see useStableColumns.
 */
export class StableColumnRenders<T> {
  private readonly latest = new Map<string, Render<T>>();
  private readonly stable = new Map<string, Render<T>>();

  wrap(columns: ReadonlyArray<TableColumn<T>>): Array<TableColumn<T>> {
    for (const column of columns) this.latest.set(column.hash, column.render);
    return columns.map((column) => ({ ...column, render: this.stableRender(column.hash) }));
  }

  private stableRender(hash: string): Render<T> {
    let render = this.stable.get(hash);
    if (!render) {
      render = (item: T, context?: unknown) => this.latest.get(hash)?.(item, context) ?? null;
      this.stable.set(hash, render);
    }
    return render;
  }
}

/**
 * Columns whose render functions keep their identity between renders.
 *
 * BigDesign's Table renders each column's `render` as a component type (<render {...item} />).
 * Columns built during render (the usual way, when a cell needs state or props) bring new
 * functions every time, so React unmounts and remounts every cell on every re-render: each live
 * refresh replaced every order link (a click pressed on the old link and released on the new one
 * was lost), and an input in a cell lost its focus at each keystroke.
 */
export function useStableColumns<T>(columns: ReadonlyArray<TableColumn<T>>): Array<TableColumn<T>> {
  const renders = useRef<StableColumnRenders<T> | null>(null);
  renders.current ??= new StableColumnRenders<T>();
  return renders.current.wrap(columns);
}

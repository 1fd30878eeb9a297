// GET /v2/orders on top of the in-memory FakeStore (order-sync-fakes.ts): filtered by one
// status_id and min_date_modified, sorted by date_modified ascending, paged, 204 (null) when
// nothing matches, like BigCommerce. Modification dates are set by the test (`touch`).
import type { BigCommerceClient } from '../../server/bigcommerce/index.js';
import type { FakeStore } from './order-sync-fakes.js';

export class OrderListFake {
  private readonly modified = new Map<number, number>();
  /** The query of every list call, in order. */
  readonly lists: Array<Record<string, unknown>> = [];
  readonly client: BigCommerceClient;

  constructor(private readonly store: FakeStore) {
    const inner = store.client;
    this.client = {
      ...inner,
      get: async <T>(v: Parameters<BigCommerceClient['get']>[0], path: string, options?: Parameters<BigCommerceClient['get']>[2]) => {
        if (path !== '/orders') return inner.get<T>(v, path, options);
        const q = (options?.query ?? {}) as Record<string, unknown>;
        this.lists.push(q);
        return this.list(q) as T | null;
      },
    };
  }

  /** Sets the order's date_modified (BigCommerce moves it on every change). */
  touch(orderId: number, at: number): void {
    this.modified.set(orderId, at);
  }

  /** Moves the order to `statusId` at `at`, as the merchant would in the control panel. */
  setStatus(orderId: number, statusId: number, at: number): void {
    this.store.setStatus(orderId, statusId);
    this.touch(orderId, at);
  }

  private list(q: Record<string, unknown>) {
    const min = q.min_date_modified === undefined ? -Infinity : Date.parse(String(q.min_date_modified));
    const limit = Number(q.limit ?? 50);
    const page = Number(q.page ?? 1);
    const matching = [...this.store.orders.values()]
      .filter((o) => o.status_id === Number(q.status_id) && (this.modified.get(o.id) ?? 0) >= min)
      .sort((a, b) => (this.modified.get(a.id) ?? 0) - (this.modified.get(b.id) ?? 0))
      .slice((page - 1) * limit, page * limit)
      .map((o) => ({ id: o.id, status_id: o.status_id, date_modified: new Date(this.modified.get(o.id) ?? 0).toUTCString() }));
    return matching.length === 0 ? null : matching;
  }
}

// Fakes for the readiness scan tests: a scripted BigCommerce catalog and order list behind the
// real transport (so the zod schemas and the limiter run as in production), and a warehouse whose
// SKU lookup the test decides.
import { createBigCommerceClientFactory, RateLimiterRegistry, type BigCommerceClientFactory } from '../../server/bigcommerce/index.js';
import type { FulfillmentClient, SkuLookup } from '../../server/fulfillment/client.js';

export interface FakeProduct {
  id: number;
  name: string;
  sku: string;
  type?: 'physical' | 'digital';
  inventory_tracking: 'none' | 'product' | 'variant';
  /** Option variants; none = a simple product (its base variant is listed). */
  variants?: Array<{ id: number; sku: string; label: string }>;
}

export interface FakeOrder {
  id: number;
  methods: string[];
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class FakeCatalog {
  products: FakeProduct[] = [];
  orders: FakeOrder[] = [];
  readonly calls: string[] = [];
  /** "GET /v3/catalog/products?page=2" style key or a path → status to answer instead. */
  failing = new Map<string, number>();
  /** PUT bodies received, by product id. */
  readonly puts: Array<{ id: number; body: unknown }> = [];

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const path = url.pathname.replace(/^\/stores\/[^/]+/, '');
    const method = init?.method ?? 'GET';
    const page = url.searchParams.get('page');
    this.calls.push(`${method} ${path}${page ? `?page=${page}` : ''}`);
    const failure = this.failing.get(`${method} ${path}${page ? `?page=${page}` : ''}`) ?? this.failing.get(`${method} ${path}`);
    if (failure !== undefined) return json(failure, { status: failure, title: 'Failure' });
    if (method === 'GET' && path === '/v2/orders') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const list = this.orders.slice(0, limit).map((o) => ({ id: o.id, status_id: 10, consignments: { shipping: o.methods.map((m, i) => ({ id: i + 1, shipping_method: m })) } }));
      return list.length ? json(200, list) : new Response(null, { status: 204 });
    }
    if (method === 'GET' && path === '/v3/catalog/products') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const n = Number(page ?? 1);
      const data = this.products.slice((n - 1) * limit, n * limit).map((p) => this.render(p, url.searchParams.get('include') === 'variants'));
      return json(200, {
        data,
        meta: { pagination: { total: this.products.length, count: data.length, per_page: limit, current_page: n, total_pages: Math.ceil(this.products.length / limit) } },
      });
    }
    const one = /^\/v3\/catalog\/products\/(\d+)$/.exec(path);
    if (one) {
      const p = this.products.find((x) => x.id === Number(one[1]));
      if (!p) return json(404, { status: 404, title: 'The requested product was not found.' });
      if (method === 'PUT') {
        const body = JSON.parse(String(init?.body)) as { inventory_tracking: FakeProduct['inventory_tracking'] };
        this.puts.push({ id: p.id, body });
        p.inventory_tracking = body.inventory_tracking;
      }
      return json(200, { data: this.render(p, true), meta: {} });
    }
    return json(404, { status: 404, title: 'Not found' });
  };

  private render(p: FakeProduct, withVariants: boolean) {
    const { variants, ...rest } = p;
    const list = variants?.length
      ? variants.map((v) => ({ id: v.id, product_id: p.id, sku: v.sku, option_values: [{ label: v.label, option_display_name: 'Option' }] }))
      : [{ id: p.id + 1000, product_id: p.id, sku: p.sku, option_values: [] }];
    return { ...rest, type: p.type ?? 'physical', ...(withVariants ? { variants: list } : {}) };
  }

  factory(): BigCommerceClientFactory {
    return createBigCommerceClientFactory({
      apiUrl: 'http://bigcommerce.test',
      limiters: new RateLimiterRegistry(),
      fetch: this.fetch,
      retry: { maxServerRetries: 0, maxRateLimitRetries: 0 },
    });
  }
}

/** `count` simple products with SKUs P-1…, tracked by product. */
export function simpleProducts(count: number, firstId = 1): FakeProduct[] {
  return Array.from({ length: count }, (_, i) => ({ id: firstId + i, name: `Product ${firstId + i}`, sku: `P-${firstId + i}`, inventory_tracking: 'product' as const }));
}

/** A warehouse that knows `known` SKUs (or cannot tell), recording every lookup. */
export class FakeWarehouse implements FulfillmentClient {
  readonly accountId = 'wh-demo';
  known = new Set<string>();
  supported = true;
  fail: Error | null = null;
  readonly lookups: string[][] = [];
  getAccount = async () => ({ id: 'wh-demo', name: 'Demo' });
  createOrder = async () => ({ id: 'ord_1', status: 'received', created: true });
  cancelOrder = async () => ({ status: 'cancelled' });
  listShipments = async () => ({ data: [], nextCursor: '', hasMore: false, invalid: [] });
  listInventory = async () => ({ data: [], nextCursor: '', hasMore: false, invalid: [] });
  lookupSkus = async (skus: readonly string[]): Promise<SkuLookup> => {
    this.lookups.push([...skus]);
    if (this.fail) throw this.fail;
    if (!this.supported) return { supported: false };
    return { supported: true, known: skus.filter((s) => this.known.has(s)).map((sku) => ({ sku, name: null })) };
  };
}

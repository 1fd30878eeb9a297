// The readiness scan job (JOB.readinessScan): recent orders' shipping methods, then the catalog a
// page at a time (SKUs missing, SKUs the warehouse does not know, stock not tracked), saving its
// progress and findings after every page. A job that waited for the store's API quota, or ran
// again after a restart, continues from the saved page instead of starting over; a job whose scan
// was replaced by a newer one stops at its next save.
import { ZodError } from 'zod';
import type { ReadinessCheck } from '../../domain/readiness.js';
import { BigCommerceApiError, BigCommerceInvalidResponseError, BigCommerceUnauthorizedError, type BigCommerceClient } from '../../bigcommerce/index.js';
import { CATALOG_PAGE_SIZE, listProductsWithVariants } from '../../bigcommerce/catalog-read.js';
import type { FulfillmentClient } from '../../fulfillment/index.js';
import { FulfillmentError } from '../../fulfillment/index.js';
import { outcomeOf } from '../../health/warehouse-calls.js';
import type { JobRecord } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import { ReadinessRepo, type ScanCursor, type ScanRow } from '../../storage/readiness-repo.js';
import { RulesRepo } from '../../storage/rules-repo.js';
import { addFindings, checkOf, count, isSettled, pendingChecks, replaceCheck } from './checks.js';
import { missingSkuFindings, sellableSkus, untrackedFindings } from './product-checks.js';
import { checkShippingMethods } from './shipping-check.js';
import { findUnknownSkus } from './warehouse-skus.js';

export type ScanServices = Pick<Collaborators, 'db' | 'clock' | 'bigcommerce' | 'fulfillment' | 'settings' | 'mappings'>;

/** 200 pages of 250: a catalog of 50,000 products; larger ones are read that far and the scan says so. */
export const MAX_PRODUCT_PAGES = 200;

const START: ScanCursor = { phase: 'shipping', page: 1, productsRead: 0, productsTotal: null, skusChecked: 0, capped: false };

export async function runReadinessScan(s: ScanServices, job: Pick<JobRecord, 'storeHash'>): Promise<void> {
  const repo = new ReadinessRepo(s.db);
  const row = await repo.get(job.storeHash);
  if (!row || (row.state !== 'queued' && row.state !== 'running')) return;
  if (!(await repo.begin(row.storeHash, row.run, s.clock.now()))) return;
  const client = await s.bigcommerce.forStore(row.storeHash);
  if (!client) {
    await repo.fail(row.storeHash, row.run, 'The app has no access to this store any more: reinstall it from the BigCommerce control panel, then scan again.', s.clock.now());
    return;
  }
  try {
    await new Scan(s, repo, row, client).run();
  } catch (err) {
    // Errors that another attempt cannot mend end the scan now, in merchant words; the others
    // (BigCommerce or the database busy, the quota spent) go back to the queue and it continues.
    const words = finalWords(err);
    if (words === null) throw err;
    await repo.fail(row.storeHash, row.run, `The scan stopped: ${words}`, s.clock.now());
  }
}

const UNREADABLE = 'BigCommerce answered with something the app could not read. Scan again; if it keeps happening, contact support.';

function finalWords(err: unknown): string | null {
  // A replaced token is retryable (the next attempt uses the new one): only a revoked one ends it.
  if (!(err instanceof BigCommerceApiError) || err.retryable) return err instanceof ZodError ? UNREADABLE : null;
  if (err instanceof BigCommerceUnauthorizedError) return 'BigCommerce refused the app’s access token. Reinstall the app from the BigCommerce control panel, then scan again.';
  if (err instanceof BigCommerceInvalidResponseError) return UNREADABLE;
  return err.status === 403
    ? 'BigCommerce did not let the app read your orders or products (403). Reinstall the app so it gets the permissions it asks for, then scan again.'
    : `BigCommerce refused a request of the scan (${err.status ?? 'no answer'}). Scan again; if it keeps happening, contact support.`;
}

class Scan {
  private checks: ReadinessCheck[];
  private cursor: ScanCursor;

  constructor(
    private readonly s: ScanServices,
    private readonly repo: ReadinessRepo,
    private readonly row: ScanRow,
    private readonly client: BigCommerceClient,
  ) {
    this.checks = row.checks.length > 0 ? row.checks : pendingChecks();
    this.cursor = row.cursor ?? START;
  }

  private get storeHash() {
    return this.row.storeHash;
  }

  /** Saves progress; false when this run is no longer the store's scan (stop). */
  private save(step: string, done: number, total: number | null): Promise<boolean> {
    return this.repo.save(this.storeHash, this.row.run, { step, done, total, checks: this.checks, cursor: this.cursor }, this.s.clock.now());
  }

  private set(next: ReadinessCheck) {
    this.checks = replaceCheck(this.checks, next);
  }

  async run(): Promise<void> {
    if (this.cursor.phase === 'shipping') {
      this.set({ ...checkOf(this.checks, 'shipping_methods'), state: 'running', summary: 'Reading recent orders…' });
      if (!(await this.save('Reading recent orders', 0, null))) return;
      const rules = new RulesRepo(this.s.db);
      this.set(
        await checkShippingMethods({ client: this.client, mappings: this.s.mappings, fallbackCode: () => rules.fallbackCode(this.storeHash) }, this.storeHash, this.s.clock.now()),
      );
      this.cursor = { ...this.cursor, phase: 'products' };
      if (!(await this.save('Reading products', 0, null))) return;
    }
    if (this.cursor.phase === 'products' && !(await this.readProducts())) return;
    this.checks = this.checks.map((c) => conclude(c, this.cursor));
    await this.repo.finish(this.storeHash, this.row.run, this.checks, this.s.clock.now());
  }

  /** The catalog, page by page from the saved one; false when the scan was replaced meanwhile. */
  private async readProducts(): Promise<boolean> {
    const now = this.s.clock.now();
    const settings = await this.s.settings.get(this.storeHash, now);
    if (!settings.flows.inventory) {
      this.set({
        ...checkOf(this.checks, 'inventory_untracked'),
        state: 'skipped',
        summary:
          'Inventory sync is off, so untracked stock does not matter. Turn it on in Settings › Inventory to write your warehouse’s stock levels to BigCommerce; this check then runs.',
      });
    }
    const warehouse = await this.warehouse();
    for (const c of this.checks) if (c.state === 'pending') this.set({ ...c, state: 'running', summary: 'Checking…' });

    while (this.cursor.phase === 'products') {
      if (this.cursor.page > MAX_PRODUCT_PAGES) {
        this.cursor = { ...this.cursor, phase: 'finish', capped: true };
        break;
      }
      const page = await listProductsWithVariants(this.client, this.cursor.page);
      this.set(addFindings(checkOf(this.checks, 'skus_missing'), missingSkuFindings(page.products, this.storeHash)));
      if (!isSettled(checkOf(this.checks, 'inventory_untracked'))) this.set(addFindings(checkOf(this.checks, 'inventory_untracked'), untrackedFindings(page.products)));
      const skus = sellableSkus(page.products);
      if (warehouse && !isSettled(checkOf(this.checks, 'skus_unknown'))) await this.lookUp(warehouse, skus);
      const read = this.cursor.productsRead + page.products.length;
      const last = page.products.length < CATALOG_PAGE_SIZE || (page.totalPages !== null && this.cursor.page >= page.totalPages);
      this.cursor = { ...this.cursor, phase: last ? 'finish' : 'products', page: this.cursor.page + 1, productsRead: read, productsTotal: page.total ?? this.cursor.productsTotal };
      if (!(await this.save('Reading products', read, this.cursor.productsTotal))) return false;
    }
    return true;
  }

  /** The warehouse's SKU lookup, or null with check (c) settled as skipped and why. */
  private async warehouse(): Promise<FulfillmentClient['lookupSkus'] | null> {
    const current = checkOf(this.checks, 'skus_unknown');
    if (isSettled(current)) return null;
    const client = await this.s.fulfillment.forStore(this.storeHash);
    if (!client) {
      this.set({ ...current, state: 'skipped', summary: 'No warehouse is connected yet. Connect it, then scan again to find the SKUs it does not know.' });
      return null;
    }
    if (!client.lookupSkus) {
      this.set({ ...current, state: 'skipped', summary: UNSUPPORTED });
      return null;
    }
    return client.lookupSkus.bind(client);
  }

  private async lookUp(lookup: NonNullable<FulfillmentClient['lookupSkus']>, skus: string[]): Promise<void> {
    const current = checkOf(this.checks, 'skus_unknown');
    try {
      const result = await findUnknownSkus({ lookup, skuMap: (bcSkus) => this.s.mappings.skuMap(this.storeHash, bcSkus) }, skus);
      if (result.kind === 'unsupported') return this.set({ ...current, state: 'skipped', summary: UNSUPPORTED, findings: [], findingsTotal: 0 });
      this.cursor = { ...this.cursor, skusChecked: this.cursor.skusChecked + result.checked };
      this.set(addFindings(current, result.findings));
    } catch (err) {
      // The warehouse did not answer (or refused the key): this check fails, the others go on.
      if (!(err instanceof FulfillmentError)) throw err;
      const why = outcomeOf(err);
      const words = why && !why.ok ? why.message : err.message;
      this.set({ ...current, state: 'failed', summary: `The warehouse could not be asked which SKUs it knows: ${words} Scan again later.` });
    }
  }
}

const UNSUPPORTED =
  'Your warehouse cannot tell which SKUs it knows (its API has no SKU lookup), so this check is skipped. An order with a SKU it does not know is rejected when it is sent, and the order says which SKU.';

/** A check's closing state and summary once every page was read. */
function conclude(c: ReadinessCheck, cursor: ScanCursor): ReadinessCheck {
  if (c.state === 'skipped' || c.state === 'failed' || c.check === 'shipping_methods') return c;
  const n = c.findingsTotal;
  const capped = cursor.capped ? ` Only the first ${count(cursor.productsRead, 'product')} were read.` : '';
  const summaries: Record<Exclude<ReadinessCheck['check'], 'shipping_methods'>, [string, string]> = {
    skus_missing: [
      `Every product and variant has a SKU (${count(cursor.productsRead, 'product')} read).`,
      `${count(n, 'product or variant', 'products or variants')} ${n === 1 ? 'has' : 'have'} no SKU: orders with ${n === 1 ? 'it' : 'them'} are held.`,
    ],
    skus_unknown: [
      `Your warehouse knows every SKU (${count(cursor.skusChecked, 'SKU')} checked).`,
      `${count(n, 'SKU')} ${n === 1 ? 'is' : 'are'} not known at your warehouse: orders with ${n === 1 ? 'it' : 'them'} are rejected.`,
    ],
    inventory_untracked: [
      'Every product tracks its stock, so the warehouse’s stock levels can be written to all of them.',
      `${count(n, 'product')} ${n === 1 ? 'does' : 'do'} not track stock: the warehouse’s stock levels are not written to ${n === 1 ? 'it' : 'them'}.`,
    ],
  };
  const [ok, problems] = summaries[c.check];
  return { ...c, state: n > 0 ? 'problems' : 'ok', summary: `${n > 0 ? problems : ok}${capped}` };
}

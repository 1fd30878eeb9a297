import { Router, type Response } from 'express';
import { AppError, NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf, requireManager } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { DuplicateMappingError, StaleMappingError } from '../storage/mappings-repo.js';
import { sentAsText } from '../domain/sku-components.js';
import type { SkuImportResult, SkuMapping } from './contract.js';
import { idParam, paging, parseInput } from './paging.js';
import { csvInput, shippingInput, skuInput } from './inputs/mappings.js';
import { requeueHeldOrders } from './requeue.js';
import { checkCsvSize, parseSkuCsv, skuCsvOf } from './sku-csv.js';
import { recordBundleStock } from '../flows/inventory/bundle-stock.js';

async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof DuplicateMappingError) throw new AppError(409, 'duplicate', err.message, { bcSku: 'Already mapped' });
    if (err instanceof StaleMappingError) throw new AppError(409, 'mapping_changed', err.message);
    throw err;
  }
}

/** What the audit keeps of a SKU mapping: the SKU and what it is sent as. */
const auditOf = (m: Pick<SkuMapping, 'bcSku' | 'components'> | undefined) => (m ? { bcSku: m.bcSku, sentAs: sentAsText(m.components) } : null);

export type MappingRoutesDeps = Pick<Collaborators, 'audit' | 'clock' | 'db' | 'fulfillment' | 'inventory' | 'jobs' | 'mappings' | 'orders' | 'settings' | 'shipments' | 'syncLog'>;

/**
 * SKU mappings (one warehouse SKU, or a bundle / kit of several with quantities) and shipping
 * method mappings. Changing them needs canManage and is audited with before → after; every
 * change re-checks orders held for a missing mapping.
 */
export function mappingRoutes(s: MappingRoutesDeps): Router {
  const r = Router();
  const audit = (res: Response, storeHash: string, action: string, subject: string, before: unknown, after: unknown) =>
    s.audit.record({ storeHash, actor: actorOf(res), action, subject, before, after }, s.clock.now());

  r.get('/sku-mappings', async (req, res) => {
    const { page, limit } = paging(req.query);
    const search = typeof req.query.search === 'string' && req.query.search.trim() ? req.query.search.trim().slice(0, 255) : undefined;
    res.json({ ...(await s.mappings.listSku(sessionOf(res).storeHash, search, page, limit)), page, limit });
  });

  // The whole list as the import reads it (a bundle as "MUG-1*1|TEA-3*2"): viewing, open to every member.
  r.get('/sku-mappings/export', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    res
      .type('text/csv')
      .attachment('sku-mappings.csv')
      .send(await skuCsvOf((after, limit) => s.mappings.allSkus(storeHash, after, limit)));
  });

  // One mapping as saved now (the form's reload after someone else changed it).
  r.get('/sku-mappings/:id', async (req, res) => {
    const m = await s.mappings.getSku(sessionOf(res).storeHash, idParam(req.params.id));
    if (!m) throw new NotFoundError('No such mapping.');
    res.json(m);
  });

  r.post('/sku-mappings', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input = parseInput(skuInput, req.body, 'mapping');
    const m = await guarded(s.mappings.createSku(storeHash, input, s.clock.now()));
    await audit(res, storeHash, 'mapping.sku.save', `SKU ${m.bcSku}`, null, auditOf(m));
    await afterSkuChange(s, storeHash, m);
    res.status(201).json({ ...m, notes: await s.mappings.chainNotes(storeHash, m.bcSku, m.components) });
  });

  r.put('/sku-mappings/:id', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const id = idParam(req.params.id);
    const input = parseInput(skuInput, req.body, 'mapping');
    const before = await s.mappings.getSku(storeHash, id);
    if (!before) throw new NotFoundError('No such mapping.');
    const m = await guarded(s.mappings.updateSku(storeHash, id, input, s.clock.now(), input.revision));
    if (!m) throw new NotFoundError('No such mapping.');
    await audit(res, storeHash, 'mapping.sku.save', `SKU ${m.bcSku}`, auditOf(before), auditOf(m));
    await afterSkuChange(s, storeHash, m);
    res.json({ ...m, notes: await s.mappings.chainNotes(storeHash, m.bcSku, m.components) });
  });

  r.delete('/sku-mappings/:id', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const before = await s.mappings.deleteSku(storeHash, idParam(req.params.id));
    if (!before) throw new NotFoundError('No such mapping.');
    await audit(res, storeHash, 'mapping.sku.delete', `SKU ${before.bcSku}`, auditOf(before), null);
    res.status(204).end();
  });

  r.post('/sku-mappings/import', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const { csv } = parseInput(csvInput, req.body, 'import');
    checkCsvSize(csv);
    const { rows, errors } = await parseSkuCsv(csv);
    const before = rows.length
      ? await s.mappings.skusByBcSku(
          storeHash,
          rows.map((m) => m.bcSku),
        )
      : [];
    const { created, updated } = rows.length ? await s.mappings.upsertSkus(storeHash, rows, s.clock.now()) : { created: 0, updated: 0 };
    await s.syncLog.append({ storeHash, flow: 'settings', message: `SKU mappings imported: ${created} new, ${updated} updated, ${errors.length} skipped.` }, s.clock.now());
    await audit(res, storeHash, 'mapping.sku.import', 'SKU mappings (CSV import)', importAudit(before), {
      created,
      updated,
      skipped: errors.length,
      ...importAudit(rows.map((m) => ({ bcSku: m.bcSku, components: m.components ?? [{ sku: m.backendSku, quantity: 1 }] }))),
    });
    for (const m of rows) if (m.components) await recordBundleStock(s, storeHash, m.bcSku);
    await requeueHeldOrders(s, storeHash);
    const out: SkuImportResult = { created, updated, errors };
    res.json(out);
  });

  r.get('/shipping-mappings', async (_req, res) => {
    res.json({ items: await s.mappings.listShipping(sessionOf(res).storeHash) });
  });

  r.put('/shipping-mappings', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input = parseInput(shippingInput, req.body, 'mapping');
    const before = (await s.mappings.shippingCode(storeHash, input.method)) ?? null;
    const after = input.backendCode || null;
    await s.mappings.setShipping(storeHash, input.method, after, s.clock.now());
    if (before !== after) {
      const subject = `Shipping method ${input.method ? `"${input.method}"` : '(no method)'}`;
      await audit(res, storeHash, after ? 'mapping.shipping.save' : 'mapping.shipping.delete', subject, { backendCode: before }, { backendCode: after });
    }
    await requeueHeldOrders(s, storeHash);
    res.json({ items: await s.mappings.listShipping(storeHash) });
  });

  return r;
}

/** A saved SKU mapping may release held orders; a bundle's stock is written from its components' known levels. */
async function afterSkuChange(
  s: Pick<Collaborators, 'clock' | 'db' | 'fulfillment' | 'inventory' | 'jobs' | 'mappings' | 'orders' | 'settings' | 'shipments' | 'syncLog'>,
  storeHash: string,
  m: SkuMapping,
): Promise<void> {
  if (m.components.length > 1 || m.components[0]!.quantity !== 1) await recordBundleStock(s, storeHash, m.bcSku);
  await requeueHeldOrders(s, storeHash);
}

/** An import's audit side: up to 100 mappings by SKU (a 20,000-row file would swamp the log), and how many more. */
const AUDIT_ROWS = 100;
function importAudit(list: ReadonlyArray<Pick<SkuMapping, 'bcSku' | 'components'>>): { mappings: Record<string, string>; more?: number } {
  const mappings = Object.fromEntries(list.slice(0, AUDIT_ROWS).map((m) => [m.bcSku, sentAsText(m.components)]));
  return list.length > AUDIT_ROWS ? { mappings, more: list.length - AUDIT_ROWS } : { mappings };
}

import { Router } from 'express';
import { z } from 'zod';
import { AppError, NotFoundError } from '../errors.js';
import type { Services } from '../services.js';
import { sessionOf } from '../sessions/require-session.js';
import { DuplicateMappingError } from '../storage/mappings-repo.js';
import { normaliseMappingKey } from '../storage/mapping-keys.js';
import type { SkuImportResult } from './contract.js';
import { BACKEND_CODE_MAX, BACKEND_SKU_MAX, BC_SKU_MAX, METHOD_MAX } from './mapping-limits.js';
import { idParam, paging, parseInput } from './paging.js';
import { requeueHeldOrders } from './requeue.js';
import { checkCsvSize, parseSkuCsv } from './sku-csv.js';

// Keys are normalised exactly as the order import looks them up (mapping-keys.ts); lengths are
// what BigCommerce and the backend contract accept (mapping-limits.ts).
const key = (max: number, why = '') => z.string().overwrite(normaliseMappingKey).max(max, `At most ${max} characters${why}`);
const skuInput = z.object({ bcSku: key(BC_SKU_MAX).min(1, 'Required'), backendSku: key(BACKEND_SKU_MAX, ' (the longest SKU the fulfillment backend accepts)').min(1, 'Required') });
// The empty method is a real one: consignments BigCommerce gives no method name ("(no method)").
const shippingInput = z.object({
  method: key(METHOD_MAX),
  backendCode: key(BACKEND_CODE_MAX, ' (the longest shipping method code the fulfillment backend accepts)').nullable(),
});
const csvInput = z.object({ csv: z.string({ error: 'Send the file as text in "csv"' }) });

async function guardDuplicate<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof DuplicateMappingError) throw new AppError(409, 'duplicate', err.message, { bcSku: 'Already mapped' });
    throw err;
  }
}

/** SKU and shipping method mappings. Every change re-checks orders held for a missing mapping. */
export function mappingRoutes(s: Services): Router {
  const r = Router();

  r.get('/sku-mappings', async (req, res) => {
    const { page, limit } = paging(req.query);
    const search = typeof req.query.search === 'string' && req.query.search.trim() ? req.query.search.trim().slice(0, 255) : undefined;
    res.json({ ...(await s.mappings.listSku(sessionOf(res).storeHash, search, page, limit)), page, limit });
  });

  r.post('/sku-mappings', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const m = await guardDuplicate(s.mappings.createSku(storeHash, parseInput(skuInput, req.body, 'mapping'), s.clock.now()));
    await requeueHeldOrders(s, storeHash);
    res.status(201).json(m);
  });

  r.put('/sku-mappings/:id', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const m = await guardDuplicate(s.mappings.updateSku(storeHash, idParam(req.params.id), parseInput(skuInput, req.body, 'mapping'), s.clock.now()));
    if (!m) throw new NotFoundError('No such mapping.');
    await requeueHeldOrders(s, storeHash);
    res.json(m);
  });

  r.delete('/sku-mappings/:id', async (req, res) => {
    if (!(await s.mappings.deleteSku(sessionOf(res).storeHash, idParam(req.params.id)))) throw new NotFoundError('No such mapping.');
    res.status(204).end();
  });

  r.post('/sku-mappings/import', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const { csv } = parseInput(csvInput, req.body, 'import');
    checkCsvSize(csv);
    const { rows, errors } = await parseSkuCsv(csv);
    const { created, updated } = rows.length ? await s.mappings.upsertSkus(storeHash, rows, s.clock.now()) : { created: 0, updated: 0 };
    await s.syncLog.append({ storeHash, flow: 'settings', message: `SKU mappings imported: ${created} new, ${updated} updated, ${errors.length} skipped.` }, s.clock.now());
    await requeueHeldOrders(s, storeHash);
    const out: SkuImportResult = { created, updated, errors };
    res.json(out);
  });

  r.get('/shipping-mappings', async (_req, res) => {
    res.json({ items: await s.mappings.listShipping(sessionOf(res).storeHash) });
  });

  r.put('/shipping-mappings', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input = parseInput(shippingInput, req.body, 'mapping');
    await s.mappings.setShipping(storeHash, input.method, input.backendCode || null, s.clock.now());
    await requeueHeldOrders(s, storeHash);
    res.json({ items: await s.mappings.listShipping(storeHash) });
  });

  return r;
}

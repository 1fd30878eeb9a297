import { z } from 'zod';
import { BigCommerceApiError, type BigCommerceClient } from '../bigcommerce/index.js';
import { SECRET_HEADER } from './topics.js';

const hookSchema = z.looseObject({
  id: z.number(),
  scope: z.string(),
  destination: z.string(),
  is_active: z.boolean(),
  headers: z.record(z.string(), z.string()).nullable().optional(),
});
const listSchema = z.looseObject({
  data: z.array(hookSchema),
  meta: z.looseObject({ pagination: z.looseObject({ total_pages: z.number().optional(), current_page: z.number().optional() }).optional() }).optional(),
});

type Hook = z.infer<typeof hookSchema>;

export interface ReconcilePlan {
  create: string[];
  reactivate: number[];
  remove: number[];
}

export interface Wanted {
  scopes: readonly string[];
  destination: string;
  secret: string;
}

const headerOk = (h: Hook, secret: string) => Object.entries(h.headers ?? {}).some(([k, v]) => k.toLowerCase() === SECRET_HEADER.toLowerCase() && v === secret);

/** The hook kept for a scope: one pointing at us, active with the current secret if there is one. */
function bestFor(existing: Hook[], scope: string, wanted: Wanted): Hook | undefined {
  const candidates = existing.filter((h) => h.scope === scope && h.destination === wanted.destination);
  return candidates.find((h) => h.is_active && headerOk(h, wanted.secret)) ?? candidates[0];
}

/** A scope as listed: our hook for it, and whether it delivers (active, with the current secret). */
export interface ListedScope {
  scope: string;
  hookId: number | null;
  active: boolean;
}

/** Every wanted scope and every other scope listed with a hook pointing at us, as found. */
export function listedScopes(existing: Hook[], wanted: Wanted): ListedScope[] {
  const scopes = new Set([...wanted.scopes, ...existing.filter((h) => h.destination === wanted.destination).map((h) => h.scope)]);
  return [...scopes].map((scope) => {
    const best = bestFor(existing, scope, wanted);
    return { scope, hookId: best?.id ?? null, active: best !== undefined && best.is_active && headerOk(best, wanted.secret) };
  });
}

/**
 * What must change so that exactly one active hook per wanted scope points at us with the
 * current secret. The hooks API lists only this app's hooks, so every other one is stale.
 */
export function planReconcile(existing: Hook[], wanted: Wanted): ReconcilePlan {
  const plan: ReconcilePlan = { create: [], reactivate: [], remove: [] };
  const kept = new Set<number>();
  for (const scope of wanted.scopes) {
    const best = bestFor(existing, scope, wanted);
    if (!best) {
      plan.create.push(scope);
      continue;
    }
    kept.add(best.id);
    if (!best.is_active || !headerOk(best, wanted.secret)) plan.reactivate.push(best.id);
  }
  for (const h of existing) if (!kept.has(h.id)) plan.remove.push(h.id);
  return plan;
}

async function listHooks(client: BigCommerceClient): Promise<Hook[]> {
  const hooks: Hook[] = [];
  for (let page = 1; page <= 20; page++) {
    const body = listSchema.parse((await client.get('v3', '/hooks', { query: { page, limit: 250 } })) ?? { data: [] });
    hooks.push(...body.data);
    const total = body.meta?.pagination?.total_pages ?? 1;
    if (page >= total) break;
  }
  return hooks;
}

/** What reconcileHooks did: the plan, with the creates BigCommerce answered "already exists". */
export interface ReconcileResult extends ReconcilePlan {
  /** Scopes whose hook was registered meanwhile by someone else (adopted instead of created). */
  adopted: string[];
  /** The hooks as listed before any change, per scope (listedScopes). */
  listed: ListedScope[];
  /** The hook id of each created or adopted scope, when BigCommerce said it. */
  newHookIds: Record<string, number>;
}

/**
 * BigCommerce allows one hook per store + app + scope + destination and answers a second POST
 * with 422. Whoever registered it meanwhile (a concurrent reconciliation, or a POST whose answer
 * was lost) did what we wanted: re-list and adopt that hook, repairing it if it is inactive or
 * carries another secret. A 422 without such a hook is a real refusal and is thrown.
 */
async function createOrAdopt(
  client: BigCommerceClient,
  scope: string,
  wanted: Wanted,
  headers: Record<string, string>,
): Promise<{ how: 'created' | 'adopted'; id: number | undefined }> {
  try {
    const made = await client.post<{ data?: { id?: unknown } }>('v3', '/hooks', { scope, destination: wanted.destination, is_active: true, headers });
    const id = made?.data?.id;
    return { how: 'created', id: typeof id === 'number' ? id : undefined };
  } catch (err) {
    if (!(err instanceof BigCommerceApiError) || err.status !== 422) throw err;
    const twin = (await listHooks(client)).find((h) => h.scope === scope && h.destination === wanted.destination);
    if (!twin) throw err;
    if (!twin.is_active || !headerOk(twin, wanted.secret)) {
      await client.put('v3', `/hooks/${twin.id}`, { is_active: true, headers }, { idempotent: true });
    }
    return { how: 'adopted', id: twin.id };
  }
}

/**
 * Brings the store's hooks in line with `wanted`. Returns what it did (for the sync log).
 * `onListed` hears the hooks as found before anything changes, so a repair that fails half-way
 * still leaves the last listing on record (the Overview's webhook health).
 */
export async function reconcileHooks(client: BigCommerceClient, wanted: Wanted, onListed?: (listed: ListedScope[]) => Promise<void>): Promise<ReconcileResult> {
  const existing = await listHooks(client);
  const listed = listedScopes(existing, wanted);
  await onListed?.(listed);
  const plan = planReconcile(existing, wanted);
  const headers = { [SECRET_HEADER]: wanted.secret };
  const created: string[] = [];
  const adopted: string[] = [];
  const newHookIds: Record<string, number> = {};
  for (const scope of plan.create) {
    const { how, id } = await createOrAdopt(client, scope, wanted, headers);
    (how === 'created' ? created : adopted).push(scope);
    if (id !== undefined) newHookIds[scope] = id;
  }
  for (const id of plan.reactivate) {
    await client.put('v3', `/hooks/${id}`, { is_active: true, headers }, { idempotent: true });
  }
  for (const id of plan.remove) {
    await client.delete('v3', `/hooks/${id}`, { idempotent: true });
  }
  return { ...plan, create: created, adopted, listed, newHookIds };
}

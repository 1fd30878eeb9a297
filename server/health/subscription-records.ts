import type { Knex } from 'knex';
import type { ListedScope, ReconcileResult } from '../webhooks/subscriptions.js';

// Keeps webhook_subscriptions in step with what the reconcile job saw and did, so the Overview
// shows each needed subscription without asking BigCommerce (issue 8 point 1).

// Function-typed properties, not methods: `listed` is handed to reconcileHooks as a bare callback.
export interface SubscriptionRecorder {
  /** The hooks as listed, before any change: written at once (a failed repair leaves this on record). */
  listed: (listed: ListedScope[]) => Promise<void>;
  /** After a successful reconcile: every wanted scope present and active; returns the scopes repaired. */
  reconciled: (result: ReconcileResult, wantedScopes: readonly string[]) => Promise<RepairSummary>;
}

export interface RepairSummary {
  reactivated: string[];
  /** Scopes whose hook had disappeared and was registered again (not first-time creations). */
  recreated: string[];
  /** Scopes created for the first time (install, a flow switched on). */
  created: string[];
}

export function subscriptionRecorder(db: Knex, storeHash: string, now: () => number): SubscriptionRecorder {
  // Scopes on record before this run: a hook created for one of them had gone missing.
  let before: Set<string> | undefined;
  const readBefore = async () => {
    if (!before) {
      const onRecord: Array<{ scope: string }> = await db('webhook_subscriptions').where({ store_hash: storeHash }).select('scope');
      before ??= new Set(onRecord.map((r) => r.scope));
    }
    return before;
  };
  const upsert = async (rows: Array<{ scope: string; hookId: number | null; active: boolean; repairedAt?: number }>, keep: readonly string[]) => {
    const at = now();
    await db.transaction(async (trx) => {
      for (const r of rows) {
        const values = { bc_hook_id: r.hookId, is_active: r.active, checked_at: at, ...(r.repairedAt !== undefined ? { repaired_at: r.repairedAt } : {}) };
        await trx('webhook_subscriptions')
          .insert({ store_hash: storeHash, scope: r.scope, ...values })
          .onConflict(['store_hash', 'scope'])
          .merge(values);
      }
      await trx('webhook_subscriptions')
        .where({ store_hash: storeHash })
        .whereNotIn('scope', [...keep])
        .delete();
    });
  };

  return {
    async listed(listed) {
      await readBefore();
      await upsert(
        listed,
        listed.map((l) => l.scope),
      );
    },
    async reconciled(result, wantedScopes) {
      const had = await readBefore();
      const scopeOfHook = new Map(result.listed.filter((l) => l.hookId !== null).map((l) => [l.hookId as number, l.scope]));
      const reactivated = result.reactivate.map((id) => scopeOfHook.get(id)).filter((x): x is string => x !== undefined);
      const made = [...result.create, ...result.adopted];
      const recreated = made.filter((scope) => had.has(scope));
      const created = made.filter((scope) => !had.has(scope));
      const repaired = new Set([...reactivated, ...recreated]);
      const listedId = new Map(result.listed.map((l) => [l.scope, l.hookId]));
      const at = now();
      await upsert(
        wantedScopes.map((scope) => ({
          scope,
          // A hook BigCommerce created without telling its id is present all the same (-1 stands for "unknown id").
          hookId: result.newHookIds[scope] ?? listedId.get(scope) ?? -1,
          active: true,
          ...(repaired.has(scope) ? { repairedAt: at } : {}),
        })),
        wantedScopes,
      );
      return { reactivated, recreated, created };
    },
  };
}

import type { Knex } from 'knex';
import type { ApiQuotaUse, BigCommerceHealth } from '../domain/health.js';
import { scopesFor } from '../webhooks/topics.js';
import type { HealthFacts, QuotaFacts } from './facts.js';
import { iso } from './time-words.js';
import { subscriptionViews } from './webhook-subscriptions.js';

// The BigCommerce side of the Overview: token, webhook subscriptions as last listed with the last
// event of each, and the store's API quota use. From the database only.

/** The newest event per scope: one index seek each (store_hash, topic, received_at), however many events. */
export async function lastEventAt(db: Knex, storeHash: string, scopes: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await Promise.all(
    scopes.map(async (topic): Promise<{ received_at: number | string } | undefined> =>
      db('webhook_events').where({ store_hash: storeHash, topic }).orderBy('received_at', 'desc').first('received_at'),
    ),
  );
  return new Map(scopes.map((scope, i) => [scope, rows[i] ? Number(rows[i].received_at) : null]));
}

export function quotaView(q: QuotaFacts | null): ApiQuotaUse | null {
  if (!q) return null;
  return { quota: q.quota, left: q.left, windowMs: q.windowMs, observedAt: new Date(q.observedAt).toISOString(), exhaustedAt: iso(q.exhaustedAt) };
}

export async function bigcommerceHealth(db: Knex, storeHash: string, f: HealthFacts): Promise<BigCommerceHealth> {
  const events = await lastEventAt(db, storeHash, scopesFor(f.settings.flows));
  return {
    tokenValid: !(f.store?.needsReauth ?? false),
    webhooks: subscriptionViews(f.settings.flows, f.subscriptions, events),
    webhooksCheckedAt: iso(f.settings.webhooksReconciledAt),
    webhooksError: f.settings.webhooksError,
    quota: quotaView(f.quota),
  };
}

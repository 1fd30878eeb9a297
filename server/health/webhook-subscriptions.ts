import type { FlowName } from '../domain/flows.js';
import type { WebhookSubscriptionHealth } from '../domain/health.js';
import { scopesFor } from '../webhooks/topics.js';
import type { SubscriptionFacts } from './facts.js';
import { iso } from './time-words.js';

// The store's BigCommerce webhook subscriptions as the reconcile job last listed them
// (webhook_subscriptions, written by subscription-records.ts), against the scopes the switched-on
// flows need.

export interface SubscriptionProblems {
  /** Needed scopes missing or inactive at the last listing (empty when never listed). */
  broken: string[];
  inactive: number;
  /** When they were last listed (null: never). */
  checkedAt: number | null;
  /** The last repair of a needed scope (re-activated, or re-created after it disappeared). */
  repairedAt: number | null;
}

export function subscriptionProblems(flows: Record<FlowName, boolean>, subs: readonly SubscriptionFacts[]): SubscriptionProblems {
  const byScope = new Map(subs.map((x) => [x.scope, x]));
  const out: SubscriptionProblems = { broken: [], inactive: 0, checkedAt: null, repairedAt: null };
  for (const x of subs) out.checkedAt = Math.max(out.checkedAt ?? 0, x.checkedAt);
  // Never listed yet (just installed, or before this was recorded): nothing is known to be wrong.
  if (subs.length === 0) return out;
  for (const scope of scopesFor(flows)) {
    const sub = byScope.get(scope);
    if (sub?.repairedAt != null) out.repairedAt = Math.max(out.repairedAt ?? 0, sub.repairedAt);
    if (!sub || sub.hookId === null) out.broken.push(scope);
    else if (!sub.active) {
      out.broken.push(scope);
      out.inactive += 1;
    }
  }
  return out;
}

/** One row per needed scope, with the last event BigCommerce delivered for it. */
export function subscriptionViews(
  flows: Record<FlowName, boolean>,
  subs: readonly SubscriptionFacts[],
  lastEventAt: ReadonlyMap<string, number | null>,
): WebhookSubscriptionHealth[] {
  const byScope = new Map(subs.map((x) => [x.scope, x]));
  return scopesFor(flows).map((scope) => {
    const sub = byScope.get(scope);
    const present = sub !== undefined && sub.hookId !== null;
    return { scope, present, active: present && sub.active, lastEventAt: iso(lastEventAt.get(scope)) };
  });
}

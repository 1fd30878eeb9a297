import type { Collaborators } from '../collaborators.js';
import type { StoreHealth } from '../domain/health.js';
import { alertsFrom } from './alerts.js';
import { backlogView, readBacklog } from './backlog.js';
import { bigcommerceHealth } from './bigcommerce.js';
import { readHealthFacts, type HealthFacts } from './facts.js';
import { allFlowCounts, skippedLevels } from './flow-counts.js';
import { flowHealths } from './flows.js';
import { warehouseHealth } from './warehouse.js';
import { subscriptionProblems } from './webhook-subscriptions.js';

/** Everything the Overview shows about how the flows are doing. Database reads only. */
export async function readStoreHealth(s: Pick<Collaborators, 'db' | 'settings'>, storeHash: string, now: number): Promise<StoreHealth & { facts: HealthFacts }> {
  const facts = await readHealthFacts(s, storeHash, now);
  const [counts, skipped, backlog, bigcommerce] = await Promise.all([
    allFlowCounts(s.db, storeHash, now),
    skippedLevels(s.db, storeHash),
    readBacklog(s.db, storeHash, now),
    bigcommerceHealth(s.db, storeHash, facts),
  ]);
  const warehouse = warehouseHealth(facts.settings, facts.calls);
  const hooks = subscriptionProblems(facts.settings.flows, facts.subscriptions);
  return {
    facts,
    flows: flowHealths({ facts, warehouse, counts, skippedLevels: skipped, hooks }),
    warehouse,
    bigcommerce,
    backlog: backlogView(backlog, facts.quota, now),
    alerts: alertsFrom(facts),
  };
}

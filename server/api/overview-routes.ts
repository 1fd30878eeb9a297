import { Router } from 'express';
import type { ChecklistItem, OverviewResponse, WebhookRepairResponse } from './contract.js';
import { AppError, NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { readStoreHealth } from '../health/overview.js';
import { repairWebhooks } from '../health/repair-webhooks.js';
import { TOKEN_UNREADABLE_REASON } from '../storage/secret-health.js';

function checklist(memberCount: number, backendConnected: boolean, importChosen: boolean): ChecklistItem[] {
  return [
    {
      id: 'install',
      title: 'Install Fulfillment Bridge',
      description: 'The app is installed and can read orders and write shipments for this store.',
      done: true,
    },
    {
      id: 'team',
      title: 'Give your team access',
      description: 'Users you grant access to this app in Settings › Users can open it from the Apps menu; they are added here the first time they do.',
      done: memberCount > 1,
    },
    {
      id: 'backend',
      title: 'Connect your fulfillment backend',
      description: 'In Settings, enter your warehouse account id and API key, then test the connection.',
      done: backendConnected,
    },
    {
      id: 'import-status',
      title: 'Choose the order import status',
      description: 'Orders are sent to the warehouse when they reach this status (Awaiting Fulfillment by default). Check it in Settings.',
      done: importChosen,
    },
  ];
}

export type OverviewRoutesDeps = Pick<Collaborators, 'audit' | 'bigcommerce' | 'clock' | 'config' | 'db' | 'logger' | 'members' | 'settings' | 'stores' | 'syncLog'>;

/**
 * GET /api/overview reads the database only (issue 8 point 2): store details come from the
 * background refresh, health from what the flows recorded. POST /api/webhooks/repair is an action
 * and may call BigCommerce.
 */
export function overviewRoutes(s: OverviewRoutesDeps): Router {
  const r = Router();
  r.get('/overview', async (_req, res) => {
    const session = sessionOf(res);
    const now = s.clock.now();
    // A local decrypt, no BigCommerce call: opening the app is when a token sealed with a changed
    // ENCRYPTION_KEY is noticed (the store is marked for re-authorisation) or moved to the new key.
    await s.stores.accessToken(session.storeHash);
    const [store, memberCount, health] = await Promise.all([s.stores.get(session.storeHash), s.members.count(session.storeHash), readStoreHealth(s, session.storeHash, now)]);
    if (!store) throw new NotFoundError('Store not found');
    const { facts, ...rest } = health;
    const out: OverviewResponse = {
      store: {
        hash: store.hash,
        name: store.name,
        plan: store.plan,
        domain: store.domain,
        secureUrl: store.secureUrl,
        installedAt: new Date(store.installedAt).toISOString(),
        needsReauth: store.needsReauth,
        // "Not connected" would hide the cause: the encryption key changed (storage/secret-health.ts).
        detailsError: store.needsReauth && store.reauthReason === 'token_unreadable' ? TOKEN_UNREADABLE_REASON : store.detailsError,
      },
      user: { id: session.userId, email: session.email, role: session.role, canManage: session.canManage },
      memberCount,
      checklist: checklist(memberCount, facts.settings.backendConnected, facts.settings.importStatusSavedAt !== null),
      ...rest,
    };
    res.json(out);
  });

  // Open to every member, like Retry: it restores the webhooks the app needs and changes no
  // choice of the merchant's. Audited with what it found and did.
  r.post('/webhooks/repair', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    const audit = (after: object) => s.audit.record({ storeHash, actor: actorOf(res), action: 'webhooks.repair', subject: 'BigCommerce webhooks', after }, s.clock.now());
    let answer: Awaited<ReturnType<typeof repairWebhooks>>;
    try {
      answer = await repairWebhooks(s, storeHash);
    } catch (err) {
      if (err instanceof AppError) await audit({ result: `Not repaired: ${err.message}` });
      throw err;
    }
    const { message, bigcommerce } = answer;
    await audit({ result: message });
    const out: WebhookRepairResponse = { ...bigcommerce, message };
    res.json(out);
  });
  return r;
}

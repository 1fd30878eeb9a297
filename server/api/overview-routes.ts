import { Router } from 'express';
import type { ChecklistItem, OverviewResponse } from './contract.js';
import { NotFoundError } from '../errors.js';
import type { Services } from '../services.js';
import { sessionOf } from '../sessions/require-session.js';
import { refreshStoreDetails } from './store-details.js';
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
      description:
        'Users you grant access to this app in Settings › Users can open it from the Apps menu; they are added here the first time they do.',
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

export function overviewRoutes(s: Services): Router {
  const r = Router();
  r.get('/overview', async (_req, res, next) => {
    try {
      const session = sessionOf(res);
      const detailsError = await refreshStoreDetails(s, session.storeHash);
      const store = await s.stores.get(session.storeHash);
      if (!store) throw new NotFoundError('Store not found');
      const memberCount = await s.members.count(session.storeHash);
      const settings = await s.settings.get(session.storeHash, s.clock.now());
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
          detailsError: store.needsReauth && store.reauthReason === 'token_unreadable' ? TOKEN_UNREADABLE_REASON : detailsError,
        },
        user: { id: session.userId, email: session.email, role: session.role },
        memberCount,
        checklist: checklist(memberCount, settings.backendConnected, settings.importStatusSavedAt !== null),
      };
      res.json(out);
    } catch (err) {
      next(err);
    }
  });
  return r;
}

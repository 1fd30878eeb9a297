import { Router, type Request, type Response } from 'express';
import { startReadinessScan } from '../flows/readiness/start.js';
import type { z } from 'zod';
import { DEFAULT_ORDER_STATUSES } from '../bigcommerce/default-statuses.js';
import { AppError, BadRequestError } from '../errors.js';
import { FulfillmentAuthError, FulfillmentRejectedError, FulfillmentUnavailableError } from '../fulfillment/index.js';
import { UnusableCredentialsError } from '../fulfillment/client.js';
import type { Collaborators } from '../collaborators.js';
import { sessionOf } from '../sessions/require-session.js';
import { StaleSettingsError, type StoreSettings } from '../storage/settings-repo.js';
import { requireManager } from '../sessions/require-manager.js';
import { assertNoContradictions } from './settings-checks.js';
import { assertFresh, sendConflict, splitRevision } from './settings-revision.js';
import { auditSettings, changedFields, connectionValues, namedStatuses } from './settings-audit.js';
import { enqueueJob, JOB } from '../flows/job-catalogue.js';
import type { ConnectionTestResponse, FlowName, WarehouseHealth, InventoryLocationOption, FlowSettings, OrderStatusOption, SettingsResponse } from './contract.js';
import { flowOptionsAuditEntries, flowOptionsChanges } from './flow-options-changes.js';
import { warehouseHealthFor } from '../health/warehouse.js';
import { statusLabel } from '../flows/status-label.js';
import { parseInput } from './paging.js';
import { backendInput, flowOptionsInput, flowsInput, importInput } from './inputs/settings.js';
import { requeueHeldOrders } from './requeue.js';
import { requeueUnsentCancellations } from '../flows/order-import/requeue-syncs.js';
import { refreshIfDue } from '../flows/store-refresh.js';
import { LocationsRepo } from '../storage/locations-repo.js';
import { catchUpAfterFlowOn } from '../flows/flow-catch-up.js';
import { mayBeAtWarehouseAlert, WHY_NOT_CONNECTED } from '../flows/order-import/cancel-unconfirmed.js';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/** Every store has it: the location stock goes to until the store's own list has been read. */
const DEFAULT_LOCATION: InventoryLocationOption = { id: 1, label: 'Default location' };

/** The settings answer, with the warehouse as the last real call found it (one small query). */
async function settingsAnswer(s: Pick<Collaborators, 'db'>, st: StoreSettings): Promise<SettingsResponse & FlowSettings> {
  return toSettingsResponse(st, await warehouseHealthFor(s.db, st));
}

export function toSettingsResponse(st: StoreSettings, health: WarehouseHealth): SettingsResponse & FlowSettings {
  return {
    backend: {
      health,
      accountId: st.backendAccountId,
      apiKeySet: st.backendApiKey !== null,
      connected: st.backendConnected,
      accountName: st.backendAccountName,
      lastCheckedAt: iso(st.backendCheckedAt),
      lastError: st.backendError,
    },
    importStatusId: st.importStatusId,
    statusAfterAcceptId: st.statusAfterAcceptId,
    webhooks: { healthy: st.webhooksReconciledAt !== null && st.webhooksError === null, lastReconciledAt: iso(st.webhooksReconciledAt), lastError: st.webhooksError },
    flows: st.flows,
    cancellationStatusIds: st.cancellationStatusIds,
    statusOnBackendCancelId: st.statusOnBackendCancelId,
    inventoryLocationId: st.inventoryLocationId,
    syncMode: st.syncMode,
    revision: st.revision,
  };
}

/** Tries the credentials against the backend; throws a merchant-readable 4xx/502 on failure. */
async function checkBackend(s: Pick<Collaborators, 'clock' | 'fulfillment' | 'settings'>, storeHash: string, input: z.infer<typeof backendInput>) {
  const stored = await s.settings.get(storeHash, s.clock.now());
  const apiKey = input.apiKey ?? (stored.backendAccountId === input.accountId ? stored.backendApiKey : null);
  if (!apiKey) throw new BadRequestError('Enter the API key for this account.', { apiKey: 'Enter the API key' });
  try {
    const account = await s.fulfillment.factory({ accountId: input.accountId, apiKey }).getAccount();
    if (account.id !== input.accountId) {
      throw new AppError(422, 'account_mismatch', `This API key belongs to account "${account.id}", not "${input.accountId}".`, { accountId: 'Does not match the API key' });
    }
    return { account, apiKey };
  } catch (err) {
    // A key saved before the character check above: the client refused to send it, so ask for it
    // again (the account id was just checked, so the key is the unusable one).
    if (err instanceof UnusableCredentialsError)
      throw new BadRequestError('The saved API key contains characters that cannot be sent: enter the API key again.', { apiKey: 'Enter the API key again' });
    if (err instanceof FulfillmentAuthError) throw new AppError(422, 'backend_auth', 'The warehouse did not accept this account id and API key.', { apiKey: 'Not accepted' });
    if (err instanceof FulfillmentRejectedError) throw new AppError(422, 'backend_rejected', `The warehouse answered: ${err.message}`);
    if (err instanceof FulfillmentUnavailableError) throw new AppError(502, 'backend_unavailable', `The warehouse could not be reached: ${err.message}`);
    throw err;
  }
}

export type SettingsRoutesDeps = Pick<
  Collaborators,
  'audit' | 'clock' | 'db' | 'fulfillment' | 'jobs' | 'logger' | 'mappings' | 'orderStatuses' | 'orders' | 'settings' | 'shipments' | 'stores' | 'syncLog' | 'webhookEvents'
>;

export function settingsRoutes(s: SettingsRoutesDeps): Router {
  const r = Router();
  const now = () => s.clock.now();
  const load = (storeHash: string) => s.settings.get(storeHash, now());

  // A save made on a stale revision is answered 409 with the settings as saved now (settings-revision.ts).
  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!(err instanceof StaleSettingsError)) throw err;
      sendConflict(res, await settingsAnswer(s, await load(sessionOf(res).storeHash)));
    }
  };

  r.get('/settings', async (_req, res) => {
    res.json(await settingsAnswer(s, await load(sessionOf(res).storeHash)));
  });

  // Open to every member: it saves nothing (a saved key is only used for the saved account).
  r.post('/settings/backend/test', requireManager, async (req, res) => {
    const { rest } = splitRevision(req.body);
    const { account } = await checkBackend(s, sessionOf(res).storeHash, parseInput(backendInput, rest, 'connection'));
    const out: ConnectionTestResponse = { ok: true, account };
    res.json(out);
  });

  r.put(
    '/settings/backend',
    requireManager,
    guarded(async (req, res) => {
      const { storeHash } = sessionOf(res);
      const { revision, rest } = splitRevision(req.body);
      const input = parseInput(backendInput, rest, 'connection');
      const before = await load(storeHash);
      assertFresh(before, revision);
      const { account, apiKey } = await checkBackend(s, storeHash, input);
      await s.settings.saveBackend(storeHash, { accountId: input.accountId, apiKey, accountName: account.name, connected: true, error: null }, now(), revision);
      await s.syncLog.append({ storeHash, flow: 'settings', message: `Connected to fulfillment account "${account.name}" (${account.id}).` }, now());
      const keyChanged = apiKey !== before.backendApiKey;
      const change = changedFields(
        connectionValues(before, keyChanged ? (before.backendApiKey ? 'a saved key' : 'none') : undefined),
        connectionValues({ backendAccountId: input.accountId, backendConnected: true }, keyChanged ? 'API key changed' : undefined),
      );
      await auditSettings(s, res, { action: 'settings.connection', subject: 'Warehouse connection', ...change });
      await requeueHeldOrders(s, storeHash);
      // Cancellations kept pending while no warehouse was connected are sent now.
      await requeueUnsentCancellations(s, storeHash, [mayBeAtWarehouseAlert('Cancelled', WHY_NOT_CONNECTED)]);
      // The first connection: the readiness scan can now say which SKUs the warehouse does not know.
      if (!before.backendAccountId) await startReadinessScan(s, storeHash);
      res.json(await settingsAnswer(s, await load(storeHash)));
    }),
  );

  r.put(
    '/settings/import',
    requireManager,
    guarded(async (req, res) => {
      const { storeHash } = sessionOf(res);
      const { revision, rest } = splitRevision(req.body);
      const input = parseInput(importInput, rest, 'import settings');
      const before = await load(storeHash);
      assertFresh(before, revision);
      assertNoContradictions(before, input);
      await s.settings.saveImport(storeHash, input, now(), revision);
      const after = input.statusAfterAcceptId === null ? 'unchanged' : `"${await statusLabel(s, storeHash, input.statusAfterAcceptId)}"`;
      await s.syncLog.append(
        { storeHash, flow: 'settings', message: `Order import status set to "${await statusLabel(s, storeHash, input.importStatusId)}"; status after acceptance ${after}.` },
        now(),
      );
      const fields = { importStatusId: before.importStatusId, statusAfterAcceptId: before.statusAfterAcceptId };
      const change = changedFields(await namedStatuses(s, storeHash, fields), await namedStatuses(s, storeHash, input));
      await auditSettings(s, res, { action: 'settings.import', subject: 'Order import', ...change });
      await enqueueJob(s.jobs.queue, JOB.webhooksReconcile, { storeHash });
      await requeueHeldOrders(s, storeHash);
      // The import status confirmed for the first time: the store is scanned for what would hold its orders.
      if (before.importStatusSavedAt === null) await startReadinessScan(s, storeHash);
      res.json(await settingsAnswer(s, await load(storeHash)));
    }),
  );

  r.put(
    '/settings/flows',
    requireManager,
    guarded(async (req, res) => {
      const { storeHash } = sessionOf(res);
      const { revision, rest } = splitRevision(req.body);
      const input = parseInput(flowsInput, rest, 'flow switches');
      const current = await load(storeHash);
      assertFresh(current, revision);
      const before = current.flows;
      await s.settings.saveFlows(storeHash, input, now(), revision);
      const changes = Object.entries(input).map(([flow, on]) => `${flow} ${on ? 'on' : 'off'}`);
      await s.syncLog.append({ storeHash, flow: 'settings', message: `Flows switched: ${changes.join(', ')}.` }, now());
      const onOff = (flows: Partial<Record<FlowName, boolean>>) => Object.fromEntries(Object.entries(flows).map(([flow, on]) => [flow, on ? 'on' : 'off']));
      await auditSettings(s, res, { action: 'settings.flows', subject: 'Sync flows', ...changedFields(onOff(before), onOff(input)) });
      // A flow turned back on does what arrived while it was off (flows/flow-catch-up.ts).
      for (const [flow, on] of Object.entries(input) as Array<[FlowName, boolean]>) {
        if (!on || before[flow]) continue;
        const queued = await catchUpAfterFlowOn(s, storeHash, flow, current);
        if (queued) await s.syncLog.append({ storeHash, flow: 'settings', message: queued }, now());
      }
      // Webhooks follow the switches right away (a flow turned off loses the hooks it needed).
      await enqueueJob(s.jobs.queue, JOB.webhooksReconcile, { storeHash });
      res.json(await settingsAnswer(s, await load(storeHash)));
    }),
  );

  r.put(
    '/settings/flow-options',
    requireManager,
    guarded(async (req, res) => {
      const { storeHash } = sessionOf(res);
      const { revision, rest } = splitRevision(req.body);
      const input = parseInput(flowOptionsInput, rest, 'settings');
      const current = await load(storeHash);
      // A request that changes nothing (an empty body, or the values already saved) is not an event.
      const changes = flowOptionsChanges(current, input);
      if (changes.length === 0) return void res.json(await settingsAnswer(s, current));
      assertFresh(current, revision);
      assertNoContradictions(current, { cancellationStatusIds: input.cancellationStatusIds, statusOnBackendCancelId: input.statusOnBackendCancelId });
      await s.settings.saveFlowOptions(storeHash, input, now(), revision);
      await s.syncLog.append({ storeHash, flow: 'settings', message: `Settings changed: ${changes.join('; ')}.` }, now());
      for (const entry of await flowOptionsAuditEntries(s, storeHash, current, input)) await auditSettings(s, res, entry);
      if (input.syncMode === 'poll') await enqueueJob(s.jobs.queue, JOB.fulfillmentPoll, { storeHash });
      res.json(await settingsAnswer(s, await load(storeHash)));
    }),
  );

  // Both read the copies the background refresh keeps (flows/store-refresh.ts): a page never waits
  // on BigCommerce. A copy not filled yet answers BigCommerce's defaults and asks for a refresh
  // (the scheduler would queue it within minutes anyway, so failing to ask does not fail the page).
  const askForRefresh = (storeHash: string) => refreshIfDue(s, storeHash).catch((err: unknown) => s.logger.warn({ err, storeHash }, 'could not queue the store refresh'));

  r.get('/inventory-locations', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    const items: InventoryLocationOption[] = await new LocationsRepo(s.db).list(storeHash);
    if (items.length === 0) {
      await askForRefresh(storeHash);
      items.push(DEFAULT_LOCATION);
    }
    res.json({ items });
  });

  r.get('/order-statuses', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    let items: OrderStatusOption[] = await s.orderStatuses.list(storeHash);
    if (items.length === 0) {
      await askForRefresh(storeHash);
      items = [...DEFAULT_ORDER_STATUSES];
    }
    res.json({ items });
  });

  return r;
}

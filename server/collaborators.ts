/**
 * The collaborators a route, receiver or flow may be handed, by name and type (issue 10 point 5).
 * Each module declares the few it uses, as `Pick<Collaborators, 'orders' | 'clock'>` or a named
 * deps type built the same way; the composition root (services.ts) builds the whole set once and
 * passes it down, which satisfies every Pick.
 *
 * This module is a leaf on purpose: it imports types only, and only from directories none of whose
 * modules take collaborators (storage repos, clients, the queue, clock, logger, config). The modules
 * that take collaborators (api, flows, webhooks, callbacks, sessions, …) therefore depend on it
 * without closing a cycle, neither between files nor between directories.
 * test/structure/no-services-bag.test.ts keeps it that way. Where a member's class lives beside
 * such modules (sessions/, http/), a narrow interface below says what its users call instead.
 *
 * Collaborators built from an edge's own classes (the OAuth exchanger and store lifecycle of
 * callbacks/, the webhook receiver's gate and group commit) are declared by the edge that uses
 * them, in its own deps type: naming them here would import those modules into this leaf.
 */
import type { Knex } from 'knex';
import type { BigCommerceClient, RateLimiterState } from './bigcommerce/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config/env.js';
import type { AuditRepo } from './audit/audit-repo.js';
import type { FulfillmentClient, FulfillmentClientFactory } from './fulfillment/index.js';
import type { KnexJobQueue } from './jobs/queue.js';
import type { Logger } from './logging/logger.js';
import type { ExchangeCodesRepo } from './storage/exchange-codes-repo.js';
import type { InventoryRepo } from './storage/inventory-repo.js';
import type { MappingsRepo } from './storage/mappings-repo.js';
import type { MembersRepo } from './storage/members-repo.js';
import type { OrderStatusesRepo } from './storage/order-statuses-repo.js';
import type { OrdersRepo } from './storage/orders-repo.js';
import type { RetentionRepo } from './storage/retention-repo.js';
import type { SettingsRepo } from './storage/settings-repo.js';
import type { ShipmentsRepo } from './storage/shipments-repo.js';
import type { StoresRepo } from './storage/stores-repo.js';
import type { SyncLogRepo } from './storage/sync-log-repo.js';
import type { WebhookEventsRepo } from './storage/webhook-events-repo.js';

/**
 * The queue, and where the worker attaches (later: the worker needs the collaborators). No wake():
 * the queue wakes the attached worker itself once an enqueue has committed (services.ts, onEnqueued).
 */
export interface JobsHandle {
  queue: KnexJobQueue;
  attach(worker: { wake(): void }): void;
}

/** Follow-up work after callbacks (webhook reconciliation lands here in the order-import issue). */
export interface LifecycleHooks {
  afterInstall?(storeHash: string): void;
  afterLoad?(storeHash: string): void;
}

/**
 * The app's own session tokens (sessions/session-tokens.ts's SessionTokens), as the session routes
 * use them; declared here because sessions/ also holds require-session.ts, which takes collaborators.
 */
export interface SessionTokenSigner {
  issue(id: { storeHash: string; userId: number }, nowMs: number): { token: string; expiresAt: Date };
  verify(token: string, nowMs: number): { storeHash: string; userId: number };
}

/**
 * What pages need of the UI renderer (http/spa.ts's SpaRenderer, which reads the built index.html
 * and adds the support contact): the page's path and, from the load callback, its exchange code.
 */
export interface PageRenderer {
  render(boot: { path: string; exchangeCode?: string }): string;
}

export interface Collaborators {
  config: Config;
  db: Knex;
  logger: Logger;
  clock: Clock;
  stores: StoresRepo;
  members: MembersRepo;
  exchangeCodes: ExchangeCodesRepo;
  sessions: SessionTokenSigner;
  spa: PageRenderer;
  bigcommerce: {
    forStore(storeHash: string): Promise<BigCommerceClient | undefined>;
    /** What the store's limiter knows of its quota window and the app's share (backfill ETA, quota notices). */
    quota(storeHash: string): RateLimiterState;
  };
  fulfillment: {
    factory: FulfillmentClientFactory;
    /** Client for the store's connected backend account, or undefined when not connected. */
    forStore(storeHash: string): Promise<FulfillmentClient | undefined>;
  };
  settings: SettingsRepo;
  mappings: MappingsRepo;
  orders: OrdersRepo;
  orderStatuses: OrderStatusesRepo;
  shipments: ShipmentsRepo;
  inventory: InventoryRepo;
  syncLog: SyncLogRepo;
  /** Who changed what (issue 9 point 9). */
  audit: AuditRepo;
  webhookEvents: WebhookEventsRepo;
  /** Batched deletes of rows past their retention period (flows/retention). */
  retention: RetentionRepo;
  jobs: JobsHandle;
  hooks: LifecycleHooks;
}

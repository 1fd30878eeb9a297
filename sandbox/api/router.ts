// The store API: /stores/:hash/v2/... and /stores/:hash/v3/...
// Every request goes through, in order: request log → store lookup (404) → injected faults →
// X-Auth-Token (401) → rate limit (429 / headers) → the resource routes → 404.
// To add a resource (orders, hooks, shipments, inventory ...), write api/<name>.ts exporting a
// `register(router, state)` function and list it in V2_MODULES or V3_MODULES below.
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { SandboxState } from '../state.js';
import { requireStore, requireToken } from './auth.js';
import { sendApiError } from './errors.js';
import { faultMiddleware } from './faults.js';
import { rateLimiter } from './rate-limit.js';
import { recordRequests } from './record.js';
import { registerCatalog } from './catalog.js';
import { registerCustomers } from './customers.js';
import { registerHooks } from './hooks.js';
import { registerInventory } from './inventory.js';
import { registerOrderResources } from './order-resources.js';
import { registerOrders } from './orders.js';
import { registerShipments } from './shipments.js';
import { registerStoreInfo } from './store-info.js';

type Register = (router: Router, state: SandboxState) => void;

const V2_MODULES: Register[] = [registerStoreInfo, registerOrders, registerOrderResources, registerShipments];
const V3_MODULES: Register[] = [registerHooks, registerInventory, registerCatalog, registerCustomers];

/** v2 also serves resources with a ".json" extension (e.g. /v2/store.json), as BigCommerce does. */
const stripJsonExtension: RequestHandler = (req, _res, next) => {
  req.url = req.url.replace(/\.json(?=\?|$)/, '');
  next();
};

const notFound: RequestHandler = (req, res) => sendApiError(req, res, 404, 'The requested resource was not found');

const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const e = err as { status?: number; statusCode?: number; message?: string };
  const status = e.status ?? e.statusCode ?? 500;
  if (res.headersSent) return;
  // Client errors (e.g. malformed JSON) keep their message; internal errors are not echoed.
  sendApiError(req, res, status, status < 500 ? (e.message ?? 'Bad request') : 'Internal server error');
};

export function storeApiRouter(state: SandboxState): Router {
  const router = express.Router({ mergeParams: true });
  router.use(recordRequests(state), requireStore(state), faultMiddleware(state), requireToken(state), rateLimiter(state));
  router.use(express.json({ limit: '1mb' }));

  const v2 = express.Router({ mergeParams: true });
  v2.use(stripJsonExtension);
  for (const register of V2_MODULES) register(v2, state);
  const v3 = express.Router({ mergeParams: true });
  for (const register of V3_MODULES) register(v3, state);

  router.use('/v2', v2);
  router.use('/v3', v3);
  router.use(notFound);
  router.use(onError);
  return router;
}

// Injected failures for the warehouse's /v1 API (never for the control page or its endpoints), so
// the app's retry and error paths can be exercised on demand. Faults run before authentication, like
// an overloaded gateway in front of the backend would.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, RequestHandler, Response } from 'express';
import { SandboxError } from '../util.js';
import type { WarehouseState } from './state.js';
import type { ActiveWarehouseFault, WarehouseFaultPlan, WarehouseRequest } from './types.js';

const KINDS = new Set(['server_error', 'timeout', 'slow', 'reject', 'disconnect']);
/** Longer than the app's 15 s client timeout, so the client gives up first. */
const DEFAULT_HOLD_MS = 30_000;

/** Replaces the active faults. An array is consumed in order: each entry affects `count` requests. */
export function setFaults(state: WarehouseState, plan: WarehouseFaultPlan | WarehouseFaultPlan[]): ActiveWarehouseFault[] {
  const plans = Array.isArray(plan) ? plan : [plan];
  for (const p of plans) {
    if (!p || !KINDS.has(p.kind)) throw new SandboxError(400, `unknown fault kind ${String(p?.kind)}`);
    if (p.kind === 'server_error' && p.status !== undefined && (p.status < 500 || p.status > 599)) {
      throw new SandboxError(400, 'server_error status must be 5xx');
    }
    if (p.kind === 'reject' && p.status !== undefined && (p.status < 400 || p.status > 499)) {
      throw new SandboxError(400, 'reject status must be 4xx');
    }
  }
  state.faults = plans.map((p) => ({ ...p, remaining: p.count ?? Infinity }));
  return state.faults;
}

export function clearFaults(state: WarehouseState): void {
  state.faults = [];
}

function matches(fault: ActiveWarehouseFault, req: Request): boolean {
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  if (fault.path && !req.originalUrl.split('?')[0]!.includes(fault.path)) return false;
  return fault.remaining > 0;
}

/** Takes one use of the first fault that applies to this request. */
function takeFault(state: WarehouseState, req: Request): ActiveWarehouseFault | undefined {
  const fault = state.faults.find((f) => matches(f, req));
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) state.faults = state.faults.filter((f) => f !== fault);
  return fault;
}

/** Holds the request open, then drops it; stops early when the client goes away or close() runs. */
function holdThenDrop(res: Response, ms: number): void {
  const timer = setTimeout(() => res.socket?.destroy(), ms);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
}

export function faultMiddleware(state: WarehouseState): RequestHandler {
  return async (req, res, next) => {
    const fault = takeFault(state, req);
    if (!fault) return next();
    const entry = res.locals.entry as WarehouseRequest | undefined;
    if (entry && fault.kind !== 'slow') entry.outcome = 'fault';
    switch (fault.kind) {
      case 'server_error': {
        const status = fault.status ?? 500;
        res.status(status).json({ error: { code: 'server_error', message: fault.message ?? 'The sandbox warehouse is failing on purpose (injected fault).' } });
        return;
      }
      case 'reject': {
        const status = fault.status ?? 422;
        res.status(status).json({ error: { code: 'rejected', message: fault.message ?? 'Rejected by the sandbox warehouse (injected fault).' } });
        return;
      }
      case 'timeout':
        return holdThenDrop(res, fault.delayMs ?? DEFAULT_HOLD_MS);
      case 'disconnect':
        req.socket.destroy();
        return;
      case 'slow':
        await sleep(fault.delayMs ?? 1000);
        return next();
    }
  };
}

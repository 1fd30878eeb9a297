// Injected failures for the store API (never for OAuth or the control panel), so the app's retry,
// back-off and error paths can be exercised on demand. Faults run before authentication, like an
// overloaded gateway would, and a faulted request does not use rate-limit quota.
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, RequestHandler } from 'express';
import type { ActiveFault, SandboxState } from '../state.js';
import type { FaultPlan } from '../types.js';
import { STATUS_DOC_URL } from './errors.js';
import { currentBucket, sendRateLimited } from './rate-limit.js';

const KINDS = new Set(['rate_limit', 'rate_limit_no_headers', 'server_error', 'slow']);

/** Replaces the active faults. An array is consumed in order: each entry affects `count` requests. */
export function setFaults(state: SandboxState, plan: FaultPlan | FaultPlan[]): ActiveFault[] {
  const plans = Array.isArray(plan) ? plan : [plan];
  for (const p of plans) {
    if (!p || !KINDS.has(p.kind)) throw new TypeError(`unknown fault kind ${String(p?.kind)}`);
  }
  state.faults = plans.map((p) => ({ ...p, remaining: p.count ?? Infinity }));
  return state.faults;
}

export function clearFaults(state: SandboxState): void {
  state.faults = [];
}

function matches(fault: ActiveFault, req: Request): boolean {
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  if (fault.path && !req.originalUrl.split('?')[0]!.includes(fault.path)) return false;
  return fault.remaining > 0;
}

/** Takes one use of the first fault that applies to this request. */
function takeFault(state: SandboxState, req: Request): ActiveFault | undefined {
  const fault = state.faults.find((f) => matches(f, req));
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) state.faults = state.faults.filter((f) => f !== fault);
  return fault;
}

export function faultMiddleware(state: SandboxState): RequestHandler {
  return async (req, res, next) => {
    const fault = takeFault(state, req);
    if (!fault) return next();
    switch (fault.kind) {
      case 'rate_limit': {
        const quota = currentBucket(state, String(req.params.hash)).quota;
        return sendRateLimited(res, state, quota, fault.resetMs ?? 1500);
      }
      case 'rate_limit_no_headers':
        // api-rate-limits.mdx: a 429 without the headers means the platform is under high load.
        res.status(429).json({ status: 429, title: 'Too many requests', type: STATUS_DOC_URL });
        return;
      case 'server_error': {
        const status = fault.status ?? 500;
        res.status(status).json({ status, title: STATUS_CODES[status] ?? 'Server Error', type: STATUS_DOC_URL });
        return;
      }
      case 'slow':
        await sleep(fault.delayMs ?? 1000);
        return next();
    }
  };
}

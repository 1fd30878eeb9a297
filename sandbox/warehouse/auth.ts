// /v1 plumbing shared by every route: the request log, Bearer authentication and the JSON error
// shape `{error:{code,message}}`. Nothing here logs or echoes the API key.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { SandboxError } from '../util.js';
import type { WarehouseState } from './state.js';
import type { WarehouseAccount, WarehouseRequest } from './types.js';

/** An error answer in the contract's shape. */
export class ApiError extends SandboxError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
    this.name = 'ApiError';
  }
}

export function entryOf(res: Response): WarehouseRequest {
  return res.locals.entry as WarehouseRequest;
}

export function accountOf(res: Response): WarehouseAccount {
  return res.locals.account as WarehouseAccount;
}

/** Logs every /v1 request; the status is filled in when the answer is written (0 if never). */
export function requestLog(state: WarehouseState): RequestHandler {
  return (req, res, next) => {
    const entry = state.recordRequest({
      method: req.method,
      path: req.originalUrl.split('?')[0] ?? '',
      accountId: null,
      idempotencyKey: req.get('idempotency-key') ?? null,
      status: 0,
      outcome: null,
      orderId: null,
      at: state.now(),
    });
    res.locals.entry = entry;
    res.once('finish', () => void (entry.status = res.statusCode));
    next();
  };
}

/** Authorization: Bearer {api key}; an optional Fulfillment-Account header must name the key's account. */
export function authenticate(state: WarehouseState): RequestHandler {
  return (req, res, next) => {
    const entry = entryOf(res);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const account = match?.[1] ? state.accountByKey(match[1]) : undefined;
    const claimed = req.get('fulfillment-account');
    if (!account || (claimed !== undefined && claimed !== account.id)) {
      entry.outcome = 'unauthorized';
      const message = !match
        ? 'Missing API key: send "Authorization: Bearer {api key}".'
        : !account
          ? 'Unknown API key: check the account id and API key.'
          : 'This API key does not belong to the account in Fulfillment-Account: check the account id and API key.';
      res.status(401).json({ error: { code: 'unauthorized', message } });
      return;
    }
    entry.accountId = account.id;
    res.locals.account = account;
    next();
  };
}

export const notFound: RequestHandler = (req, res) => {
  entryOf(res).outcome = 'not_found';
  res.status(404).json({ error: { code: 'not_found', message: `No route ${req.method} ${req.path}` } });
};

export const onApiError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof ApiError) return void res.status(err.status).json({ error: { code: err.code, message: err.message } });
  const e = err as { status?: number; type?: string; message?: string };
  // body-parser errors: malformed JSON (400), body too large (413), bad charset (415).
  if (e.type === 'entity.parse.failed') {
    return void res.status(400).json({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
  }
  if (e.status && e.status >= 400 && e.status < 500) {
    return void res.status(e.status).json({ error: { code: 'bad_request', message: e.message ?? 'Bad request' } });
  }
  res.status(500).json({ error: { code: 'server_error', message: 'Internal sandbox warehouse error.' } });
};

// Webhooks v3 (reference/webhooks.v3.yml): GET/POST /hooks, GET/PUT/DELETE /hooks/{id}.
// No OAuth scope is needed ("Create and manage webhooks with the default scope of an API account");
// hooks are visible only to the app (client id) whose token created them. Bodies are wrapped in
// {data, meta} as the spec says (the overview's unwrapped example is the outlier, notes §2.1).
// Single deviation: BigCommerce requires https destinations on port 443; the sandbox also accepts
// plain-http loopback destinations (127.0.0.1, localhost, [::1]) on any port (webhooks/registry.ts).
// A second hook with the same scope and destination is refused with 422 (errorDetailed_Full), as
// BigCommerce does; so is an https destination on any port but 443.
import type { Request, Response, Router } from 'express';
import type { SandboxState } from '../state.js';
import { HookValidationError, type HookInput } from '../webhooks/registry.js';
import type { HookRecord } from '../webhooks/types.js';
import { STATUS_DOC_URL, sendApiError } from './errors.js';

/** webhook_Full. events_history_enabled was removed from the API and is echoed as false (GH#506). */
export function renderHook(h: HookRecord): Record<string, unknown> {
  return {
    id: h.id,
    client_id: h.clientId,
    store_hash: h.storeHash,
    scope: h.scope,
    destination: h.destination,
    headers: h.headers,
    is_active: h.isActive,
    created_at: h.createdAt,
    updated_at: h.updatedAt,
    events_history_enabled: false,
  };
}

function sendInvalid(res: Response, err: HookValidationError): void {
  res.status(422).json({ status: 422, title: err.message, type: STATUS_DOC_URL, errors: err.errors });
}

function bodyOf(req: Request): HookInput | undefined {
  const b: unknown = req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? b : undefined;
}

/** The :hash of the enclosing /stores/:hash router (mergeParams), whatever this route's own params. */
const hashOf = (req: Request): string => String((req.params as Record<string, string>).hash);

function boolParam(v: unknown): boolean | undefined {
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined;
}

export function registerHooks(v3: Router, state: SandboxState): void {
  const find = (req: Request, res: Response): HookRecord | undefined => {
    const id = String(req.params.id);
    const hook = /^\d+$/.test(id) ? state.hooks.get(hashOf(req), Number(id)) : undefined;
    if (!hook) sendApiError(req, res, 404, `Webhook with id [${id}] not found`);
    return hook;
  };

  v3.get('/hooks', (req, res) => {
    const q = req.query;
    const active = boolParam(q.is_active);
    let hooks = state.hooks.list(hashOf(req));
    if (active !== undefined) hooks = hooks.filter((h) => h.isActive === active);
    if (typeof q.scope === 'string') hooks = hooks.filter((h) => h.scope === q.scope);
    if (typeof q.destination === 'string') hooks = hooks.filter((h) => h.destination === q.destination);
    const limit = Math.min(250, Math.max(1, Number(q.limit) || 50));
    const totalPages = Math.max(1, Math.ceil(hooks.length / limit));
    const page = Math.max(1, Number(q.page) || 1);
    const data = hooks.slice((page - 1) * limit, page * limit).map(renderHook);
    const link = (p: number): string => `?page=${p}&limit=${limit}`;
    const links: Record<string, string> = { current: link(page) };
    if (page > 1) links.previous = link(page - 1);
    if (page < totalPages) links.next = link(page + 1);
    res.json({
      data,
      meta: {
        pagination: { total: hooks.length, count: data.length, per_page: limit, current_page: page, total_pages: totalPages, links },
      },
    });
  });

  v3.post('/hooks', (req, res) => {
    const input = bodyOf(req);
    if (!input) return sendApiError(req, res, 400, 'Input is invalid.');
    try {
      const hook = state.hooks.create(hashOf(req), input);
      res.status(200).json({ data: renderHook(hook), meta: {} });
    } catch (err) {
      if (err instanceof HookValidationError) return sendInvalid(res, err);
      throw err;
    }
  });

  v3.get('/hooks/:id', (req, res) => {
    const hook = find(req, res);
    if (hook) res.json({ data: renderHook(hook), meta: {} });
  });

  v3.put('/hooks/:id', (req, res) => {
    const hook = find(req, res);
    if (!hook) return;
    const input = bodyOf(req);
    if (!input) return sendApiError(req, res, 400, 'Input is invalid.');
    try {
      res.json({ data: renderHook(state.hooks.update(hook, input)), meta: {} });
    } catch (err) {
      if (err instanceof HookValidationError) return sendInvalid(res, err);
      throw err;
    }
  });

  // "When a webhook is deleted, it is returned in the response as a 200 OK."
  v3.delete('/hooks/:id', (req, res) => {
    const hook = find(req, res);
    if (!hook) return;
    state.hooks.delete(hook);
    res.json({ data: renderHook(hook), meta: {} });
  });
}

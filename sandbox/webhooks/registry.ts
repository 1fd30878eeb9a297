// Hook subscriptions per store and app (reference/webhooks.v3.yml). Validation mirrors the API's
// rules (overview.mdx "Platform limits", webhook_Base; createWebhooks: "Destination URL must be
// served on port 443"), including the 422 for a second hook with the same scope and destination,
// with one documented deviation: the sandbox also accepts plain-http loopback destinations on any
// port, so a locally running app can receive callbacks. https is held to port 443 everywhere.
import type { SandboxState } from '../state.js';
import type { HookRecord } from './types.js';

/** At most 10 hooks per store + client + scope (overview.mdx "Platform limits"). */
export const MAX_HOOKS_PER_SCOPE = 10;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SCOPE_RE = /^store\/[A-Za-z0-9_{}]+(\/[A-Za-z0-9_{}]+)*(\/\*)?$/;
// RFC 9110 token characters: fetch() refuses anything else as a header name.
const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

/** A 422 with the `errors` object of errorDetailed_Full. */
export class HookValidationError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('JSON data is missing or invalid');
  }
}

export interface HookInput {
  scope?: unknown;
  destination?: unknown;
  is_active?: unknown;
  headers?: unknown;
}

export function isLoopbackDestination(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

function destinationProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'error.path.invalid.url';
  }
  // The deviation is for plain-http loopback only: an https destination is held to port 443 as on
  // BigCommerce, loopback or not, so an app cannot pass here with a URL BigCommerce would refuse.
  if (isLoopbackDestination(url) && url.protocol === 'http:') return undefined;
  if (url.protocol !== 'https:') return 'destination must use https';
  // URL drops the default port, so a non-empty port here is a custom one.
  if (url.port !== '') return 'destination must be served on port 443; custom ports are not supported';
  return undefined;
}

/** Checks the fields present in `input`; `required` enforces scope and destination (POST). */
export function validateHookInput(input: HookInput, required: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.scope !== undefined || required) {
    if (typeof input.scope !== 'string' || input.scope === '') errors.scope = 'error.path.missing.';
    else if (!SCOPE_RE.test(input.scope)) errors.scope = 'error.path.invalid.scope';
  }
  if (input.destination !== undefined || required) {
    if (typeof input.destination !== 'string' || input.destination === '') errors.destination = 'error.path.missing.';
    else {
      const problem = destinationProblem(input.destination);
      if (problem) errors.destination = problem;
    }
  }
  if (input.is_active !== undefined && typeof input.is_active !== 'boolean') errors.is_active = 'must be a boolean';
  if (input.headers !== undefined && input.headers !== null) {
    const h = input.headers;
    const ok =
      typeof h === 'object' &&
      !Array.isArray(h) &&
      Object.entries(h as Record<string, unknown>).every(([k, v]) => HEADER_NAME_RE.test(k) && typeof v === 'string' && !/[\r\n\0]/.test(v));
    if (!ok) errors.headers = 'headers must be an object of header names to string values';
  }
  return errors;
}

export class HookRegistry {
  private readonly hooks = new Map<number, HookRecord>();
  // BigCommerce hook ids are large, globally allocated integers (the spec's example: 18048287).
  private nextId = 20_000_001;

  constructor(private readonly state: SandboxState) {
    // "BigCommerce automatically deletes registered webhooks on app uninstall" (overview.mdx).
    state.events.on('uninstalled', (hash: string) => this.deleteForStore(hash));
  }

  private nowSec(): number {
    return Math.floor(this.state.now() / 1000);
  }

  list(storeHash: string, clientId = this.state.opts.clientId): HookRecord[] {
    return [...this.hooks.values()].filter((h) => h.storeHash === storeHash && h.clientId === clientId);
  }

  get(storeHash: string, id: number, clientId = this.state.opts.clientId): HookRecord | undefined {
    const hook = this.hooks.get(id);
    return hook && hook.storeHash === storeHash && hook.clientId === clientId ? hook : undefined;
  }

  /** Hook by id whatever its store (for the dispatcher, which only holds ids). */
  byId(id: number): HookRecord | undefined {
    return this.hooks.get(id);
  }

  create(storeHash: string, input: HookInput, clientId = this.state.opts.clientId): HookRecord {
    const errors = validateHookInput(input, true);
    if (Object.keys(errors).length) throw new HookValidationError(errors);
    const scope = input.scope as string;
    const destination = input.destination as string;
    this.checkLimits(storeHash, clientId, scope, destination, undefined);
    const now = this.nowSec();
    const hook: HookRecord = {
      id: this.nextId++,
      storeHash,
      clientId,
      scope,
      destination,
      // Not documented; the hooks BigCommerce echoes back without is_active sent are active.
      isActive: input.is_active === undefined ? true : (input.is_active as boolean),
      headers: (input.headers as Record<string, string> | null | undefined) ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  update(hook: HookRecord, input: HookInput): HookRecord {
    const known = (['scope', 'destination', 'is_active', 'headers'] as const).filter((k) => input[k] !== undefined);
    // GH#505: a PUT without any supported field is refused with this message.
    if (known.length === 0) throw new HookValidationError({ body: 'Update webhook request should not be empty' });
    const errors = validateHookInput(input, false);
    if (Object.keys(errors).length) throw new HookValidationError(errors);
    const scope = (input.scope as string | undefined) ?? hook.scope;
    const destination = (input.destination as string | undefined) ?? hook.destination;
    this.checkLimits(hook.storeHash, hook.clientId, scope, destination, hook.id);
    Object.assign(hook, { scope, destination, updatedAt: this.nowSec() });
    if (input.is_active !== undefined) hook.isActive = input.is_active as boolean;
    if (input.headers !== undefined) hook.headers = input.headers as Record<string, string> | null;
    return hook;
  }

  delete(hook: HookRecord): void {
    this.hooks.delete(hook.id);
  }

  deleteForStore(storeHash: string, clientId = this.state.opts.clientId): number {
    const doomed = this.list(storeHash, clientId);
    for (const hook of doomed) this.hooks.delete(hook.id);
    return doomed.length;
  }

  /** Called by the dispatcher when the retry schedule is exhausted. */
  deactivate(id: number): void {
    const hook = this.hooks.get(id);
    if (hook) Object.assign(hook, { isActive: false, updatedAt: this.nowSec() });
  }

  /** Active hooks of the store whose scope is the event's scope or a wildcard covering it. */
  matching(storeHash: string, scope: string): HookRecord[] {
    return [...this.hooks.values()].filter((h) => h.storeHash === storeHash && h.isActive && scopeMatches(h.scope, scope));
  }

  private checkLimits(storeHash: string, clientId: string, scope: string, destination: string, selfId: number | undefined): void {
    const sameScope = this.list(storeHash, clientId).filter((h) => h.scope === scope && h.id !== selfId);
    if (sameScope.some((h) => h.destination === destination)) {
      throw new HookValidationError({ destination: 'a webhook for this scope and destination already exists' });
    }
    if (sameScope.length >= MAX_HOOKS_PER_SCOPE) {
      throw new HookValidationError({ scope: `at most ${MAX_HOOKS_PER_SCOPE} webhooks per scope` });
    }
  }
}

/** `store/order/*` covers every scope below `store/order/` (including store/order/message/created). */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  if (hookScope === eventScope) return true;
  return hookScope.endsWith('/*') && eventScope.startsWith(hookScope.slice(0, -1));
}

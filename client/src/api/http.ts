// Minimal JSON API client: adds the in-memory bearer token, turns every non-2xx answer into an
// ApiRequestError carrying the server's ApiError code/message, and ends the session on any 401.
// No DOM access at module load, so it can be unit-tested in node with a fake fetch.
import type { ApiError } from '../../../server/api/contract.js';
import { sessionStore, type SessionEndReason } from '../session/store.js';

export class ApiRequestError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** True when the user must reopen the app (the UI shows the "session ended" state instead). */
  get sessionEnded(): boolean {
    return isSessionEndedError(this.status, this.code);
  }
}

const SESSION_CODES = new Set(['session_expired', 'unauthenticated']);

export function isSessionEndedError(status: number, code: string | undefined): boolean {
  return status === 401 || (code !== undefined && SESSION_CODES.has(code));
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended.';
  if (status === 403) return "You don't have permission to do that.";
  if (status === 404) return 'That item could not be found.';
  if (status === 429) return 'Too many requests right now. Wait a moment and try again.';
  if (status >= 500) return `Fulfillment Bridge ran into a problem (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

/** Builds the error for a non-2xx response, using the server's ApiError body when there is one. */
export async function errorFromResponse(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body...): fall back to the status.
  }
  if (isApiError(body)) {
    const { code, message, fields } = body.error;
    return new ApiRequestError(res.status, code, message || fallbackMessage(res.status), fields);
  }
  return new ApiRequestError(res.status, `http_${res.status}`, fallbackMessage(res.status));
}

/** Any thrown value as an ApiRequestError (unexpected ones get a generic, readable message). */
export function asApiError(err: unknown, message = 'Something went wrong. Try again.'): ApiRequestError {
  return err instanceof ApiRequestError ? err : new ApiRequestError(0, 'client_error', message);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send the bearer token (default true). Only POST /api/session goes without. */
  auth?: boolean;
}

export interface ApiClientDeps {
  fetch: typeof fetch;
  getToken(): string | null;
  onSessionEnded(reason: SessionEndReason): void;
}

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.auth !== false) {
      const token = deps.getToken();
      if (!token) {
        deps.onSessionEnded('expired');
        throw new ApiRequestError(401, 'session_expired', 'Your session has ended.');
      }
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    let res: Response;
    try {
      res = await deps.fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: options.signal,
      });
    } catch (err) {
      if (options.signal?.aborted) throw err;
      throw new ApiRequestError(0, 'network_error', "Couldn't reach Fulfillment Bridge. Check your connection and try again.");
    }

    if (!res.ok) {
      const error = await errorFromResponse(res);
      if (error.sessionEnded) {
        deps.onSessionEnded('rejected');
      }
      throw error;
    }
    if (res.status === 204) {
      return undefined as T;
    }
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiRequestError(res.status, 'bad_response', 'The server sent a response the app could not read.');
    }
  }

  return {
    request,
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body, options),
    put: (path, body, options) => request('PUT', path, body, options),
    delete: (path, options) => request('DELETE', path, undefined, options),
  };
}

/** The app's API client, bound to the in-memory session. */
export const api: ApiClient = createApiClient({
  fetch: (input, init) => fetch(input, init),
  getToken: () => sessionStore.getToken(),
  onSessionEnded: (reason) => sessionStore.end(reason),
});

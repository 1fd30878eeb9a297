// Types shared by the server's JSON API and the browser UI. Types only: the client imports this
// file with `import type`, so nothing here may have a runtime value.

/** Data the server injects into index.html as `<meta name="fb-boot" content="{base64url(JSON)}">`. */
export interface BootData {
  /** Single-use code (about two minutes) that the page swaps for a session token. */
  exchangeCode?: string;
  /** Deep-link path inside the app, from the `url` claim of the load callback ("/" by default). */
  path: string;
}

/** Every non-2xx JSON answer from /api/*. */
export interface ApiError {
  error: {
    /** Stable machine-readable code. `session_expired` and `unauthenticated` mean "reopen the app". */
    code: string;
    message: string;
    /** Per-field messages for validation errors. */
    fields?: Record<string, string>;
  };
}

export type MemberRole = 'owner' | 'user';

export interface SessionUser {
  id: number;
  email: string;
  role: MemberRole;
}

/** POST /api/session  body: { code } */
export interface SessionResponse {
  token: string;
  /** ISO-8601 instant when the token stops working. */
  expiresAt: string;
  user: SessionUser;
  storeHash: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  description: string;
  done: boolean;
}

/** GET /api/overview */
export interface OverviewResponse {
  store: {
    hash: string;
    name: string | null;
    plan: string | null;
    domain: string | null;
    secureUrl: string | null;
    /** ISO-8601 */
    installedAt: string;
    /** True when BigCommerce refused the stored token: the owner must reopen/reauthorise. */
    needsReauth: boolean;
    /** Set when the store details could not be read from BigCommerce right now. */
    detailsError: string | null;
  };
  user: SessionUser;
  memberCount: number;
  checklist: ChecklistItem[];
}

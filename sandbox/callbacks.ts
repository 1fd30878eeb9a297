// Server-to-server callbacks to the app (uninstall, remove_user). BigCommerce sends them from its
// servers as GET requests with Accept: application/json and does not need a response body.
import type { CallbackResult } from './types.js';

/** Long enough for a slow app, short enough that a dead app does not hang a test. */
const CALLBACK_TIMEOUT_MS = 10_000;

export async function callApp(url: string): Promise<CallbackResult> {
  try {
    const res = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json', 'User-Agent': 'BigCommerce-Sandbox/1.0' },
      redirect: 'manual',
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    // Drain the body so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, called: true };
  } catch (err) {
    // Report only the error's message: the URL carries a signed token and is not echoed.
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { status: 0, called: true, error: `app unreachable: ${reason}` };
  }
}

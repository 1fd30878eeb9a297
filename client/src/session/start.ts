// One-time session start: read the boot meta tag, move the iframe URL to the deep link, swap the
// single-use exchange code for a session token (kept in memory only, see store.ts).
import type { SessionResponse } from '../../../server/api/contract';
import { api, ApiRequestError } from '../api/http';
import { BOOT_META_NAME, parseBootData } from './boot';
import { sessionStore } from './store';
import { setSupportContact } from '../help/support';

let started: Promise<void> | null = null;

/** Starts the session once per page load (safe under React StrictMode double effects). */
export function startSession(): Promise<void> {
  started ??= run();
  return started;
}

async function run(): Promise<void> {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${BOOT_META_NAME}"]`);
  const boot = parseBootData(meta?.content);
  // The exchange code is single-use; don't leave it lying around in the DOM.
  meta?.setAttribute('content', '');

  // Help's support link works even when the session cannot start.
  setSupportContact(boot?.support ?? null);
  if (boot) {
    // Replace the load-callback URL (which carried signed_payload_jwt) with the deep link.
    window.history.replaceState(null, '', boot.path);
  }
  if (!boot?.exchangeCode) {
    sessionStore.end('no_boot');
    return;
  }

  try {
    const session = await api.post<SessionResponse>('/api/session', { code: boot.exchangeCode }, { auth: false });
    sessionStore.activate(session);
  } catch (err) {
    if (err instanceof ApiRequestError && err.sessionEnded) {
      return; // the api helper has already switched the app to the "session ended" state
    }
    sessionStore.fail(err instanceof ApiRequestError ? err.message : 'Fulfillment Bridge could not start. Reopen it and try again.');
  }
}

import { api } from '../../api/http';
import { createReadinessStore, READINESS_POLL_MS } from './readinessStore';

/** The one store the panels share (the setup page reads its state for the step's status). */
export const readinessStore = createReadinessStore({
  api,
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  pollMs: READINESS_POLL_MS,
});

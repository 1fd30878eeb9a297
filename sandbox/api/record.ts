// Records every /stores/... request (for test assertions) with the status it was answered with.
import type { RequestHandler } from 'express';
import type { SandboxState } from '../state.js';
import type { RecordedRequest } from '../types.js';

export function recordRequests(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const [path = '', query = ''] = req.originalUrl.split(/\?(.*)/s);
    const entry: RecordedRequest = {
      method: req.method,
      path,
      query,
      storeHash: String(req.params.hash),
      status: 0,
      at: state.now(),
    };
    const token = req.get('x-auth-token');
    if (token !== undefined) entry.authToken = token;
    state.record(entry);
    // The status is captured when the head is written, i.e. before any byte reaches the client, so
    // a test that awaits the response always sees it (res 'finish' can fire after the client has read).
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the response as `this`
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      entry.status = typeof args[0] === 'number' ? args[0] : res.statusCode;
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}

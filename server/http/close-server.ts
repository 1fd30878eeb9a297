import type { Server, ServerResponse } from 'node:http';

const IDLE_SWEEP_MS = 100;

/**
 * Stops the server within `drainMs`. `server.close()` alone only refuses new connections: a client
 * that keeps its keep-alive connections busy (a load balancer, a benchmark, BigCommerce retrying
 * webhooks) is served for ever and the close never completes. So every response sent from now on
 * asks the client to hang up (`Connection: close`), connections are closed as soon as they are
 * idle (a request already in flight leaves its connection idle, not closed, when it ends), and
 * whatever is still open when `drainMs` is over (a request that does not finish) is cut.
 */
export function closeHttpServer(server: Server, drainMs: number): Promise<void> {
  // Prepended so the header is set before the app answers.
  const hangUp = (_req: unknown, res: ServerResponse) => res.setHeader('Connection', 'close');
  server.prependListener('request', hangUp);
  return new Promise<void>((resolve, reject) => {
    const cut = setTimeout(() => server.closeAllConnections(), drainMs);
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close((err) => {
      clearTimeout(cut);
      clearInterval(sweep);
      server.off('request', hangUp);
      // A server that was not listening any more is closed all the same.
      if (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(err);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

// A load balancer in a few lines, for the multi-instance test and benchmarks (issue 10 point 4):
// each request goes to the next instance in turn; an instance that refuses the connection (killed,
// not started yet) is skipped for a moment and the request is tried on the next one, as a real
// balancer's health check would do. A request already in flight when its instance dies is answered
// 502, as a real balancer answers it: the sender (BigCommerce, the warehouse) retries it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests answered by each target (same order as `targets`), for "both instances served". */
  served(): number[];
  close(): Promise<void>;
}

/** How long a target that refused a connection is left out of the rotation. */
const DOWN_FOR_MS = 250;

// Hop-by-hop headers belong to one connection, not to the request being forwarded.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  return out;
}

/** Did the connection fail before the target could have read the request? Then another target may take it. */
function neverReached(err: NodeJS.ErrnoException, req: http.ClientRequest): boolean {
  if (err.code === 'ECONNREFUSED') return true;
  // A kept-alive socket the target closed (or lost when it died) before this request was written:
  // the documented case for retrying on a reused socket.
  return req.reusedSocket && err.code === 'ECONNRESET' && !req.writableFinished;
}

export async function startRoundRobinProxy(targets: string[], opts: { port?: number } = {}): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('the proxy needs at least one target');
  const upstreams = targets.map((t) => new URL(t));
  const downUntil = upstreams.map(() => 0);
  const served = upstreams.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const pick = (): number => {
    const now = Date.now();
    for (let k = 0; k < upstreams.length; k++) {
      const i = next++ % upstreams.length;
      if (downUntil[i]! <= now) return i;
    }
    return next++ % upstreams.length; // all down: try anyway, one may be back
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = (attempt: number) => {
        const i = pick();
        const target = upstreams[i]!;
        const headers = { ...withoutHopByHop(req.headers), host: target.host, 'content-length': String(body.length) };
        const out = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (up) => {
          served[i]!++;
          res.writeHead(up.statusCode ?? 502, withoutHopByHop(up.headers));
          up.pipe(res);
          up.on('error', () => res.destroy());
        });
        out.on('error', (err: NodeJS.ErrnoException) => {
          if (res.headersSent) return void res.destroy();
          if (neverReached(err, out)) {
            downUntil[i] = Date.now() + DOWN_FOR_MS;
            if (attempt < upstreams.length * 3) return forward(attempt + 1);
          }
          res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: no instance answered (${err.code ?? err.message})`);
        });
        out.end(body);
      };
      forward(0);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => [...served],
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

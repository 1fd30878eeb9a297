import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeHttpServer } from '../../server/http/close-server.js';

// Issue 7 point 15: a server stopped during load closed its listener but never finished closing,
// because busy keep-alive connections kept being served.
const agents: http.Agent[] = [];
afterEach(() => agents.splice(0).forEach((a) => a.destroy()));

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return { server, port: (server.address() as AddressInfo).port };
}

/** `clients` loops sending requests over keep-alive connections until told to stop. */
function load(port: number, clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  agents.push(agent);
  let stopped = false;
  let served = 0;
  const one = () =>
    new Promise<void>((res) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (r) => {
          r.resume();
          r.on('end', () => {
            served++;
            res();
          });
        })
        .on('error', () => setTimeout(res, 5));
    });
  for (let i = 0; i < clients; i++)
    void (async () => {
      while (!stopped) await one();
    })();
  return { stop: () => void (stopped = true), served: () => served };
}

describe('closeHttpServer', () => {
  it('finishes quickly while keep-alive clients keep the connections busy', async () => {
    const { server, port } = await listen((_req, res) => res.end('ok'));
    const traffic = load(port, 8);
    while (traffic.served() < 50) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await closeHttpServer(server, 10_000);
    traffic.stop();
    // Well before the drain time: the clients were asked to hang up, not cut.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.listening).toBe(false);
  });

  it('cuts a request that does not finish once the drain time is over', async () => {
    let arrived: () => void = () => undefined;
    const inFlight = new Promise<void>((res) => (arrived = res));
    const { server, port } = await listen(() => {
      arrived(); // and never answers
    });
    const agent = new http.Agent({ keepAlive: true });
    agents.push(agent);
    const request = new Promise<string>((res) => http.get({ host: '127.0.0.1', port, agent }, () => res('answered')).on('error', () => res('cut')));
    await inFlight;
    const started = Date.now();
    await closeHttpServer(server, 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await request).toBe('cut');
  });

  it('lets a request in flight finish, then completes without waiting for the drain time', async () => {
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const inFlight = new Promise<void>((res) => (arrived = res));
    const { server, port } = await listen((_req, res) => {
      release = () => res.end('done');
      arrived();
    });
    const agent = new http.Agent({ keepAlive: true });
    agents.push(agent);
    const reply = new Promise<string>((res) =>
      http.get({ host: '127.0.0.1', port, agent }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => res(body));
      }),
    );
    await inFlight;
    const started = Date.now();
    const closing = closeHttpServer(server, 5_000);
    await new Promise((r) => setImmediate(r)); // the close is under way while the request is open
    release();
    expect(await reply).toBe('done');
    await closing;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

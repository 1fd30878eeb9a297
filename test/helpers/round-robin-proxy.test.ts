// The load balancer of the multi-instance test (test/postgres/two-instances-kill.test.ts): it must
// alternate between instances and, when one is gone, send everything to the others without losing
// a request, or the kill test would prove nothing about the app.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A backend that answers its name and the body it read. */
async function backend(name: string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, body, path: req.url })));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function proxyTo(urls: string[]): Promise<RoundRobinProxy> {
  const proxy = await startRoundRobinProxy(urls);
  closers.push(() => proxy.close());
  return proxy;
}

const post = async (url: string, body: string) => {
  const res = await fetch(url, { method: 'POST', body });
  return { status: res.status, ...((await res.json()) as { name: string; body: string; path: string }) };
};

describe('round-robin proxy', () => {
  it('sends each request to the next instance, body and path included', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    const proxy = await proxyTo([a.url, b.url]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(`${proxy.url}/webhooks/x?i=${i}`, `body ${i}`));
    expect(answers.map((x) => x.name)).toEqual(['a', 'b', 'a', 'b']);
    expect(answers.map((x) => x.body)).toEqual(['body 0', 'body 1', 'body 2', 'body 3']);
    expect(answers[3]!.path).toBe('/webhooks/x?i=3');
    expect(proxy.served()).toEqual([2, 2]);
  });

  it('sends everything to the live instance once one refuses connections', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    const proxy = await proxyTo([a.url, b.url]);
    expect((await post(proxy.url, 'warm')).name).toBe('a');
    // `a` goes away (its kept-alive socket included), as a killed instance does.
    a.server.closeAllConnections();
    await new Promise((r) => a.server.close(r));
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => post(proxy.url, `after ${i}`)));
    expect(answers.every((x) => x.status === 200 && x.name === 'b')).toBe(true);
    expect(answers.map((x) => x.body).sort()).toEqual(['after 0', 'after 1', 'after 2', 'after 3', 'after 4', 'after 5']);
  });

  it('answers 502 when no instance is up', async () => {
    const a = await backend('a');
    a.server.close();
    const proxy = await proxyTo([a.url]);
    const res = await fetch(proxy.url);
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/no instance answered/);
  });
});

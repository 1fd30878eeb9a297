import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPortsFree, explainListenError, SandboxStartError, sandboxPorts } from '../../sandbox/ports.js';

// Issue 7 point 15: `npm run sandbox` crashed with a TypeError when its ports were taken.
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
async function occupy(): Promise<number> {
  const s = net.createServer();
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof SandboxStartError) return err.problems;
    throw err;
  }
  throw new Error('expected a SandboxStartError');
}

describe('sandbox ports', () => {
  it('reads PORT, SANDBOX_PORT, WAREHOUSE_PORT and SANDBOX_SMTP_PORT with their defaults', () => {
    expect(sandboxPorts({}).map((p) => [p.variable, p.port])).toEqual([
      ['PORT', 3000],
      ['SANDBOX_PORT', 3100],
      ['WAREHOUSE_PORT', 3200],
      ['SANDBOX_SMTP_PORT', 3025],
    ]);
    expect(sandboxPorts({ PORT: '4000', SANDBOX_PORT: '4100', WAREHOUSE_PORT: ' 4200 ', SANDBOX_SMTP_PORT: '4025' }).map((p) => p.port)).toEqual([4000, 4100, 4200, 4025]);
  });

  it('names the variable of a port that is not a port, or used twice', () => {
    expect(problemsOf(() => sandboxPorts({ SANDBOX_PORT: 'abc', WAREHOUSE_PORT: '0' }))).toEqual([
      'SANDBOX_PORT must be a port number between 1 and 65535 (got "abc").',
      'WAREHOUSE_PORT must be a port number between 1 and 65535 (got "0").',
    ]);
    expect(problemsOf(() => sandboxPorts({ PORT: '3200' }))).toEqual(['PORT and WAREHOUSE_PORT are both 3200: give each its own port.']);
  });

  it('reports a taken port by number and by the variable that changes it', async () => {
    const taken = await occupy();
    const ports = sandboxPorts({
      PORT: String(taken),
      SANDBOX_PORT: String(await freePort()),
      WAREHOUSE_PORT: String(await freePort()),
      SANDBOX_SMTP_PORT: String(await freePort()),
    });
    const err = await checkPortsFree(ports, '127.0.0.1').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SandboxStartError);
    expect((err as SandboxStartError).problems).toEqual([
      `Port ${taken} (the app) is already in use. Stop what is using it, or choose another port with PORT, e.g. PORT=${taken + 1} npm run sandbox`,
    ]);
  });

  it('passes when every port is free', async () => {
    const ports = sandboxPorts({
      PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
      WAREHOUSE_PORT: String(await freePort()),
      SANDBOX_SMTP_PORT: String(await freePort()),
    });
    await expect(checkPortsFree(ports, '127.0.0.1')).resolves.toBeUndefined();
  });

  it('explains a listen error that happens after the check in the same words', () => {
    const ports = sandboxPorts({});
    const err = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 3200 });
    expect(explainListenError(err, ports)?.message).toMatch(/^Port 3200 \(the sandbox warehouse\) is already in use\..*WAREHOUSE_PORT/);
    expect(explainListenError(new TypeError('other'), ports)).toBeUndefined();
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

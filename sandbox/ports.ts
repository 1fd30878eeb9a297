// The four ports `npm run sandbox` listens on, each set by its own variable. A port that is
// taken is reported by number and variable instead of crashing with a stack trace.
import net from 'node:net';

export interface SandboxPort {
  /** The environment variable that sets it. */
  variable: 'PORT' | 'SANDBOX_PORT' | 'WAREHOUSE_PORT' | 'SANDBOX_SMTP_PORT';
  what: string;
  port: number;
}

const DEFAULTS: ReadonlyArray<Omit<SandboxPort, 'port'> & { fallback: number }> = [
  { variable: 'PORT', what: 'the app', fallback: 3000 },
  { variable: 'SANDBOX_PORT', what: 'the sandbox BigCommerce', fallback: 3100 },
  { variable: 'WAREHOUSE_PORT', what: 'the sandbox warehouse', fallback: 3200 },
  { variable: 'SANDBOX_SMTP_PORT', what: 'the sandbox mail catcher (SMTP)', fallback: 3025 },
];

/** Problems the sandbox cannot start with; `message` is printed as is, without a stack. */
export class SandboxStartError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SandboxStartError';
  }
}

/** Reads PORT, SANDBOX_PORT, WAREHOUSE_PORT and SANDBOX_SMTP_PORT (defaults 3000, 3100, 3200, 3025). */
export function sandboxPorts(env: NodeJS.ProcessEnv): SandboxPort[] {
  const problems: string[] = [];
  const ports = DEFAULTS.map(({ variable, what, fallback }) => {
    const raw = env[variable]?.trim();
    const port = raw ? Number(raw) : fallback;
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${variable} must be a port number between 1 and 65535 (got "${raw}").`);
    return { variable, what, port };
  });
  const seen = new Map<number, string>();
  for (const p of ports) {
    const other = seen.get(p.port);
    if (other) problems.push(`${other} and ${p.variable} are both ${p.port}: give each its own port.`);
    seen.set(p.port, p.variable);
  }
  if (problems.length) throw new SandboxStartError(problems);
  return ports;
}

/** What to print when `p` is taken. */
export function portInUseMessage(p: SandboxPort): string {
  return `Port ${p.port} (${p.what}) is already in use. Stop what is using it, or choose another port with ${p.variable}, e.g. ${p.variable}=${p.port + 1} npm run sandbox`;
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Throws SandboxStartError naming every taken port and its variable. */
export async function checkPortsFree(ports: readonly SandboxPort[], host: string): Promise<void> {
  const taken: string[] = [];
  for (const p of ports) if (!(await isFree(p.port, host))) taken.push(portInUseMessage(p));
  if (taken.length) throw new SandboxStartError(taken);
}

/** A listen error from one of our servers, in the same words (a port taken after the check). */
export function explainListenError(err: unknown, ports: readonly SandboxPort[]): SandboxStartError | undefined {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== 'EADDRINUSE' && e?.code !== 'EACCES') return undefined;
  const p = ports.find((x) => x.port === e.port);
  if (!p) return new SandboxStartError([`A port is not available (${e.code}): set PORT, SANDBOX_PORT, WAREHOUSE_PORT and SANDBOX_SMTP_PORT to free ports.`]);
  return new SandboxStartError([e.code === 'EACCES' ? `Port ${p.port} (${p.what}) may not be used by this user: choose another with ${p.variable}.` : portInUseMessage(p)]);
}

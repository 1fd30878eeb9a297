import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { InstallFailedError } from '../errors.js';

const require = createRequire(import.meta.url);
// node-bigcommerce is CommonJS without types; only authorize() is used (see types below).
const BigCommerce = require('node-bigcommerce') as new (config: Record<string, unknown>) => {
  authorize(query: { code: string; scope: string; context: string }): Promise<unknown>;
};

const DEFAULT_LOGIN_HOST = 'login.bigcommerce.com';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  context: z.string().regex(/^stores\/[a-z0-9]+$/i),
  account_uuid: z.string().optional().default(''),
  user: z.object({ id: z.number().int(), email: z.string() }),
  owner: z.object({ id: z.number().int(), email: z.string() }).optional(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export interface OAuthExchanger {
  exchange(query: { code: string; scope: string; context: string }): Promise<TokenResponse>;
}

/*
 * node-bigcommerce's authorize() always posts to https://login.bigcommerce.com:443 through the
 * https module's global agent. To point it at BC_LOGIN_URL (the local sandbox, or a staging login
 * service) we install, once, a global agent that reroutes connections for that one host name to
 * the configured target. Which target applies is carried in AsyncLocalStorage, so several apps in
 * one process (tests) never cross wires; keep-alive is off so no pooled socket is reused.
 */
const loginTarget = new AsyncLocalStorage<URL>();

class LoginRedirectAgent extends https.Agent {
  override createConnection(options: Record<string, unknown>, cb?: (err: Error | null, s: net.Socket) => void) {
    const target = loginTarget.getStore();
    if (!target || options.host !== DEFAULT_LOGIN_HOST) {
      // @ts-expect-error: the base implementation accepts the same arguments.
      return super.createConnection(options, cb);
    }
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    return target.protocol === 'https:' ? tls.connect({ host: target.hostname, port, servername: target.hostname }) : net.connect({ host: target.hostname, port });
  }
}

let agentInstalled = false;
function installRedirectAgent() {
  if (agentInstalled) return;
  https.globalAgent = new LoginRedirectAgent({ keepAlive: false });
  agentInstalled = true;
}

// node-bigcommerce sets no timeout of its own; /auth must not hang the merchant's install screen.
const EXCHANGE_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('OAuth token exchange timed out')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function createOAuthExchanger(cfg: { clientId: string; clientSecret: string; appUrl: string; loginUrl: string }): OAuthExchanger {
  const target = new URL(cfg.loginUrl);
  const redirect = target.hostname !== DEFAULT_LOGIN_HOST || (target.port !== '' && target.port !== '443');
  if (redirect) installRedirectAgent();
  const client = new BigCommerce({
    clientId: cfg.clientId,
    secret: cfg.clientSecret,
    // Must equal the Auth Callback URL registered in the Developer Portal.
    callback: `${cfg.appUrl}/auth`,
    responseType: 'json',
    // Its 429 handler otherwise retries forever with no bound (and NaN waits without the header).
    failOnLimitReached: true,
  });

  return {
    async exchange(query) {
      let raw: unknown;
      try {
        const call = () => client.authorize(query);
        raw = await withTimeout(redirect ? loginTarget.run(target, call) : call(), EXCHANGE_TIMEOUT_MS);
      } catch (err) {
        const status = Number((err as { code?: unknown }).code);
        if (Number.isInteger(status) && status >= 400 && status < 500) {
          throw new InstallFailedError(
            'BigCommerce did not accept the installation code (it may have expired or already been used). Start the installation again from your control panel.',
          );
        }
        throw new InstallFailedError('BigCommerce could not be reached to finish the installation. Please try again in a minute.', 502);
      }
      const parsed = tokenResponseSchema.safeParse(raw);
      if (!parsed.success) throw new InstallFailedError('BigCommerce answered the installation in an unexpected format. Please try again.', 502);
      return parsed.data;
    },
  };
}

import { z } from 'zod';

/**
 * The app's configuration, read once from the environment at boot. The variable names are the
 * app's public interface (README, .env.example): keep them stable.
 */
export interface Config {
  clientId: string;
  clientSecret: string;
  appUrl: string;
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  encryptionKey: Buffer;
  /** Earlier encryption keys, still accepted for reading while values are re-encrypted (rotation). */
  previousEncryptionKeys: Buffer[];
  bcLoginUrl: string;
  bcApiUrl: string;
  /** Base URL of the fulfillment backend (docs/fulfillment-api.openapi.yaml). */
  fulfillmentApiUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long rows are kept before the retention job deletes them (server/flows/retention). */
  retention: RetentionConfig;
  /** Outgoing e-mail for notifications (server/notifications); null when SMTP_URL is unset: nothing is sent. */
  smtp: SmtpConfig | null;
  /** The app's id in the BigCommerce Developer Portal, so e-mails link to the app inside the control panel. */
  bcAppId: string | null;
  /** Where merchants get help (the in-app Help panel, issue 9 point 1): a page and/or an address. */
  support: SupportConfig;
}

export interface SupportConfig {
  /** A help or contact page (https), opened in a new tab; null when SUPPORT_URL is unset. */
  url: string | null;
  /** Always set: SUPPORT_EMAIL, else support@{APP_URL host}. */
  email: string;
}

export interface SmtpConfig {
  /** smtp:// or smtps:// URL, credentials included: never log it. */
  url: string;
  /** The From header, e.g. "Fulfillment Bridge <alerts@example.com>". */
  from: string;
}

/** Retention periods in days; 0 for `closedOrderDays` keeps closed orders forever. */
export interface RetentionConfig {
  webhookDays: number;
  activityDays: number;
  /** Grace period after uninstall before all of a store's data is deleted. */
  uninstalledDays: number;
  closedOrderDays: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// BigCommerce only calls https URLs; plain http is accepted for loopback so the sandbox works.
const baseUrl = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .refine((v) => URL.canParse(v), { message: `${name} must be an absolute URL` })
    .transform((v) => v.replace(/\/+$/, ''))
    .refine(
      (v) => {
        const u = new URL(v);
        return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname));
      },
      { message: `${name} must use https (http is allowed only for localhost)` },
    );

/**
 * BigCommerce refuses webhook destinations on any port but 443 (webhooks.v3.yml, createWebhooks),
 * so an https APP_URL with another port would boot and then never receive an order. Plain http on
 * loopback is the sandbox, which accepts any port.
 */
function webhookReachable(v: string): boolean {
  const u = new URL(v);
  if (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname)) return true;
  // URL drops the default port, so '' means 443 for https.
  return u.protocol !== 'https:' || u.port === '';
}

const days = (name: string, fallback: number, min = 1) =>
  z.coerce
    .number({ error: `${name} must be a number of days` })
    .int(`${name} must be a whole number of days`)
    .min(min, `${name} must be at least ${min}`)
    .max(3650, `${name} must be at most 3650 days`)
    .default(fallback);

// The value may carry a password: messages never repeat it.
const smtpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && ['smtp:', 'smtps:'].includes(new URL(v).protocol) && new URL(v).hostname !== '', {
    message: 'SMTP_URL must look like smtp://user:password@mail.example.com:587 (or smtps:// for port 465)',
  })
  .optional();

const SMTP_FROM = /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

const SUPPORT_EMAIL = /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/;

const isBase64Key = (v: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32;

const schema = z.object({
  CLIENT_ID: z.string({ error: 'CLIENT_ID is required' }).trim().min(1, 'CLIENT_ID is required'),
  CLIENT_SECRET: z.string({ error: 'CLIENT_SECRET is required' }).min(1, 'CLIENT_SECRET is required'),
  APP_URL: baseUrl('APP_URL').refine(webhookReachable, {
    message:
      'APP_URL must be served on port 443 (remove the port): BigCommerce delivers webhooks only to port 443, so no webhook could be created. Put a TLS proxy on 443 in front of PORT.',
  }),
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:./data/app.sqlite')
    .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/i.test(v), {
      message: 'DATABASE_URL must look like sqlite:<file path> or postgres://user:password@host:5432/database',
    }),
  SESSION_SECRET: z.string({ error: 'SESSION_SECRET is required' }).min(32, 'SESSION_SECRET must be at least 32 characters'),
  ENCRYPTION_KEY: z
    .string({ error: 'ENCRYPTION_KEY is required (32 random bytes, base64)' })
    .trim()
    .refine(isBase64Key, {
      message: 'ENCRYPTION_KEY must be 32 random bytes encoded as base64 (openssl rand -base64 32)',
    })
    .transform((v) => Buffer.from(v, 'base64')),
  ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    )
    .refine((keys) => keys.every(isBase64Key), {
      message: 'ENCRYPTION_KEY_PREVIOUS must be a comma-separated list of 32-byte base64 keys (the keys used before ENCRYPTION_KEY)',
    })
    .transform((keys) => keys.map((k) => Buffer.from(k, 'base64')))
    .default([]),
  BC_LOGIN_URL: baseUrl('BC_LOGIN_URL').default('https://login.bigcommerce.com'),
  BC_API_URL: baseUrl('BC_API_URL').default('https://api.bigcommerce.com'),
  FULFILLMENT_API_URL: baseUrl('FULFILLMENT_API_URL'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  RETENTION_WEBHOOK_DAYS: days('RETENTION_WEBHOOK_DAYS', 30),
  RETENTION_ACTIVITY_DAYS: days('RETENTION_ACTIVITY_DAYS', 30),
  RETENTION_UNINSTALLED_DAYS: days('RETENTION_UNINSTALLED_DAYS', 30),
  RETENTION_ORDER_DAYS: days('RETENTION_ORDER_DAYS', 365, 0),
  SMTP_URL: smtpUrl,
  SMTP_FROM: z.string().trim().regex(SMTP_FROM, 'SMTP_FROM must be an e-mail address, e.g. alerts@example.com or "Fulfillment Bridge <alerts@example.com>"').optional(),
  BC_APP_ID: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, 'BC_APP_ID must be the numeric app id from the BigCommerce Developer Portal')
    .optional(),
  // Shown to merchants inside the app: a public page, so https only (http for localhost).
  SUPPORT_URL: baseUrl('SUPPORT_URL').optional(),
  SUPPORT_EMAIL: z.string().trim().regex(SUPPORT_EMAIL, 'SUPPORT_EMAIL must be an e-mail address, e.g. support@example.com').optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings from .env files mean "unset", so defaults apply.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  return {
    clientId: e.CLIENT_ID,
    clientSecret: e.CLIENT_SECRET,
    appUrl: e.APP_URL,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    encryptionKey: e.ENCRYPTION_KEY,
    previousEncryptionKeys: e.ENCRYPTION_KEY_PREVIOUS,
    bcLoginUrl: e.BC_LOGIN_URL,
    bcApiUrl: e.BC_API_URL,
    fulfillmentApiUrl: e.FULFILLMENT_API_URL,
    logLevel: e.LOG_LEVEL,
    retention: {
      webhookDays: e.RETENTION_WEBHOOK_DAYS,
      activityDays: e.RETENTION_ACTIVITY_DAYS,
      uninstalledDays: e.RETENTION_UNINSTALLED_DAYS,
      closedOrderDays: e.RETENTION_ORDER_DAYS,
    },
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? `Fulfillment Bridge <fulfillment-bridge@${new URL(e.APP_URL).hostname}>` } : null,
    bcAppId: e.BC_APP_ID ?? null,
    support: { url: e.SUPPORT_URL ?? null, email: e.SUPPORT_EMAIL ?? `support@${new URL(e.APP_URL).hostname}` },
  };
}

import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from '../../server/config/env.js';

/** A valid environment with fresh secrets; override any variable. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CLIENT_ID: `client-${randomBytes(4).toString('hex')}`,
    CLIENT_SECRET: randomBytes(24).toString('hex'),
    APP_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: 'sqlite::memory:',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'debug',
    // Nothing listens on the discard port: a test that forgot the sandbox fails fast, offline.
    BC_LOGIN_URL: 'http://127.0.0.1:9',
    BC_API_URL: 'http://127.0.0.1:9',
    FULFILLMENT_API_URL: 'http://127.0.0.1:9',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(overrides));
}

/** The problems a ConfigError names for `env`; fails the test when the environment is accepted. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

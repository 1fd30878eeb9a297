import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.js';
import { configProblems, testEnv } from '../helpers/config.js';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const env = testEnv();
    delete env.DATABASE_URL;
    delete env.LOG_LEVEL;
    delete env.BC_LOGIN_URL;
    delete env.BC_API_URL;
    const c = loadConfig(env);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('sqlite:./data/app.sqlite');
    expect(c.bcLoginUrl).toBe('https://login.bigcommerce.com');
    expect(c.bcApiUrl).toBe('https://api.bigcommerce.com');
    expect(c.logLevel).toBe('info');
    expect(c.encryptionKey.length).toBe(32);
  });

  it('names every missing variable at once', () => {
    const problems = configProblems({});
    for (const name of ['CLIENT_ID', 'CLIENT_SECRET', 'APP_URL', 'SESSION_SECRET', 'ENCRYPTION_KEY', 'FULFILLMENT_API_URL']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('names each bad variable with a readable reason', () => {
    const problems = configProblems(
      testEnv({ APP_URL: 'http://example.com', PORT: 'eighty', ENCRYPTION_KEY: 'c2hvcnQ=', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', LOG_LEVEL: 'loud' }),
    );
    expect(problems.join('\n')).toMatch(/APP_URL must use https/);
    expect(problems.join('\n')).toMatch(/PORT must be a number/);
    expect(problems.join('\n')).toMatch(/ENCRYPTION_KEY must be 32 random bytes/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must look like sqlite:/);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET must be at least 32/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
  });

  it('accepts https anywhere and http only on loopback, and trims trailing slashes', () => {
    expect(loadConfig(testEnv({ APP_URL: 'https://app.example.com/' })).appUrl).toBe('https://app.example.com');
    expect(loadConfig(testEnv({ APP_URL: 'http://localhost:3000' })).appUrl).toBe('http://localhost:3000');
    expect(configProblems(testEnv({ BC_API_URL: 'http://api.example.com' }))[0]).toMatch(/BC_API_URL must use https/);
  });

  it('never echoes secret values in its messages', () => {
    const err = (() => {
      try {
        loadConfig(testEnv({ ENCRYPTION_KEY: 'not-a-valid-key-but-secret-ish', SESSION_SECRET: 'tiny-secret' }));
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected failure');
    })();
    expect(err.message).not.toContain('not-a-valid-key-but-secret-ish');
    expect(err.message).not.toContain('tiny-secret');
  });
});

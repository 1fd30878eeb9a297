import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.js';
import { configProblems, testEnv } from '../helpers/config.js';

// BigCommerce delivers webhooks to port 443 only (webhooks.v3.yml, createWebhooks).
describe('APP_URL port', () => {
  it('refuses an https APP_URL on a port other than 443, naming APP_URL', () => {
    for (const url of ['https://app.example.com:8443', 'https://app.example.com:3000/', 'https://localhost:8443']) {
      const problems = configProblems(testEnv({ APP_URL: url }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^APP_URL must be served on port 443/);
    }
  });

  it('accepts https on the default port, written or not', () => {
    expect(loadConfig(testEnv({ APP_URL: 'https://app.example.com' })).appUrl).toBe('https://app.example.com');
    expect(loadConfig(testEnv({ APP_URL: 'https://app.example.com:443/' })).appUrl).toBe('https://app.example.com:443');
  });

  it('keeps the loopback http sandbox case on any port', () => {
    expect(loadConfig(testEnv({ APP_URL: 'http://127.0.0.1:41234' })).appUrl).toBe('http://127.0.0.1:41234');
    expect(loadConfig(testEnv({ APP_URL: 'http://localhost:3000' })).appUrl).toBe('http://localhost:3000');
  });

  it('still reports an unparsable APP_URL as such (no crash in the port check)', () => {
    expect(configProblems(testEnv({ APP_URL: 'not a url' }))).toEqual(['APP_URL must be an absolute URL']);
  });
});

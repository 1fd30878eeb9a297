// Issue 8 point 8: SMTP_URL / SMTP_FROM / BC_APP_ID are optional; a bad SMTP_URL is named without
// repeating its value (it carries a password).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.js';
import { configProblems, testEnv } from '../helpers/config.js';

describe('SMTP configuration', () => {
  it('is off when SMTP_URL is unset or empty', () => {
    expect(loadConfig(testEnv()).smtp).toBeNull();
    expect(loadConfig(testEnv({ SMTP_URL: '' })).smtp).toBeNull();
    expect(loadConfig(testEnv()).bcAppId).toBeNull();
  });

  it('reads SMTP_URL with a From address defaulting to the app’s host', () => {
    const c = loadConfig(testEnv({ APP_URL: 'https://bridge.example.com', SMTP_URL: 'smtps://user:pw@mail.example.com:465', BC_APP_ID: '4242' }));
    expect(c.smtp).toEqual({ url: 'smtps://user:pw@mail.example.com:465', from: 'Fulfillment Bridge <fulfillment-bridge@bridge.example.com>' });
    expect(c.bcAppId).toBe('4242');
    expect(loadConfig(testEnv({ SMTP_URL: 'smtp://mail.example.com', SMTP_FROM: 'Shop Alerts <alerts@shop.test>' })).smtp?.from).toBe('Shop Alerts <alerts@shop.test>');
  });

  it('names a bad SMTP_URL, SMTP_FROM or BC_APP_ID without echoing the password', () => {
    const problems = configProblems(testEnv({ SMTP_URL: 'http://user:Secret-pw@mail.example.com', SMTP_FROM: 'not an address', BC_APP_ID: 'my-app' }));
    expect(problems).toEqual([
      'SMTP_URL must look like smtp://user:password@mail.example.com:587 (or smtps:// for port 465)',
      'SMTP_FROM must be an e-mail address, e.g. alerts@example.com or "Fulfillment Bridge <alerts@example.com>"',
      'BC_APP_ID must be the numeric app id from the BigCommerce Developer Portal',
    ]);
    expect(problems.join(' ')).not.toContain('Secret-pw');
  });
});

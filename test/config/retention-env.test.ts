import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.js';
import { configProblems, testEnv } from '../helpers/config.js';

describe('retention configuration', () => {
  it('defaults to 30 days of history and activity, a 30-day grace period and a year of closed orders', () => {
    expect(loadConfig(testEnv()).retention).toEqual({ webhookDays: 30, activityDays: 30, uninstalledDays: 30, closedOrderDays: 365 });
  });

  it('reads every variable; 0 keeps closed orders forever', () => {
    const c = loadConfig(testEnv({ RETENTION_WEBHOOK_DAYS: '7', RETENTION_ACTIVITY_DAYS: '90', RETENTION_UNINSTALLED_DAYS: '3', RETENTION_ORDER_DAYS: '0' }));
    expect(c.retention).toEqual({ webhookDays: 7, activityDays: 90, uninstalledDays: 3, closedOrderDays: 0 });
  });

  it('names each bad value', () => {
    const problems = configProblems(testEnv({ RETENTION_WEBHOOK_DAYS: '0', RETENTION_ACTIVITY_DAYS: 'soon', RETENTION_UNINSTALLED_DAYS: '2.5', RETENTION_ORDER_DAYS: '-1' }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'RETENTION_WEBHOOK_DAYS must be at least 1',
        'RETENTION_ACTIVITY_DAYS must be a number of days',
        'RETENTION_UNINSTALLED_DAYS must be a whole number of days',
        'RETENTION_ORDER_DAYS must be at least 0',
      ]),
    );
  });
});

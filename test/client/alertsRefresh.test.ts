import { describe, expect, it } from 'vitest';
import { ALERTS_REFRESH_EVENT, requestAlertsRefresh } from '../../client/src/layout/alertsRefresh.js';

describe('requestAlertsRefresh', () => {
  it('dispatches the event the banner listens to', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    target.addEventListener(ALERTS_REFRESH_EVENT, (e) => seen.push(e.type));
    requestAlertsRefresh(target);
    expect(seen).toEqual([ALERTS_REFRESH_EVENT]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../server/api/contract.js';
import { ACTIVITY_FILTER_SPECS, activityApiPath } from '../../client/src/pages/activity/query.js';
import {
  importWaitingMessage,
  ORDER_FILTER_SPECS,
  orderPath,
  ordersApiPath,
  ordersExportPath,
  ordersFilteredHref,
  ordersListHref,
  parseOrdersPath,
  rememberListSearch,
  sortTimeline,
} from '../../client/src/pages/orders/query.js';
import { WEBHOOK_FILTER_SPECS, webhookEventsApiPath } from '../../client/src/pages/webhooks/query.js';
import { formatListState, parseListState } from '../../client/src/lib/listQuery.js';

const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('orders list query', () => {
  it('maps the URL to the API call', () => {
    const state = parseListState('?state=needs_attention&search=%231042&page=2&limit=50', ORDER_FILTER_SPECS);
    expect(ordersApiPath(state)).toBe('/api/orders?page=2&limit=50&state=needs_attention&search=%231042');
    expect(ordersApiPath(parseListState('', ORDER_FILTER_SPECS))).toBe('/api/orders?page=1&limit=25');
  });

  it('accepts the "attention" group, free-text search (name, e-mail, SKU) and a date range', () => {
    const state = parseListState('?state=attention&search=%20jane%40example.com%20&from=2026-03-01&to=2026-03-02', ORDER_FILTER_SPECS);
    expect(state.filters).toEqual({ state: 'attention', search: 'jane@example.com', from: '2026-03-01', to: '2026-03-02' });
    const params = Object.fromEntries(new URL(ordersApiPath(state), 'http://x').searchParams);
    expect(params).toEqual({
      page: '1',
      limit: '25',
      state: 'attention',
      search: 'jane@example.com',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-02T22:59:59.999Z',
    });
  });

  it('drops unknown states and bad dates, keeps a SKU search', () => {
    const state = parseListState('?state=lost&search=LAMP-RED&from=2026-02-30', ORDER_FILTER_SPECS);
    expect(state.filters).toEqual({ state: '', search: 'LAMP-RED', from: '', to: '' });
  });

  it('writes a clean URL, so /orders?state=attention links work both ways', () => {
    const state = parseListState('?state=failed&search=7', ORDER_FILTER_SPECS);
    expect(formatListState(state, ORDER_FILTER_SPECS)).toBe('?state=failed&search=7');
    expect(ordersFilteredHref('attention')).toBe('/orders?state=attention');
    expect(parseListState('?state=attention', ORDER_FILTER_SPECS).filters.state).toBe('attention');
  });

  it('exports the filters on screen, without the page', () => {
    const state = parseListState('?state=retrying&search=lamp&page=4&limit=100&from=2026-03-01', ORDER_FILTER_SPECS);
    expect(ordersExportPath(state.filters)).toBe('/api/orders/export.csv?state=retrying&search=lamp&from=2026-02-28T23%3A00%3A00.000Z');
    expect(ordersExportPath(parseListState('', ORDER_FILTER_SPECS).filters)).toBe('/api/orders/export.csv');
  });
});

describe('orders paths', () => {
  it('tells the list, a detail and a bad link apart', () => {
    expect(parseOrdersPath('/orders')).toEqual({ view: 'list' });
    expect(parseOrdersPath('/orders/')).toEqual({ view: 'list' });
    expect(parseOrdersPath('/orders/1042')).toEqual({ view: 'detail', orderId: 1042 });
    expect(parseOrdersPath('/Orders/1042/')).toEqual({ view: 'detail', orderId: 1042 });
    expect(parseOrdersPath('/orders/abc')).toEqual({ view: 'not_found' });
    expect(parseOrdersPath('/orders/0')).toEqual({ view: 'not_found' });
    expect(parseOrdersPath('/orders/1/2')).toEqual({ view: 'not_found' });
    expect(orderPath(1042)).toBe('/orders/1042');
  });

  it('remembers the list filters for the back link', () => {
    rememberListSearch('?state=failed');
    expect(ordersListHref()).toBe('/orders?state=failed');
    rememberListSearch('');
    expect(ordersListHref()).toBe('/orders');
  });
});

describe('sortTimeline', () => {
  const entry = (id: number, at: string): TimelineEntry => ({ id, at, level: 'info', message: `m${id}`, detail: null, count: 1, lastAt: at });

  it('orders entries oldest first, by id when the time is equal', () => {
    const sorted = sortTimeline([entry(3, '2026-03-05T10:00:02Z'), entry(2, '2026-03-05T10:00:00Z'), entry(1, '2026-03-05T10:00:00Z'), entry(4, '2026-03-04T23:59:59Z')]);
    expect(sorted.map((e) => e.id)).toEqual([4, 1, 2, 3]);
  });

  it('does not change the input', () => {
    const input = [entry(2, '2026-03-05T10:00:00Z'), entry(1, '2026-03-04T10:00:00Z')];
    sortTimeline(input);
    expect(input.map((e) => e.id)).toEqual([2, 1]);
  });
});

describe('importWaitingMessage', () => {
  it('says how many orders were queued', () => {
    expect(importWaitingMessage(0)).toMatch(/^No orders were waiting/);
    expect(importWaitingMessage(1)).toMatch(/^1 order was queued/);
    expect(importWaitingMessage(12)).toMatch(/^12 orders were queued/);
  });
});

describe('webhook history query', () => {
  it('turns local days into ISO instants for from/to', () => {
    const state = parseListState('?topic=store%2Forder%2FstatusUpdated&status=failed&from=2026-03-01&to=2026-03-02&page=3', WEBHOOK_FILTER_SPECS);
    const params = new URL(webhookEventsApiPath(state), 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({
      page: '3',
      limit: '25',
      topic: 'store/order/statusUpdated',
      status: 'failed',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-02T22:59:59.999Z',
    });
  });

  it('ignores an unknown status and sends no dates when none are set', () => {
    const state = parseListState('?status=exploded', WEBHOOK_FILTER_SPECS);
    expect(webhookEventsApiPath(state)).toBe('/api/webhook-events?page=1&limit=25');
  });
});

describe('activity query', () => {
  it('maps level, order id and dates', () => {
    const state = parseListState('?level=error&orderId=%23 77&from=2026-07-01', ACTIVITY_FILTER_SPECS);
    expect(activityApiPath(state)).toBe('/api/activity?page=1&limit=25&level=error&orderId=77&from=2026-06-30T22%3A00%3A00.000Z');
    expect(parseListState('?level=debug', ACTIVITY_FILTER_SPECS).filters.level).toBe('');
  });
});

// Issue 8 point 7: the Webhook history's source and order filters live in the URL (so
// /webhooks?orderId=123 links work), the topic list follows the source, and the replay question.
import { describe, expect, it } from 'vitest';
import { formatListState, parseListState, withFilters } from '../../client/src/lib/listQuery.js';
import {
  orderWebhooksPath,
  replayQuestion,
  sourceChange,
  sourceLabel,
  sourceOfTopic,
  topicChoices,
  WEBHOOK_FILTER_SPECS,
  webhookEventsApiPath,
} from '../../client/src/pages/webhooks/query.js';

const apiParams = (search: string) => Object.fromEntries(new URL(webhookEventsApiPath(parseListState(search, WEBHOOK_FILTER_SPECS)), 'http://x').searchParams);

describe('webhook history filters in the URL', () => {
  it('reads source and order from the URL and sends them to the API', () => {
    expect(apiParams('?source=fulfillment&orderId=%23123&status=failed')).toEqual({ page: '1', limit: '25', source: 'fulfillment', orderId: '123', status: 'failed' });
  });

  it("a link to one order's events is a plain /webhooks?orderId= URL the page understands", () => {
    const link = orderWebhooksPath(123);
    expect(link).toBe('/webhooks?orderId=123');
    expect(apiParams(link.slice(link.indexOf('?')))).toEqual({ page: '1', limit: '25', orderId: '123' });
  });

  it('drops an unknown source and an order number that is not one', () => {
    expect(apiParams('?source=shopify&orderId=abc')).toEqual({ page: '1', limit: '25' });
    expect(apiParams('?orderId=-4')).toEqual({ page: '1', limit: '25' });
  });

  it('writes a chosen source back into the URL and leaves "all" out', () => {
    const state = parseListState('?orderId=9', WEBHOOK_FILTER_SPECS);
    expect(formatListState(withFilters(state, { source: 'bigcommerce' }), WEBHOOK_FILTER_SPECS)).toBe('?source=bigcommerce&orderId=9');
    expect(formatListState(withFilters(state, { source: '', orderId: '' }), WEBHOOK_FILTER_SPECS)).toBe('');
  });
});

describe('topics follow the source', () => {
  const topics = ['inventory.updated', 'shipment.created', 'store/order/created', 'store/order/statusUpdated'];

  it("knows each topic's source", () => {
    expect(topics.map(sourceOfTopic)).toEqual(['fulfillment', 'fulfillment', 'bigcommerce', 'bigcommerce']);
    expect([sourceLabel('bigcommerce'), sourceLabel('fulfillment')]).toEqual(['BigCommerce', 'Warehouse']);
  });

  it("offers the chosen source's topics, and keeps a chosen topic selectable", () => {
    expect(topicChoices(topics, '', '')).toEqual(topics);
    expect(topicChoices(topics, 'fulfillment', '')).toEqual(['inventory.updated', 'shipment.created']);
    expect(topicChoices(topics, 'bigcommerce', 'store/order/updated')).toEqual(['store/order/updated', 'store/order/created', 'store/order/statusUpdated']);
  });

  it('choosing a source drops a topic of the other source, and keeps one of its own', () => {
    expect(sourceChange({ topic: 'store/order/created' }, 'fulfillment')).toEqual({ source: 'fulfillment', topic: '' });
    expect(sourceChange({ topic: 'shipment.created' }, 'fulfillment')).toEqual({ source: 'fulfillment' });
    expect(sourceChange({ topic: 'shipment.created' }, '')).toEqual({ source: '' });
  });
});

describe('replayQuestion', () => {
  it('names the event and its order, and says why it is safe for its kind', () => {
    expect(replayQuestion({ id: 12, source: 'bigcommerce', topic: 'store/order/created', orderId: 100 })).toBe(
      'Event #12 for order #100 is processed again, as if it had just arrived. An order already sent to your warehouse is not sent again. The replay is recorded in Activity.',
    );
    expect(replayQuestion({ id: 13, source: 'fulfillment', topic: 'shipment.created', orderId: 100 })).toContain('A shipment already written to BigCommerce is not written again.');
    expect(replayQuestion({ id: 14, source: 'fulfillment', topic: 'inventory.updated', orderId: null })).toMatch(/^Event #14 is processed again.*stock levels/);
  });
});

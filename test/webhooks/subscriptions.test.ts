import { describe, expect, it } from 'vitest';
import { planReconcile } from '../../server/webhooks/subscriptions.js';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';

const dest = 'https://app.example.com/webhooks/bigcommerce';
const wanted = { scopes: ['store/order/created', 'store/order/statusUpdated'], destination: dest, secret: 's3cret' };
const hook = (id: number, scope: string, o: Partial<{ destination: string; is_active: boolean; secret: string }> = {}) => ({
  id,
  scope,
  destination: o.destination ?? dest,
  is_active: o.is_active ?? true,
  headers: { [SECRET_HEADER]: o.secret ?? 's3cret' },
});

describe('webhook subscription reconciliation plan', () => {
  it('creates what is missing', () => {
    expect(planReconcile([], wanted)).toEqual({ create: ['store/order/created', 'store/order/statusUpdated'], reactivate: [], remove: [] });
  });
  it('leaves healthy hooks alone', () => {
    expect(planReconcile([hook(1, 'store/order/created'), hook(2, 'store/order/statusUpdated')], wanted)).toEqual({ create: [], reactivate: [], remove: [] });
  });
  it('reactivates deactivated hooks and repairs a wrong secret', () => {
    const plan = planReconcile([hook(1, 'store/order/created', { is_active: false }), hook(2, 'store/order/statusUpdated', { secret: 'old' })], wanted);
    expect(plan).toEqual({ create: [], reactivate: [1, 2], remove: [] });
  });
  it('removes stale hooks: other destinations, unwanted scopes, duplicates', () => {
    const plan = planReconcile(
      [
        hook(1, 'store/order/created'),
        hook(2, 'store/order/created'),
        hook(3, 'store/order/statusUpdated', { destination: 'https://old.example.com/webhooks/bigcommerce' }),
        hook(4, 'store/product/updated'),
      ],
      wanted,
    );
    expect(plan).toEqual({ create: ['store/order/statusUpdated'], reactivate: [], remove: [2, 3, 4] });
  });
});

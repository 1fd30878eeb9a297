// A realistic FulfillmentOrderInput (two consignments) and helpers shared by the fulfillment and
// warehouse suites.
import type { FulfillmentOrderInput } from '../../server/fulfillment/index.js';

export const DEMO_ACCOUNT = { accountId: 'wh-demo', apiKey: 'whk_sandbox_demo_key' } as const;

export function sampleOrder(orderId = 101, storeHash = 'abc123'): FulfillmentOrderInput {
  return {
    external_ref: { source: 'bigcommerce', store_hash: storeHash, order_id: orderId },
    customer: { name: 'Jane Doe', email: 'jane@example.com', phone: '+1 512 555 0100' },
    currency_code: 'USD',
    shipments: [
      {
        consignment_id: 11,
        ship_to: {
          first_name: 'Jane',
          last_name: 'Doe',
          company: null,
          street_1: '1 Congress Ave',
          street_2: 'Suite 200',
          city: 'Austin',
          state: 'Texas',
          zip: '78701',
          country_iso2: 'US',
          phone: null,
          email: 'jane@example.com',
        },
        shipping_method: 'UPS_GROUND',
        lines: [
          { sku: 'TSHIRT-RED-M', quantity: 2, name: 'T-shirt (Red, M)', order_line_id: 501, unit_price: '19.9900' },
          { sku: 'MUG-01', quantity: 1, name: 'Mug', order_line_id: 502, unit_price: '8.50' },
        ],
      },
      {
        consignment_id: 12,
        ship_to: {
          first_name: 'John',
          last_name: 'Roe',
          company: 'Roe & Co',
          street_1: '10 Downing St',
          street_2: null,
          city: 'London',
          state: null,
          zip: 'SW1A 2AA',
          country_iso2: 'GB',
          phone: null,
          email: null,
        },
        shipping_method: 'DHL_EXPRESS',
        lines: [{ sku: 'GIFTCARD-PRINTED', quantity: 1, name: 'Printed gift card', order_line_id: 503, unit_price: '25.00' }],
      },
    ],
    customer_message: 'Please leave at the back door.',
    ordered_at: '2024-05-01T10:00:00Z',
  };
}

/** Asserts `fn` rejects and returns the error, so tests can inspect it. */
export async function caught(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

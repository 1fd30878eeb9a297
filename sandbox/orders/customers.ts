// The sandbox store's registered customers and their customer groups, the same in every store
// (read-only: no API creates or edits them). They let an order carry a customer in a group, so the
// app's order rules on customer group can be tried: orders pick one with `customer.id` (0 or none
// is a guest, as at a guest checkout), and GET /v3/customers answers them (api/customers.ts).
import type { OrderAddress } from './types.js';

export interface CustomerGroup {
  id: number;
  name: string;
}

export interface SandboxCustomer {
  id: number;
  customerGroupId: number;
  /** Their saved address: an order for them ships there unless the request names another. */
  address: OrderAddress;
  /** ISO-8601, fixed so answers are stable. */
  createdAt: string;
}

export const CUSTOMER_GROUPS: readonly CustomerGroup[] = [
  { id: 1, name: 'Retail' },
  { id: 2, name: 'Wholesale' },
];

const address = (a: Partial<OrderAddress> & Pick<OrderAddress, 'firstName' | 'lastName' | 'email' | 'countryIso2' | 'country'>): OrderAddress => ({
  company: '',
  street1: '',
  street2: '',
  city: '',
  state: '',
  zip: '',
  phone: '',
  ...a,
});

export const SANDBOX_CUSTOMERS: readonly SandboxCustomer[] = [
  {
    id: 1,
    customerGroupId: 1,
    createdAt: '2025-01-06T09:00:00Z',
    address: address({
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'janedoe@example.com',
      phone: '555-123-4567',
      street1: '455 Main Street',
      city: 'Austin',
      state: 'Texas',
      zip: '78751',
      country: 'United States',
      countryIso2: 'US',
    }),
  },
  {
    id: 2,
    customerGroupId: 1,
    createdAt: '2025-02-11T14:30:00Z',
    address: address({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      street1: '12 St James Square',
      city: 'London',
      zip: 'SW1Y 4JH',
      country: 'United Kingdom',
      countryIso2: 'GB',
    }),
  },
  {
    id: 3,
    customerGroupId: 2,
    createdAt: '2025-03-03T08:15:00Z',
    address: address({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@wholesale.example',
      company: 'Hopper Supply Co.',
      street1: '1 Navy Yard',
      city: 'Arlington',
      state: 'Virginia',
      zip: '22202',
      country: 'United States',
      countryIso2: 'US',
    }),
  },
  {
    id: 4,
    customerGroupId: 2,
    createdAt: '2025-04-20T16:45:00Z',
    address: address({
      firstName: 'Marie',
      lastName: 'Tremblay',
      email: 'marie@tremblay.example',
      company: 'Tremblay Import',
      street1: '800 Rue Sainte-Catherine O',
      city: 'Montréal',
      state: 'Quebec',
      zip: 'H3B 1B9',
      country: 'Canada',
      countryIso2: 'CA',
    }),
  },
];

export const customerById = (id: number): SandboxCustomer | undefined => SANDBOX_CUSTOMERS.find((c) => c.id === id);
export const groupName = (id: number): string => CUSTOMER_GROUPS.find((g) => g.id === id)?.name ?? `Group ${id}`;

/** Payment methods a sandbox checkout offers (BigCommerce's `payment_method` text; any other may be typed). */
export const SANDBOX_PAYMENT_METHODS: readonly string[] = ['Credit Card', 'PayPal', 'Bank Deposit', 'Cash on Delivery'];

// Customers v3 (reference/customers.v3.yml), read-only:
//   GET /customers   store_v2_customers_read_only | store_v2_customers
// Answers the seeded customers (orders/customers.ts) as customer_Full with `customer_group_id`,
// filtered by id:in, email:in and customer_group_id:in, paged (`limit` default 50, at most 250).
// A filter that is not a list of whole numbers answers 422, as the spec documents for a bad filter.
import type { Request, Router } from 'express';
import { SANDBOX_CUSTOMERS, type SandboxCustomer } from '../orders/customers.js';
import type { SandboxState } from '../state.js';
import { readScope, requireScope } from './auth.js';
import { sendApiError } from './errors.js';
import { inFilter, pageOf } from './v3-paging.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

/** customer_Full without the sub-resources the sandbox does not keep (attributes, form fields). */
export function renderCustomer(c: SandboxCustomer): Record<string, unknown> {
  const a = c.address;
  return {
    id: c.id,
    email: a.email,
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company,
    phone: a.phone,
    registration_ip_address: '',
    notes: '',
    tax_exempt_category: '',
    customer_group_id: c.customerGroupId,
    date_created: c.createdAt,
    date_modified: c.createdAt,
    address_count: 1,
    attribute_count: 0,
    authentication: { force_password_reset: false },
    accepts_product_review_abandoned_cart_emails: false,
    origin_channel_id: 1,
    channel_ids: null,
  };
}

export function registerCustomers(v3: Router, _state: SandboxState): void {
  v3.get('/customers', requireScope(readScope('store_v2_customers')), (req: Request, res) => {
    const q = req.query as Record<string, unknown>;
    const ids = inFilter(q, 'id:in', true);
    const groups = inFilter(q, 'customer_group_id:in', true);
    if (ids === null || groups === null) {
      return sendApiError(req, res, 422, 'The filter is not valid: id:in and customer_group_id:in take comma-separated whole numbers');
    }
    const emails = inFilter(q, 'email:in')?.map((e) => e.toLowerCase());
    const all = SANDBOX_CUSTOMERS.filter(
      (c) =>
        (ids === undefined || ids.includes(c.id)) &&
        (groups === undefined || groups.includes(c.customerGroupId)) &&
        (emails === undefined || emails.includes(c.address.email.toLowerCase())),
    );
    res.json(pageOf(all.map(renderCustomer), q, { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT }));
  });
}

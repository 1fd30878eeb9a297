import { describe, expect, it } from 'vitest';
import {
  apiPath,
  clearFilters,
  DEFAULT_PAGE_SIZE,
  enumField,
  formatListState,
  hasActiveFilters,
  idField,
  isCalendarDate,
  lastPage,
  normalizeId,
  paramName,
  parseListState,
  sanitizeOrderIdInput,
  textField,
  dateField,
  withFilters,
  withLimit,
  withPage,
  type FieldSpecs,
} from '../../client/src/lib/listQuery.js';

interface Filters {
  state: 'open' | 'closed' | '';
  search: string;
  orderId: string;
  from: string;
}

const specs: FieldSpecs<Filters> = {
  state: enumField(['open', 'closed'] as const),
  search: textField(10),
  orderId: idField(),
  from: dateField(),
};

describe('parseListState', () => {
  it('uses defaults for an empty query string', () => {
    expect(parseListState('', specs)).toEqual({
      page: 1,
      limit: DEFAULT_PAGE_SIZE,
      filters: { state: '', search: '', orderId: '', from: '' },
    });
  });

  it('reads valid values', () => {
    const state = parseListState('?state=closed&search=%20abc%20&orderId=%231042&from=2026-02-28&page=3&limit=50', specs);
    expect(state).toEqual({ page: 3, limit: 50, filters: { state: 'closed', search: 'abc', orderId: '1042', from: '2026-02-28' } });
  });

  it('ignores invalid values instead of failing', () => {
    const state = parseListState('?state=bogus&orderId=12a&from=2026-02-30&page=-2&limit=33', specs);
    expect(state).toEqual({ page: 1, limit: DEFAULT_PAGE_SIZE, filters: { state: '', search: '', orderId: '', from: '' } });
    expect(parseListState('?page=abc&limit=1000', specs)).toMatchObject({ page: 1, limit: DEFAULT_PAGE_SIZE });
    expect(parseListState('?page=2.5', specs).page).toBe(1);
  });

  it('caps free text', () => {
    expect(parseListState('?search=abcdefghijklmnop', specs).filters.search).toBe('abcdefghij');
  });

  it('reads prefixed parameters only', () => {
    const state = parseListState('?page=4&skuPage=2&skuSearch=TEE&search=other', { search: textField() }, { prefix: 'sku' });
    expect(state).toEqual({ page: 2, limit: DEFAULT_PAGE_SIZE, filters: { search: 'TEE' } });
  });
});

describe('formatListState', () => {
  it('leaves defaults out', () => {
    expect(formatListState(parseListState('', specs), specs)).toBe('');
  });

  it('round-trips through parseListState', () => {
    const search = '?state=open&search=a+b&orderId=7&from=2026-01-31&page=2&limit=100';
    const state = parseListState(search, specs);
    const formatted = formatListState(state, specs);
    expect(parseListState(formatted, specs)).toEqual(state);
    expect(new URLSearchParams(formatted).get('search')).toBe('a b');
  });

  it('keeps parameters that belong to another list and replaces its own', () => {
    const sku = { search: textField() };
    const state = { page: 3, limit: 25, filters: { search: 'MUG' } };
    const result = formatListState(state, sku, { prefix: 'sku' }, '?tab=x&skuPage=9&skuLimit=50&skuSearch=OLD');
    const params = new URLSearchParams(result);
    expect(params.get('tab')).toBe('x');
    expect(params.get('skuPage')).toBe('3');
    expect(params.get('skuSearch')).toBe('MUG');
    expect(params.has('skuLimit')).toBe(false);
  });
});

describe('state changes', () => {
  const base = parseListState('?state=open&page=4&limit=50', specs);

  it('goes back to page 1 when filters or the page size change', () => {
    expect(withFilters(base, { search: 'x' })).toMatchObject({ page: 1, limit: 50, filters: { state: 'open', search: 'x' } });
    expect(withLimit(base, 100)).toMatchObject({ page: 1, limit: 100 });
    expect(withLimit(base, 7).limit).toBe(DEFAULT_PAGE_SIZE);
  });

  it('changes the page only with withPage', () => {
    expect(withPage(base, 5)).toMatchObject({ page: 5, limit: 50, filters: base.filters });
    expect(withPage(base, 0).page).toBe(1);
  });

  it('knows when filters are active and clears them', () => {
    expect(hasActiveFilters(base, specs)).toBe(true);
    const cleared = clearFilters(base, specs);
    expect(hasActiveFilters(cleared, specs)).toBe(false);
    expect(cleared).toMatchObject({ page: 1, limit: 50 });
  });
});

describe('helpers', () => {
  it('normalizes order ids', () => {
    expect(normalizeId('#1042')).toBe('1042');
    expect(normalizeId(' 0042 ')).toBe('42');
    expect(normalizeId('0')).toBeUndefined();
    expect(normalizeId('10-42')).toBeUndefined();
    expect(normalizeId('')).toBeUndefined();
  });

  it('sanitizes what can be typed into an order id box', () => {
    expect(sanitizeOrderIdInput('#10a4#2 ')).toBe('#1042');
    expect(sanitizeOrderIdInput('x#1')).toBe('#1');
    expect(sanitizeOrderIdInput('12#')).toBe('12');
  });

  it('validates calendar dates, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('computes the last page', () => {
    expect(lastPage(0, 25)).toBe(1);
    expect(lastPage(25, 25)).toBe(1);
    expect(lastPage(26, 25)).toBe(2);
  });

  it('builds API paths without empty values', () => {
    expect(apiPath('/api/orders', { page: 2, limit: 25, state: '', search: null, from: undefined })).toBe('/api/orders?page=2&limit=25');
    expect(apiPath('/api/x', {})).toBe('/api/x');
    expect(apiPath('/api/x', { topic: 'store/order/created' })).toBe('/api/x?topic=store%2Forder%2Fcreated');
  });

  it('supports list-specific page sizes, the first being the default', () => {
    const options = { pageSizes: [10, 25] };
    expect(parseListState('', { search: textField() }, options).limit).toBe(10);
    expect(parseListState('?limit=25', { search: textField() }, options).limit).toBe(25);
    expect(parseListState('?limit=50', { search: textField() }, options).limit).toBe(10);
    const state = parseListState('?limit=25', { search: textField() }, options);
    expect(formatListState(state, { search: textField() }, options)).toBe('?limit=25');
    expect(formatListState(withLimit(state, 10, options), { search: textField() }, options)).toBe('');
    expect(withLimit(state, 100, options).limit).toBe(10);
  });

  it('prefixes parameter names', () => {
    expect(paramName('page')).toBe('page');
    expect(paramName('page', { prefix: 'sku' })).toBe('skuPage');
  });
});

// List state (filters + pagination) <-> URL query string, for the server-paginated tables.
// Pure (no DOM, no React) so it can be unit-tested in node.

export const PAGE_SIZE_OPTIONS: readonly number[] = [25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;
/** Pages past this are treated as typos in a hand-edited URL. */
const MAX_PAGE = 1_000_000;

/** How one filter is read from and written to the query string. */
export interface FieldSpec<V> {
  /** Value when the parameter is missing or invalid (never written to the URL). */
  empty: V;
  /** Returns undefined when the raw value is not acceptable. */
  parse(raw: string): V | undefined;
  format(value: V): string;
}

export type FieldSpecs<F> = { readonly [K in keyof F]: FieldSpec<F[K]> };

export interface ListState<F> {
  page: number;
  limit: number;
  filters: F;
}

export interface ListQueryOptions {
  /** Prefixes every parameter ("sku" → skuPage, skuLimit, skuSearch) so two lists can share a URL. */
  prefix?: string;
  /** Page sizes offered; the first is the default. PAGE_SIZE_OPTIONS when not given. */
  pageSizes?: readonly number[];
}

export function pageSizesOf(options: ListQueryOptions = {}): readonly number[] {
  return options.pageSizes && options.pageSizes.length > 0 ? options.pageSizes : PAGE_SIZE_OPTIONS;
}

export function defaultLimitOf(options: ListQueryOptions = {}): number {
  return pageSizesOf(options)[0] ?? DEFAULT_PAGE_SIZE;
}

/** Free text, trimmed and capped. */
export function textField(maxLength = 200): FieldSpec<string> {
  return {
    empty: '',
    parse: (raw) => raw.trim().slice(0, maxLength),
    format: (value) => value.trim(),
  };
}

/** One of a fixed set of values; '' means "all". */
export function enumField<T extends string>(values: readonly T[]): FieldSpec<T | ''> {
  return {
    empty: '',
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    format: (value) => value,
  };
}

/** A positive whole number kept as a string (order ids). Accepts "#1042" and " 1042 ". */
export function idField(): FieldSpec<string> {
  return { empty: '', parse: normalizeId, format: (value) => value };
}

/** Reduces "#1042" / " 1042 " to "1042"; undefined when it is not a positive whole number. */
export function normalizeId(raw: string): string | undefined {
  const cleaned = raw.trim().replace(/^#/, '').trim();
  if (!/^\d{1,15}$/.test(cleaned)) return undefined;
  const normalized = cleaned.replace(/^0+/, '');
  return normalized === '' ? undefined : normalized;
}

/** What an order id box lets through while typing: digits and one leading "#". */
export function sanitizeOrderIdInput(value: string): string {
  return value.replace(/[^\d#]/g, '').replace(/(?!^)#/g, '');
}

/** A calendar date "YYYY-MM-DD" (a day in the user's own time zone). */
export function dateField(): FieldSpec<string> {
  return { empty: '', parse: (raw) => (isCalendarDate(raw) ? raw : undefined), format: (value) => value };
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no DST surprises).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function paramName(key: string, options: ListQueryOptions = {}): string {
  return options.prefix ? `${options.prefix}${key.charAt(0).toUpperCase()}${key.slice(1)}` : key;
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= MAX_PAGE ? value : undefined;
}

export function parseListState<F>(search: string, specs: FieldSpecs<F>, options: ListQueryOptions = {}): ListState<F> {
  const params = new URLSearchParams(search);
  const filters = {} as F;
  for (const key of Object.keys(specs) as Array<keyof F & string>) {
    const spec = specs[key];
    const raw = params.get(paramName(key, options));
    const parsed = raw === null ? undefined : spec.parse(raw);
    filters[key] = parsed === undefined ? spec.empty : parsed;
  }
  const limit = positiveInt(params.get(paramName('limit', options)));
  return {
    page: positiveInt(params.get(paramName('page', options))) ?? 1,
    limit: limit !== undefined && pageSizesOf(options).includes(limit) ? limit : defaultLimitOf(options),
    filters,
  };
}

/**
 * Writes the list state into a query string ("?state=failed&page=2" or ""), leaving defaults out.
 * Parameters that belong to something else in `baseSearch` are kept.
 */
export function formatListState<F>(state: ListState<F>, specs: FieldSpecs<F>, options: ListQueryOptions = {}, baseSearch = ''): string {
  const params = new URLSearchParams(baseSearch);
  for (const key of [...Object.keys(specs), 'page', 'limit']) {
    params.delete(paramName(key, options));
  }
  for (const key of Object.keys(specs) as Array<keyof F & string>) {
    const value = specs[key].format(state.filters[key]);
    if (value !== '') params.set(paramName(key, options), value);
  }
  if (state.page > 1) params.set(paramName('page', options), String(state.page));
  if (state.limit !== defaultLimitOf(options)) params.set(paramName('limit', options), String(state.limit));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** New filters always start again on page 1. */
export function withFilters<F>(state: ListState<F>, changes: Partial<F>): ListState<F> {
  return { ...state, page: 1, filters: { ...state.filters, ...changes } };
}

export function withPage<F>(state: ListState<F>, page: number): ListState<F> {
  return { ...state, page: Math.max(1, Math.floor(page)) };
}

export function withLimit<F>(state: ListState<F>, limit: number, options: ListQueryOptions = {}): ListState<F> {
  return { ...state, page: 1, limit: pageSizesOf(options).includes(limit) ? limit : defaultLimitOf(options) };
}

/** True when at least one filter differs from its empty value. */
export function hasActiveFilters<F>(state: ListState<F>, specs: FieldSpecs<F>): boolean {
  return (Object.keys(specs) as Array<keyof F>).some((key) => state.filters[key] !== specs[key].empty);
}

export function clearFilters<F>(state: ListState<F>, specs: FieldSpecs<F>): ListState<F> {
  const filters = {} as F;
  for (const key of Object.keys(specs) as Array<keyof F>) filters[key] = specs[key].empty;
  return { ...state, page: 1, filters };
}

export function lastPage(total: number, limit: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, limit)));
}

/** Builds "/api/x?page=1&limit=25&a=b", leaving out empty values. */
export function apiPath(base: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

// URL building for the REST transport. Kept separate because BigCommerce's filter syntax
// (`sku:in=a,b`, `min_date_modified=2024-01-01T00:00:00+00:00`) is easy to mangle.

export type ApiVersion = 'v2' | 'v3';

export type QueryScalar = string | number | boolean | Date;
/** `undefined`/`null` entries are dropped, so callers can pass optional filters straight through. */
export type QueryParams = Readonly<Record<string, QueryScalar | ReadonlyArray<QueryScalar> | null | undefined>>;

function scalar(value: QueryScalar): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * `:` stays literal in keys because that is how BigCommerce documents its operators (`id:in`);
 * it is legal in a query (RFC 3986 pchar). Values are fully encoded, so `+` in a timezone offset
 * becomes %2B instead of decoding to a space. Arrays become the comma lists that `:in` expects.
 */
export function encodeQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined || raw === null) continue;
    const values: ReadonlyArray<QueryScalar> = Array.isArray(raw) ? raw : [raw as QueryScalar];
    const encodedKey = encodeURIComponent(key).replace(/%3A/gi, ':');
    parts.push(`${encodedKey}=${values.map((v) => encodeURIComponent(scalar(v))).join(',')}`);
  }
  return parts.join('&');
}

/** `https://api.bigcommerce.com/` → `https://api.bigcommerce.com`. */
export function normalizeApiUrl(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '');
}

/**
 * Ensures a single leading slash. A `?` in the path is rejected rather than passed through: it
 * would bypass encoding and leak the query into error messages and logs.
 */
export function normalizePath(path: string): string {
  if (/[?#]/.test(path)) throw new TypeError('BigCommerce path must not contain "?" or "#"; use `query`');
  return `/${path.replace(/^\/+/, '')}`;
}

export function buildUrl(apiUrl: string, storeHash: string, version: ApiVersion, path: string, query?: QueryParams): string {
  const qs = encodeQuery(query);
  const base = `${normalizeApiUrl(apiUrl)}/stores/${encodeURIComponent(storeHash)}/${version}`;
  return `${base}${normalizePath(path)}${qs ? `?${qs}` : ''}`;
}

/** What errors and logs may show: version + path, never host, store hash or query. */
export function displayPath(version: ApiVersion, path: string): string {
  return `/${version}${normalizePath(path)}`;
}

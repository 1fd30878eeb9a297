// The shipping services the sandbox warehouse offers, by the codes an app sends as
// shipping_method, and which of the BigCommerce sandbox's shipping methods each one suits. Shown on
// the warehouse page, on the BigCommerce sandbox page (as the mapping to make in the app) and in
// docs/sandbox.md. The warehouse lists them but accepts any code, as the app's tests send their own.

export interface WarehouseService {
  code: string;
  description: string;
  /** The BigCommerce sandbox shipping method this service is the natural mapping for. */
  forMethod: string;
}

export const SANDBOX_WAREHOUSE_SERVICES: readonly WarehouseService[] = [
  { code: 'GROUND', description: 'Ground, 3–5 business days', forMethod: 'Flat Rate' },
  { code: 'ECONOMY', description: 'Economy, 5–8 business days', forMethod: 'Free Shipping' },
  { code: 'EXPRESS', description: 'Express, next business day', forMethod: 'Express' },
];

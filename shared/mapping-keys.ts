// One spelling of the keys mappings are found by: a BigCommerce SKU and a shipping method name.
// The same function is used where a mapping is saved (Settings, CSV import), where it is looked up
// (order import) and where the order is built, so a key with stray whitespace can never be saved
// under one spelling and looked up under another (a mapped method staying "unmapped", a mapped SKU
// silently sent unmapped).

/** Surrounding whitespace is no part of a SKU or method name; a missing one is the empty name. */
export function normaliseMappingKey(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/** How the empty shipping method (a consignment BigCommerce gives no method name) is shown. */
export const NO_METHOD_LABEL = '(no method)';

export const methodLabel = (method: string): string => (method === '' ? NO_METHOD_LABEL : method);

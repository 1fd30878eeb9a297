// Checks (b) and (d) on one page of the catalog: products and variants without a SKU, and products
// whose stock is not tracked. Digital products never ship, so they are left out. Also lists the
// SKUs the page sells, for check (c).
import type { ReadinessFinding } from '../../domain/readiness.js';
import type { CatalogProduct, CatalogVariant } from '../../bigcommerce/catalog-read.js';

/**
 * The product in the store's control panel (https://store-{hash}.mybigcommerce.com, the
 * `control_panel_base_url` of GET /v2/store), on its edit page.
 */
export function controlPanelProductUrl(storeHash: string, productId: number): string {
  return `https://store-${encodeURIComponent(storeHash)}.mybigcommerce.com/manage/products/edit/${productId}`;
}

/** The variants an order line can name: the option variants, else the product itself. */
function sellable(p: CatalogProduct): CatalogVariant[] {
  return p.variants.length > 0 ? p.variants : [{ id: 0, sku: p.sku, label: '' }];
}

const shipping = (products: readonly CatalogProduct[]) => products.filter((p) => !p.digital);

export function missingSkuFindings(products: readonly CatalogProduct[], storeHash: string): ReadinessFinding[] {
  return shipping(products).flatMap((p) =>
    sellable(p)
      .filter((v) => v.sku === '')
      .map((v): ReadinessFinding => ({
        check: 'skus_missing',
        severity: 'blocker',
        subject: v.label ? `${p.name} – ${v.label}` : p.name,
        message: `This ${v.label ? 'variant' : 'product'} has no SKU, so the warehouse cannot tell what to ship: orders with it are held. Give it a SKU in BigCommerce.`,
        fix: { kind: 'external', label: 'Add a SKU in BigCommerce', url: controlPanelProductUrl(storeHash, p.id) },
      })),
  );
}

export function untrackedFindings(products: readonly CatalogProduct[]): ReadinessFinding[] {
  return shipping(products)
    .filter((p) => p.inventoryTracking === 'none')
    .map((p): ReadinessFinding => ({
      check: 'inventory_untracked',
      severity: 'warning',
      subject: p.sku ? `${p.name} (${p.sku})` : p.name,
      message: 'Its stock is not tracked in BigCommerce, so the stock levels your warehouse reports are not written to it.',
      fix: { kind: 'action', label: 'Track inventory', action: 'track_inventory', productId: p.id },
    }));
}

/** Every SKU of the page an order line may carry, each once. */
export function sellableSkus(products: readonly CatalogProduct[]): string[] {
  return [...new Set(shipping(products).flatMap((p) => sellable(p).map((v) => v.sku)))].filter((sku) => sku !== '');
}

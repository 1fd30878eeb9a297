import { Panel } from '@bigcommerce/big-design';
import { useSearch } from '../../router/history';
import { PREVIEW_ANCHOR, previewOrderParam } from './preview';
import { TryOrderForm } from './TryOrderForm';

/**
 * Settings › Orders and rules › Try an order: the dry run for any BigCommerce order number, with
 * the saved rules, mappings and settings, connected or not. Open to every member; nothing is sent.
 * "/settings/orders?previewOrder=1042#preview" (the order page's link) shows that order at once.
 */
export function PreviewPanel() {
  const linked = previewOrderParam(useSearch());
  return (
    <div id={PREVIEW_ANCHOR}>
      <Panel
        header="Try an order"
        description="See what Fulfillment Bridge would do with an order now: whether it would be sent, held or skipped and why, and exactly the body your warehouse would receive. Nothing is sent or changed."
      >
        <TryOrderForm key={linked ?? 'none'} id="preview-order" buttonText="Preview" initialOrder={linked ? String(linked) : ''} autoRun={linked !== null} />
      </Panel>
    </div>
  );
}

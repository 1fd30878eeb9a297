import { Link, Message, Panel } from '@bigcommerce/big-design';
import type { OverviewResponse } from '../../../../server/api/contract';
import { DetailList } from '../../components/DetailList';
import { formatDateTime, safeExternalUrl } from './format';

export function StorePanel({ store }: { store: OverviewResponse['store'] }) {
  const url = safeExternalUrl(store.secureUrl);
  const installed = formatDateTime(store.installedAt);

  const domain =
    store.domain && url ? (
      <Link href={url} target="_blank" rel="noopener noreferrer" external>
        {store.domain}
      </Link>
    ) : (
      store.domain
    );

  return (
    <Panel header="Store">
      {store.needsReauth && (
        <Message
          type="warning"
          marginBottom="medium"
          header="Access needs to be renewed"
          messages={[
            // The server says why (token revoked, or unreadable after an encryption key change).
            ...(store.detailsError ? [{ text: store.detailsError }] : []),
            {
              text: 'Orders cannot sync until the store owner re-authorises the app: uninstall Fulfillment Bridge and install it again from the Apps marketplace (orders, mappings and settings are kept when it is reinstalled promptly).',
            },
          ]}
        />
      )}
      {store.detailsError && !store.needsReauth && (
        <Message type="info" marginBottom="medium" header="Some store details couldn't be loaded" messages={[{ text: store.detailsError }]} />
      )}
      <DetailList
        rows={[
          { label: 'Name', value: store.name },
          { label: 'Plan', value: store.plan },
          { label: 'Domain', value: domain },
          {
            label: 'Installed',
            value: installed ? <time dateTime={store.installedAt}>{installed}</time> : null,
          },
          { label: 'Store hash', value: store.hash },
        ]}
      />
    </Panel>
  );
}

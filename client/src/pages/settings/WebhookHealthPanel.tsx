import { Panel } from '@bigcommerce/big-design';
import type { SettingsResponse } from '../../../../server/api/contract';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';

export function WebhookHealthPanel({ webhooks }: { webhooks: SettingsResponse['webhooks'] }) {
  return (
    <Panel
      header="Webhooks"
      description="BigCommerce tells Fulfillment Bridge about new and changed orders through webhooks. The app checks regularly that they are still registered and repairs them if needed."
      badge={webhooks.healthy ? { label: 'Healthy', variant: 'success' } : { label: 'Needs attention', variant: 'warning' }}
    >
      <DetailList
        rows={[
          {
            label: 'Last checked',
            value: webhooks.lastReconciledAt ? <DateTime iso={webhooks.lastReconciledAt} zone /> : 'Not checked yet',
          },
          { label: 'Last error', value: webhooks.lastError ?? 'None' },
          { label: 'History', value: <AppLink to="/webhooks">View webhook history</AppLink> },
        ]}
      />
    </Panel>
  );
}

import { Panel, Text } from '@bigcommerce/big-design';
import type { CancellationView } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';
import { cancellationOutcomeBadge } from '../../lib/badges';
import { cancellationSourceLabel, cancellationSummary } from './fulfillment-detail';

/** Who cancelled the order, and whether the other side followed. */
export function CancellationPanel({ cancellation }: { cancellation: CancellationView }) {
  const badge = cancellationOutcomeBadge(cancellation.outcome);
  return (
    <Panel header="Cancellation" badge={{ label: badge.label, variant: badge.variant }}>
      <Text marginBottom="medium">{cancellationSummary(cancellation)}</Text>
      <DetailList
        rows={[
          { label: 'Cancelled in', value: cancellationSourceLabel(cancellation.source) },
          { label: 'Details', value: cancellation.message || 'None' },
          { label: 'When', value: <DateTime iso={cancellation.at} zone /> },
        ]}
      />
    </Panel>
  );
}

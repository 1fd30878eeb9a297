import { Button, Flex, FlexItem, Small, Text } from '@bigcommerce/big-design';
import { formatClock } from './time';
import { retryButtonLabel, selectionSummary } from './selection';

interface OrdersToolbarProps {
  selectedCount: number;
  retryableCount: number;
  retrying: boolean;
  onRetry(): void;
  exporting: boolean;
  onExport(): void;
  refreshedAt: number | null;
  refreshFailed: boolean;
}

/**
 * Bulk Retry, Export CSV and the live-refresh line. Always rendered at the same height (buttons
 * are disabled, never removed) so selecting a row or a refresh never pushes the table down.
 */
export function OrdersToolbar(props: OrdersToolbarProps) {
  const { selectedCount, retryableCount, retrying, exporting } = props;
  const updated = props.refreshedAt === null ? null : formatClock(new Date(props.refreshedAt).toISOString(), new Date());
  let live = 'Updates every few seconds.';
  if (props.refreshFailed) live = `Live updates paused: Fulfillment Bridge couldn’t be reached.${updated ? ` Showing the list as of ${updated}.` : ''}`;
  else if (updated) live = `Updated ${updated}. Updates every few seconds.`;
  return (
    <Flex flexDirection="row" flexWrap="wrap" alignItems="center" justifyContent="space-between" flexGap="0.5rem 1rem" marginBottom="small">
      <FlexItem flexGrow={1} flexShrink={1} flexBasis="18rem">
        <Text marginBottom="none">{selectionSummary(selectedCount, retryableCount)}</Text>
        <Small marginBottom="none" color={props.refreshFailed ? 'warning70' : 'secondary60'}>
          {live}
        </Small>
      </FlexItem>
      <Flex flexDirection="row" flexWrap="wrap" flexGap="0.5rem">
        <Button type="button" variant="secondary" disabled={retryableCount === 0} isLoading={retrying} onClick={props.onRetry}>
          {retryButtonLabel(retryableCount)}
        </Button>
        <Button type="button" variant="secondary" isLoading={exporting} onClick={props.onExport}>
          Export CSV
        </Button>
      </Flex>
    </Flex>
  );
}

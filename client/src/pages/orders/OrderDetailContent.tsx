import { Button, Flex, Grid, H2, Link, Message, Panel, Small } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';
import type { OrderDetail, OrderFulfillmentDetail } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';
import { Mono } from '../../components/JsonBlock';
import { OrderStateBadge } from '../../components/StatusBadges';
import { plural } from '../../lib/text';
import { CancellationPanel } from './CancellationPanel';
import { LineItemsPanel } from './LineItemsPanel';
import { fulfillmentDetailOf, safeExternalUrl } from './fulfillment-detail';
import { OrderTimeline } from './OrderTimeline';
import { bcStatusText, nextAttemptText, nextStepText } from './orderText';
import { PayloadPanel } from './PayloadPanel';
import { RemedyBox } from './RemedyBox';
import { remedyView } from './remedy';
import { ShipmentsPanel } from './ShipmentsPanel';
import { ShipToPanel } from './ShipToPanel';

/** GET /api/orders/:id with the shipment and cancellation fields (read defensively). */
export type LoadedOrder = OrderDetail & Partial<OrderFulfillmentDetail>;

interface OrderDetailContentProps {
  order: LoadedOrder;
  now: Date;
  retrying: boolean;
  onRetry(): void;
  /** Release an order an order rule holds (the remedy box offers it). */
  releasing?: boolean;
  onRelease?(): void;
  /** Messages about this visit (retry queued, fixed meanwhile, live refresh failing). */
  notices: ReactNode;
}

/**
 * "Open in BigCommerce": the app runs in the control panel's iframe, and BigCommerce's app guides
 * say to open a new tab for what can't happen inside the iframe (they document no way to steer
 * the parent page), so the order opens in a new tab (rel="noopener noreferrer").
 */
function OpenInBigCommerce({ url }: { url: string }) {
  const href = safeExternalUrl(url);
  if (!href) return null;
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" external>
      Open in BigCommerce
    </Link>
  );
}

export function OrderDetailContent({ order, now, retrying, onRetry, releasing, onRelease, notices }: OrderDetailContentProps) {
  const detail = fulfillmentDetailOf(order);
  const remedy = remedyView(order);
  const nextStep = nextStepText(order, now);
  // Retry only where the server says it can help (OrderDetail.canRetry: the order's remedy, or a
  // shipment BigCommerce refused); the remedy box carries it when shown, else the header does.
  const headerRetry = !remedy && order.canRetry === true;
  const lines = Array.isArray(order.lines) ? order.lines : [];
  const shipTo = Array.isArray(order.shipTo) ? order.shipTo : [];

  return (
    <>
      <Flex flexDirection="row" justifyContent="space-between" alignItems="center" flexWrap="wrap" flexGap="1rem" marginBottom="medium">
        <Flex flexDirection="row" alignItems="center" flexGap="0.75rem" flexWrap="wrap">
          <H2 marginBottom="none">Order #{order.orderId}</H2>
          <OrderStateBadge state={order.state} />
        </Flex>
        <Flex flexDirection="row" alignItems="center" flexGap="1rem" flexWrap="wrap">
          <OpenInBigCommerce url={order.controlPanelUrl} />
          {headerRetry && (
            <Button variant="primary" isLoading={retrying} onClick={onRetry}>
              Retry
            </Button>
          )}
        </Flex>
      </Flex>
      {notices}
      {remedy && <RemedyBox remedy={remedy} retrying={retrying} onRetry={onRetry} releasing={releasing} onRelease={onRelease} />}
      {detail.alert && <Message type="error" marginBottom="medium" header="Action needed" messages={[{ text: detail.alert }]} />}
      {nextStep && <Message type="info" marginBottom="medium" header={nextStep.header} messages={[{ text: nextStep.text }]} />}
      <Grid gridColumns={{ mobile: 'minmax(0, 1fr)', desktop: 'minmax(0, 2fr) minmax(0, 3fr)' }} gridGap="0 1.5rem">
        <Panel header="Details">
          <DetailList
            rows={[
              { label: 'Customer', value: order.customer || null },
              { label: 'E-mail', value: order.email || null },
              { label: 'Order date', value: order.orderDate ? <DateTime iso={order.orderDate} /> : null },
              { label: 'BigCommerce status', value: bcStatusText(order.bcStatus, order.bcStatusSeenAt, now) },
              { label: 'Warehouse reference', value: order.backendOrderId ? <Mono>{order.backendOrderId}</Mono> : 'Not sent yet' },
              ...(order.attempts > 0 ? [{ label: 'Attempts', value: plural(order.attempts, 'attempt') }] : []),
              { label: 'Last updated', value: <DateTime iso={order.updatedAt} /> },
            ]}
          />
        </Panel>
        <Panel header="Timeline">
          <OrderTimeline entries={order.timeline} now={now} next={order.state === 'retrying' || order.state === 'queued' ? nextAttemptText(order, now) : null} />
        </Panel>
      </Grid>
      <LineItemsPanel lines={lines} />
      <ShipToPanel shipTo={shipTo} lines={lines} />
      {detail.cancellation && <CancellationPanel cancellation={detail.cancellation} />}
      <ShipmentsPanel shipments={detail.shipments} />
      <PayloadPanel orderId={order.orderId} payload={order.payloadSent} />
    </>
  );
}

/** The small line under the notices while live updates fail (the page keeps the last answer). */
export function LiveUpdatesPaused() {
  return (
    <Small color="warning70" marginBottom="medium">
      Live updates paused: Fulfillment Bridge couldn’t be reached. The order is shown as last loaded.
    </Small>
  );
}

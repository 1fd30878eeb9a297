import { Box, Button, Collapse, Flex, Grid, H2, Message, Panel } from '@bigcommerce/big-design';
import { ArrowBackIcon } from '@bigcommerce/big-design-icons';
import { useState } from 'react';
import type { OrderDetail, OrderLoopDetail } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';
import { JsonBlock, Mono } from '../../components/JsonBlock';
import { OrderStateBadge } from '../../components/StatusBadges';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { canRetry } from '../../lib/badges';
import { CancellationPanel } from './CancellationPanel';
import { loopDetailOf, offersRetry, retryQueuedMessage } from './loop';
import { OrderTimeline } from './OrderTimeline';
import { ShipmentsPanel } from './ShipmentsPanel';
import { ordersListHref } from './query';

/** GET /api/orders/:id with the shipment and cancellation fields (read defensively). */
type LoadedOrder = OrderDetail & Partial<OrderLoopDetail>;

function BackLink() {
  return (
    <AppLink to={ordersListHref()}>
      <Flex as="span" display="inline-flex" flexDirection="row" alignItems="center" flexGap="0.25rem">
        <ArrowBackIcon size="medium" aria-hidden />
        Back to orders
      </Flex>
    </AppLink>
  );
}

export function OrderDetailView({ orderId }: { orderId: number }) {
  const loaded = useApiGet<LoadedOrder>(`/api/orders/${orderId}`);
  const [retried, setRetried] = useState<{ order: LoadedOrder; message: ReturnType<typeof retryQueuedMessage> } | null>(null);
  const retry = useAction(() => api.post<LoadedOrder>(`/api/orders/${orderId}/retry`));

  let body;
  if (loaded.status === 'loading') {
    body = <Loading label={`Loading order #${orderId}…`} />;
  } else if (loaded.status === 'error') {
    if (loaded.error.sessionEnded) return null;
    body =
      loaded.error.status === 404 ? (
        <Message
          type="warning"
          header={`Order #${orderId} isn't in Fulfillment Bridge`}
          messages={[{ text: 'Only orders that reached the order import status are listed here.' }]}
        />
      ) : (
        <ErrorMessage header="This order couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
      );
  } else {
    const order = retried?.order ?? loaded.data;
    const loop = loopDetailOf(order);
    const onRetry = async () => {
      const next = await retry.run();
      // The answer still lists the failed shipments (they are queued, not written yet).
      if (next) setRetried({ order: next, message: retryQueuedMessage(loopDetailOf(next).shipments) });
    };
    body = (
      <>
        <Flex flexDirection="row" justifyContent="space-between" alignItems="center" flexWrap="wrap" flexGap="1rem" marginBottom="medium">
          <Flex flexDirection="row" alignItems="center" flexGap="0.75rem" flexWrap="wrap">
            <H2 marginBottom="none">Order #{order.orderId}</H2>
            <OrderStateBadge state={order.state} />
          </Flex>
          {offersRetry(canRetry(order.state), loop) && (
            <Button variant="primary" isLoading={retry.busy} onClick={() => void onRetry()}>
              Retry
            </Button>
          )}
        </Flex>
        {loop.alert && (
          <Message type="error" marginBottom="medium" header="Action needed" messages={[{ text: loop.alert }]} />
        )}
        {retried && (
          <Message
            type="success"
            marginBottom="medium"
            header={retried.message.header}
            messages={[{ text: retried.message.text }]}
            actions={[
              {
                text: 'Refresh',
                onClick: () => {
                  setRetried(null);
                  loaded.reload();
                },
              },
            ]}
            onClose={() => setRetried(null)}
          />
        )}
        {retry.error && (
          <ErrorMessage marginBottom="medium" header="The order couldn't be retried" message={retry.error.message} />
        )}
        {order.attentionReason && (
          <Message
            type="warning"
            marginBottom="medium"
            header="Needs attention"
            messages={[{ text: order.attentionReason }]}
          />
        )}
        {order.state === 'failed' && order.lastError && !order.attentionReason && (
          <Message type="error" marginBottom="medium" header="Sending failed" messages={[{ text: order.lastError }]} />
        )}
        <Grid gridColumns={{ mobile: 'minmax(0, 1fr)', desktop: 'minmax(0, 2fr) minmax(0, 3fr)' }} gridGap="0 1.5rem">
          <Panel header="Details">
            <DetailList
              rows={[
                { label: 'Customer', value: order.customer || null },
                { label: 'Order date', value: order.orderDate ? <DateTime iso={order.orderDate} /> : null },
                { label: 'BigCommerce status', value: order.bcStatus },
                { label: 'Backend reference', value: order.backendOrderId ? <Mono>{order.backendOrderId}</Mono> : null },
                { label: 'Last updated', value: <DateTime iso={order.updatedAt} /> },
              ]}
            />
          </Panel>
          <Panel header="Timeline">
            <OrderTimeline entries={order.timeline} />
          </Panel>
        </Grid>
        {loop.cancellation && <CancellationPanel cancellation={loop.cancellation} />}
        <ShipmentsPanel shipments={loop.shipments} />
        <Panel header="Payload sent" description="The exact order data Fulfillment Bridge sent to your warehouse.">
          {order.payloadSent === null || order.payloadSent === undefined ? (
            <JsonBlock value={null} label="Payload sent" emptyText="Nothing has been sent to your warehouse yet." />
          ) : (
            <Collapse>
              <Collapse.Trigger title="Show payload" />
              <Collapse.Panel paddingTop="small">
                <JsonBlock value={order.payloadSent} label={`Payload sent for order #${order.orderId}`} />
              </Collapse.Panel>
            </Collapse>
          )}
        </Panel>
      </>
    );
  }

  return (
    <>
      <Box marginBottom="medium">
        <BackLink />
      </Box>
      {body}
    </>
  );
}

import { Box, Flex, Message } from '@bigcommerce/big-design';
import { ArrowBackIcon } from '@bigcommerce/big-design-icons';
import { useEffect, useRef, useState } from 'react';
import type { OrderSyncState } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { usePolledGet } from '../../api/usePolledGet';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { fulfillmentDetailOf, retryQueuedMessage } from './fulfillment-detail';
import { LiveUpdatesPaused, OrderDetailContent, type LoadedOrder } from './OrderDetailContent';
import { resolvedNotice } from './orderText';
import { releasedText } from './remedy';
import { ordersListHref } from './query';

/** The order page follows the order while it moves (queued → sent, a fix landing). */
export const ORDER_REFRESH_MS = 5_000;

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

type Notice = { type: 'success'; header: string; text: string };

export function OrderDetailView({ orderId }: { orderId: number }) {
  const loaded = usePolledGet<LoadedOrder>(`/api/orders/${orderId}`, ORDER_REFRESH_MS);
  // Retry answers the order as it is now: shown until the next refresh brings a newer one.
  const [answer, setAnswer] = useState<{ order: LoadedOrder; asOf: number | null } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const retry = useAction(() => api.post<LoadedOrder>(`/api/orders/${orderId}/retry`));
  const release = useAction(() => api.post<LoadedOrder>(`/api/orders/${orderId}/release`));

  const order = loaded.status === 'success' ? (answer && answer.asOf === loaded.refreshedAt ? answer.order : loaded.data) : null;

  // A held order that starts moving while the merchant looks at it (the fix landed): say so.
  const previousState = useRef<OrderSyncState | null>(null);
  const state = order?.state ?? null;
  useEffect(() => {
    if (state === null) return;
    const text = resolvedNotice(previousState.current, state);
    previousState.current = state;
    if (text) setNotice((current) => current ?? { type: 'success', header: 'On its way', text });
  }, [state]);

  if (loaded.status === 'loading') {
    return (
      <>
        <Box marginBottom="medium">
          <BackLink />
        </Box>
        <Loading label={`Loading order #${orderId}…`} />
      </>
    );
  }
  if (loaded.status === 'error' || !order) {
    const error = loaded.status === 'error' ? loaded.error : null;
    if (error?.sessionEnded) return null;
    return (
      <>
        <Box marginBottom="medium">
          <BackLink />
        </Box>
        {error?.status === 404 ? (
          <Message
            type="warning"
            header={`Order #${orderId} isn't in Fulfillment Bridge`}
            messages={[{ text: 'Only orders that reached the order import status are listed here.' }]}
          />
        ) : (
          <ErrorMessage header="This order couldn't be loaded" message={error?.message ?? 'Try again.'} onRetry={loaded.reload} />
        )}
      </>
    );
  }

  const onRetry = async () => {
    setNotice(null);
    const next = await retry.run();
    if (!next) return;
    setAnswer({ order: next, asOf: loaded.refreshedAt });
    previousState.current = next.state; // Retry's own effect is announced below, not as "fixed".
    // The answer still lists the failed shipments (they are queued, not written yet).
    const message = retryQueuedMessage(fulfillmentDetailOf(next).shipments);
    setNotice({ type: 'success', header: message.header, text: message.text });
  };

  // Release answers the order as it is now (queued): shown until the next refresh brings a newer one.
  const onRelease = async () => {
    setNotice(null);
    const next = await release.run();
    if (!next) return;
    setAnswer({ order: next, asOf: loaded.refreshedAt });
    previousState.current = next.state;
    setNotice({ type: 'success', header: 'Released', text: releasedText(orderId, order.remedy?.subject ?? null) });
  };

  const notices = (
    <>
      {loaded.refreshError && <LiveUpdatesPaused />}
      {notice && <Message type={notice.type} marginBottom="medium" header={notice.header} messages={[{ text: notice.text }]} onClose={() => setNotice(null)} />}
      {retry.error && <ErrorMessage marginBottom="medium" header="The order couldn't be retried" message={retry.error.message} />}
      {release.error && <ErrorMessage marginBottom="medium" header="The order couldn't be released" message={release.error.message} />}
    </>
  );

  return (
    <>
      <Box marginBottom="medium">
        <BackLink />
      </Box>
      <OrderDetailContent
        order={order}
        now={new Date(loaded.refreshedAt ?? Date.now())}
        retrying={retry.busy}
        onRetry={() => void onRetry()}
        releasing={release.busy}
        onRelease={() => void onRelease()}
        notices={notices}
      />
    </>
  );
}

import { H3, Message, Text } from '@bigcommerce/big-design';
import { Modal } from '../../components/Modal';
import { useState } from 'react';
import type { ReplayResponse, WebhookEventDetail } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';
import { JsonBlock, Mono } from '../../components/JsonBlock';
import { WebhookStatusBadge } from '../../components/StatusBadges';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { orderPath } from '../orders/query';
import { replayQuestion, sourceLabel } from './query';

interface Props {
  eventId: number;
  onClose(): void;
  /** After a replay was queued (the list shows the event's new status). */
  onReplayed(): void;
}

/** One stored webhook event, its payload loaded when the modal opens, and its Replay action. */
export function WebhookPayloadModal({ eventId, onClose, onReplayed }: Props) {
  const loaded = useApiGet<WebhookEventDetail>(`/api/webhook-events/${eventId}`);
  const [confirming, setConfirming] = useState(false);
  const [replayed, setReplayed] = useState<ReplayResponse | null>(null);
  const replay = useAction(() => api.post<ReplayResponse>(`/api/webhook-events/${eventId}/replay`));
  const data = replayed?.event ?? (loaded.status === 'success' ? loaded.data : null);

  const runReplay = async () => {
    setConfirming(false);
    const result = await replay.run();
    if (result) {
      setReplayed(result);
      onReplayed();
    }
  };

  let content;
  if (data && confirming) {
    content = <Text>{replayQuestion(data)}</Text>;
  } else if (data) {
    content = (
      <>
        {replayed && <Message type="success" marginBottom="medium" header="Replay queued" messages={[{ text: replayed.message }]} />}
        {replay.error && <ErrorMessage marginBottom="medium" header="The event couldn't be replayed" message={replay.error.message} />}
        {data.error && <Message type="error" marginBottom="medium" header="Processing failed" messages={[{ text: data.error }]} />}
        <DetailList
          rows={[
            { label: 'Source', value: sourceLabel(data.source) },
            { label: 'Event ID', value: <Mono>{data.eventId}</Mono> },
            { label: 'Topic', value: <Mono>{data.topic}</Mono> },
            { label: 'Status', value: <WebhookStatusBadge status={data.status} /> },
            { label: 'Order', value: data.orderId === null ? '—' : <AppLink to={orderPath(data.orderId)}>#{data.orderId}</AppLink> },
            { label: 'Resource id', value: data.resourceId },
            { label: 'Received', value: <DateTime iso={data.receivedAt} zone /> },
          ]}
        />
        <H3 marginTop="large" marginBottom="xSmall">
          Payload
        </H3>
        <JsonBlock value={data.payload} label="Webhook payload" emptyText="This event was stored without a payload." maxHeight="20rem" />
      </>
    );
  } else if (loaded.status === 'error') {
    content = loaded.error.sessionEnded ? null : <ErrorMessage header="The payload couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  } else {
    content = <Loading label="Loading the payload…" />;
  }

  const actions = confirming
    ? [
        { text: 'Cancel', variant: 'subtle' as const, onClick: () => setConfirming(false) },
        { text: 'Replay event', onClick: () => void runReplay() },
      ]
    : [
        { text: 'Close', variant: 'subtle' as const, onClick: onClose },
        ...(data ? [{ text: 'Replay', variant: 'secondary' as const, isLoading: replay.busy, onClick: () => setConfirming(true) }] : []),
      ];

  return (
    <Modal isOpen header={confirming ? 'Replay this event?' : 'Webhook event'} onClose={onClose} closeOnEscKey closeOnClickOutside actions={actions}>
      {content}
    </Modal>
  );
}

import { H3, Message, Modal } from '@bigcommerce/big-design';
import type { WebhookEventDetail } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { DateTime } from '../../components/DateTime';
import { DetailList } from '../../components/DetailList';
import { JsonBlock, Mono } from '../../components/JsonBlock';
import { WebhookStatusBadge } from '../../components/StatusBadges';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';

/** The stored payload of one webhook event, loaded when the modal opens. */
export function WebhookPayloadModal({ eventId, onClose }: { eventId: number; onClose(): void }) {
  const event = useApiGet<WebhookEventDetail>(`/api/webhook-events/${eventId}`);

  let content;
  if (event.status === 'loading') {
    content = <Loading label="Loading the payload…" />;
  } else if (event.status === 'error') {
    content = event.error.sessionEnded ? null : (
      <ErrorMessage header="The payload couldn't be loaded" message={event.error.message} onRetry={event.reload} />
    );
  } else {
    const { data } = event;
    content = (
      <>
        {data.error && (
          <Message type="error" marginBottom="medium" header="Processing failed" messages={[{ text: data.error }]} />
        )}
        <DetailList
          rows={[
            { label: 'Event ID', value: <Mono>{data.eventId}</Mono> },
            { label: 'Topic', value: <Mono>{data.topic}</Mono> },
            { label: 'Status', value: <WebhookStatusBadge status={data.status} /> },
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
  }

  return (
    <Modal
      isOpen
      header="Webhook event"
      onClose={onClose}
      closeOnEscKey
      closeOnClickOutside
      actions={[{ text: 'Close', variant: 'subtle', onClick: onClose }]}
    >
      {content}
    </Modal>
  );
}

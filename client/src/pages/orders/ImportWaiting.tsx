import { Message, Text } from '@bigcommerce/big-design';
import { Modal } from '../../components/Modal';
import type { PanelProps } from '@bigcommerce/big-design';
import { useState, type ReactNode } from 'react';
import type { ImportWaitingResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { importWaitingMessage } from './query';

/**
 * "Import waiting orders": picks up orders that were already in the import status before the app
 * was connected. Returns the Panel action and the confirmation/result UI.
 */
export function useImportWaiting(onImported: () => void): { action: PanelProps['action']; ui: ReactNode } {
  const [confirming, setConfirming] = useState(false);
  const [enqueued, setEnqueued] = useState<number | null>(null);
  const importing = useAction(() => api.post<ImportWaitingResponse>('/api/orders/import-waiting'));

  const start = async () => {
    setConfirming(false);
    setEnqueued(null);
    const result = await importing.run();
    if (result) {
      setEnqueued(result.enqueued);
      onImported();
    }
  };

  const ui = (
    <>
      {enqueued !== null && (
        <Message
          type="success"
          marginBottom="medium"
          header="Import started"
          messages={[{ text: importWaitingMessage(enqueued) }]}
          onClose={() => setEnqueued(null)}
        />
      )}
      {importing.error && (
        <ErrorMessage
          marginBottom="medium"
          header="The waiting orders couldn't be imported"
          message={importing.error.message}
          onRetry={() => void start()}
        />
      )}
      <Modal
        isOpen={confirming}
        variant="dialog"
        header="Import orders that are already waiting?"
        onClose={() => setConfirming(false)}
        closeOnEscKey
        closeOnClickOutside
        actions={[
          { text: 'Cancel', variant: 'subtle', onClick: () => setConfirming(false) },
          { text: 'Import orders', onClick: () => void start() },
        ]}
      >
        <Text>
          Orders that were already in your order import status before Fulfillment Bridge was connected are sent to your
          warehouse now. Orders that were already sent are skipped, so nothing ships twice.
        </Text>
      </Modal>
    </>
  );

  return {
    action: {
      text: 'Import waiting orders',
      variant: 'secondary',
      isLoading: importing.busy,
      onClick: () => setConfirming(true),
    },
    ui,
  };
}

import { Message, Panel } from '@bigcommerce/big-design';
import type { SessionEndReason } from '../session/store';

export const REOPEN_TEXT = 'Reopen Fulfillment Bridge from the Apps menu in your BigCommerce control panel.';

/** Shown instead of the app whenever there is no usable session: nothing can load without one. */
export function SessionEnded({ reason }: { reason: SessionEndReason }) {
  const header = reason === 'no_boot' ? 'Open Fulfillment Bridge from your control panel' : 'Your session has ended';
  return (
    <Panel header={reason === 'no_boot' ? 'Not signed in' : 'Session ended'}>
      <Message type="warning" header={header} messages={[{ text: REOPEN_TEXT }]} />
    </Panel>
  );
}

import { Message } from '@bigcommerce/big-design';
import type { MessageProps } from '@bigcommerce/big-design';
import { navigate } from '../../router/history';
import type { RemedyPresentation } from './remedy';

interface RemedyBoxProps {
  remedy: RemedyPresentation;
  retrying: boolean;
  onRetry(): void;
  /** Release (an order rule holds the order); absent where the page offers none. */
  releasing?: boolean;
  onRelease?(): void;
}

/**
 * What holds the order and the fix, one click away: the action opens the right place in the app
 * (e.g. the shipping mapping with the method filled in); Retry only where retrying can help;
 * Release when an order rule holds it; the dry run ("Preview what would be sent") while it is not
 * sent. Every action navigates inside the app: a plain link would reload it and end the session.
 */
export function RemedyBox({ remedy, retrying, onRetry, releasing = false, onRelease }: RemedyBoxProps) {
  const messages: MessageProps['messages'] = [{ text: remedy.message }];
  if (remedy.subject && !remedy.message.includes(remedy.subject)) messages.push({ text: `Concerns: ${remedy.subject}` });
  if (remedy.afterFix) messages.push({ text: remedy.afterFix });

  const actions: NonNullable<MessageProps['actions']> = [];
  const { action, preview } = remedy;
  if (remedy.release && onRelease) actions.push({ text: 'Release', variant: 'secondary', isLoading: releasing, onClick: onRelease });
  if (action) actions.push({ text: action.label, variant: actions.length > 0 ? 'subtle' : 'secondary', onClick: () => navigate(action.path) });
  if (remedy.retry) actions.push({ text: 'Retry', variant: actions.length > 0 ? 'subtle' : 'secondary', isLoading: retrying, onClick: onRetry });
  if (preview) actions.push({ text: 'Preview what would be sent', variant: 'subtle', onClick: () => navigate(preview) });

  return (
    <Message type={remedy.tone} marginBottom="medium" header={remedy.header} messages={messages} actions={actions.length > 0 ? actions : undefined} aria-label={remedy.header} />
  );
}

import { Message } from '@bigcommerce/big-design';
import type { MessageProps } from '@bigcommerce/big-design';
import { navigate } from '../../router/history';
import type { RemedyPresentation } from './remedy';

interface RemedyBoxProps {
  remedy: RemedyPresentation;
  retrying: boolean;
  onRetry(): void;
}

/**
 * What holds the order and the fix, one click away: the action opens the right place in the app
 * (e.g. the shipping mapping with the method filled in); Retry only where retrying can help.
 */
export function RemedyBox({ remedy, retrying, onRetry }: RemedyBoxProps) {
  const messages: MessageProps['messages'] = [{ text: remedy.message }];
  if (remedy.subject && !remedy.message.includes(remedy.subject)) messages.push({ text: `Concerns: ${remedy.subject}` });
  if (remedy.afterFix) messages.push({ text: remedy.afterFix });

  const actions: NonNullable<MessageProps['actions']> = [];
  const { action } = remedy;
  if (action) actions.push({ text: action.label, variant: 'secondary', onClick: () => navigate(action.path) });
  if (remedy.retry) actions.push({ text: 'Retry', variant: action ? 'subtle' : 'secondary', isLoading: retrying, onClick: onRetry });

  return (
    <Message
      type={remedy.tone}
      marginBottom="medium"
      header={remedy.header}
      messages={messages}
      actions={actions.length > 0 ? actions : undefined}
      aria-label={remedy.header}
    />
  );
}

import { Message } from '@bigcommerce/big-design';
import type { MarginProps } from '@bigcommerce/big-design';

interface ErrorMessageProps extends MarginProps {
  header?: string;
  /** Readable text, usually the server's ApiError message. */
  message: string;
  onRetry?(): void;
}

export function ErrorMessage({ header = 'Something went wrong', message, onRetry, ...margins }: ErrorMessageProps) {
  return <Message {...margins} type="error" header={header} messages={[{ text: message }]} actions={onRetry ? [{ text: 'Try again', onClick: onRetry }] : undefined} />;
}

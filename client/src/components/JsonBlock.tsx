import { Text } from '@bigcommerce/big-design';
import styled from 'styled-components';
import { prettyJson } from '../lib/text';

export const Mono = styled.span`
  font-family: SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace;
  font-size: 0.8125rem;
  overflow-wrap: break-word;
`;

const Pre = styled.pre<{ $maxHeight: string }>`
  margin: 0;
  padding: ${({ theme }) => theme.spacing.medium};
  max-height: ${({ $maxHeight }) => $maxHeight};
  overflow: auto;
  background: ${({ theme }) => theme.colors.secondary10};
  border: 1px solid ${({ theme }) => theme.colors.secondary30};
  border-radius: ${({ theme }) => theme.borderRadius.normal};
  color: ${({ theme }) => theme.colors.secondary70};
  font-family: SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace;
  font-size: 0.8125rem;
  line-height: 1.5;
  white-space: pre;
  tab-size: 2;

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary40};
    outline-offset: 1px;
  }
`;

interface JsonBlockProps {
  value: unknown;
  /** Accessible name of the scrollable region. */
  label: string;
  emptyText?: string;
  maxHeight?: string;
}

/** Pretty JSON in a scrollable monospace block (long payloads scroll instead of stretching the page). */
export function JsonBlock({ value, label, emptyText = 'Nothing to show.', maxHeight = '24rem' }: JsonBlockProps) {
  const text = prettyJson(value);
  if (text === null) {
    return (
      <Text color="secondary60" marginBottom="none">
        {emptyText}
      </Text>
    );
  }
  return (
    // A scrollable region must be focusable so keyboard users can scroll it.
    <Pre $maxHeight={maxHeight} tabIndex={0} role="region" aria-label={label}>
      <code>{text}</code>
    </Pre>
  );
}

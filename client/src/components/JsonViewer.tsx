import styled from 'styled-components';
import { prettyJson } from '../lib/text';

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

export interface JsonViewerProps {
  value: unknown;
  /** Accessible name of the scrollable region. */
  label: string;
  maxHeight: string;
}

/**
 * The payload viewer itself, loaded by JsonBlock only when there is a payload to show (its own
 * chunk: pages that list events or orders do not download it until a payload is opened).
 */
export default function JsonViewer({ value, label, maxHeight }: JsonViewerProps) {
  return (
    // A scrollable region must be focusable so keyboard users can scroll it.
    <Pre $maxHeight={maxHeight} tabIndex={0} role="region" aria-label={label}>
      <code>{prettyJson(value)}</code>
    </Pre>
  );
}

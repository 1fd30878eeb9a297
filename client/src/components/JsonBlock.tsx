import { Text } from '@bigcommerce/big-design';
import { lazy, Suspense } from 'react';
import styled from 'styled-components';

export const Mono = styled.span`
  font-family: SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace;
  font-size: 0.8125rem;
  overflow-wrap: break-word;
`;

// Loaded on first use: most views never show a payload.
const JsonViewer = lazy(() => import('./JsonViewer'));

interface JsonBlockProps {
  value: unknown;
  /** Accessible name of the scrollable region. */
  label: string;
  emptyText?: string;
  maxHeight?: string;
}

/** Same test as prettyJson's "nothing to show", without loading the viewer to find out. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Pretty JSON in a scrollable monospace block (long payloads scroll instead of stretching the page). */
export function JsonBlock({ value, label, emptyText = 'Nothing to show.', maxHeight = '24rem' }: JsonBlockProps) {
  if (isEmpty(value)) {
    return (
      <Text color="secondary60" marginBottom="none">
        {emptyText}
      </Text>
    );
  }
  return (
    <Suspense
      fallback={
        <Text color="secondary60" marginBottom="none" aria-busy="true">
          Loading…
        </Text>
      }
    >
      <JsonViewer value={value} label={label} maxHeight={maxHeight} />
    </Suspense>
  );
}

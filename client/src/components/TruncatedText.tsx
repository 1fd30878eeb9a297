import { Fragment } from 'react';
import styled from 'styled-components';
import { truncateEnd, truncateMiddle } from '../lib/text';
import { Mono } from './JsonBlock';

const NoWrapMono = styled(Mono)`
  white-space: nowrap;
`;

// Breaks inside a word only when one word is wider than its container; in a table the column
// grows instead (overflow-wrap: anywhere made columns one letter wide, breaking every word).
const Plain = styled.span`
  overflow-wrap: break-word;
`;

interface TruncatedTextProps {
  text: string | null | undefined;
  max: number;
  /** "middle" keeps both ends (hashes, ids). */
  mode?: 'end' | 'middle';
  mono?: boolean;
  fallback?: string;
}

/** Shortened text; the full value is in the tooltip. */
export function TruncatedText({ text, max, mode = 'end', mono = false, fallback = '—' }: TruncatedTextProps) {
  if (!text) return <>{fallback}</>;
  const short = mode === 'middle' ? truncateMiddle(text, max) : truncateEnd(text, max);
  const title = short === text ? undefined : text;
  return mono ? <NoWrapMono title={title}>{short}</NoWrapMono> : <Plain title={title}>{short}</Plain>;
}

/** Monospace text that may break after "/" (webhook topics like store/order/statusUpdated). */
export function PathText({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <Mono>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </Mono>
  );
}

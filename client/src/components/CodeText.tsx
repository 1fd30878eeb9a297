import { Fragment } from 'react';
import styled from 'styled-components';
import { truncateMiddle } from '../lib/text';
import { codeBreakParts } from './codeBreaks';
import { Mono } from './JsonBlock';

// Table cells size to their longest unbreakable part; overflow-wrap only acts outside tables,
// as a last resort in a container narrower than one part.
const Code = styled(Mono)`
  overflow-wrap: break-word;
  word-break: normal;
`;

interface CodeTextProps {
  text: string | null | undefined;
  /** Longer values keep both ends ("SBX-ORGANIC…BLACK-XL"); the full value is in the tooltip. */
  max?: number;
  fallback?: string;
}

/** A SKU, reference or code in monospace that wraps only after its separators (- _ / . :). */
export function CodeText({ text, max = 64, fallback = '—' }: CodeTextProps) {
  if (!text) return <>{fallback}</>;
  const shown = truncateMiddle(text, max);
  const parts = codeBreakParts(shown);
  return (
    <Code title={shown === text ? undefined : text}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </Code>
  );
}

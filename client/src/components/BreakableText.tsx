import { Fragment } from 'react';

// Break opportunities after an e-mail's or a name's separators: a narrow table column then wraps
// "owner@" / "sandbox.test" instead of "owner@sandbox.t" / "est" (overflow-wrap breaks anywhere).
const AFTER = /([@./_-])/;

/** Text (an e-mail address, a subject) that may wrap after @ . / _ - and at spaces, never mid-word. */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(AFTER);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {AFTER.test(part) && i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

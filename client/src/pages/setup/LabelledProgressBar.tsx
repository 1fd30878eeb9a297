import { ProgressBar } from '@bigcommerce/big-design';
import { useLayoutEffect, useRef } from 'react';

/**
 * BigDesign's ProgressBar, named for assistive technology: it takes no aria props, so the name is
 * set on its role="progressbar" element (axe: aria-progressbar-name).
 */
export function LabelledProgressBar({ percent, label }: { percent: number | undefined; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = box.current?.querySelector('[role="progressbar"]');
    bar?.setAttribute('aria-label', label);
    if (percent !== undefined) bar?.setAttribute('aria-valuetext', `${percent}%`);
    else bar?.removeAttribute('aria-valuetext');
  }, [label, percent]);
  return (
    <div ref={box}>
      <ProgressBar percent={percent} />
    </div>
  );
}

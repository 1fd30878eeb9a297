import { Box, Button, Flex, InlineMessage, Message, ProgressBar, Text } from '@bigcommerce/big-design';
import { useLayoutEffect, useRef } from 'react';
import type { BackfillView } from '../../../../server/api/contract';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { READ_ONLY_TEXT } from '../settings/settingsForm';
import { countsLine, progressLine, progressPercent, rangeText, stateHeader } from './format';
import type { BackfillState, BackfillVerb } from './useBackfill';

/**
 * The import of waiting orders on the Orders page: what it covers, a progress bar with counts
 * and the time left, and Pause / Resume / Cancel. Shown while it runs or is paused, and once it
 * ended until dismissed (also after a reload, since the server keeps it).
 */
export function BackfillProgress({ view, control, canManage, onDismiss }: { view: BackfillView; control: BackfillState['control']; canManage: boolean; onDismiss(): void }) {
  const percent = progressPercent(view);
  const line = progressLine(view);
  const ended = view.state === 'done' || view.state === 'cancelled' || view.state === 'failed';
  const act = (verb: BackfillVerb) => () => void control.run(verb);

  if (ended) {
    return (
      <Message
        type={view.state === 'done' ? 'success' : view.state === 'failed' ? 'error' : 'info'}
        marginBottom="medium"
        header={stateHeader(view.state)}
        messages={[{ text: `${rangeText(view)}. ${line}: ${countsLine(view.counts)}.` }, ...(view.error ? [{ text: view.error }] : [])]}
        onClose={onDismiss}
      />
    );
  }

  return (
    <Box border="box" borderRadius="normal" padding="medium" marginBottom="medium" role="region" aria-label="Import of waiting orders">
      <Text bold marginBottom="xxSmall">
        {stateHeader(view.state)}
      </Text>
      <Text color="secondary60" marginBottom="small">
        {rangeText(view)}
      </Text>
      <NamedProgressBar percent={percent} label={`Import of waiting orders: ${line}`} />
      <div role="status" aria-live="polite">
        <Text marginTop="small" marginBottom="xxSmall">
          {line}
        </Text>
        <Text color="secondary60" marginBottom="small">
          {countsLine(view.counts)}
        </Text>
      </div>
      {control.error && <ErrorMessage marginBottom="small" header="The import couldn't be changed" message={control.error.message} />}
      {canManage ? (
        <Flex flexGap="0.75rem" flexWrap="wrap">
          {view.state === 'running' ? (
            <Button variant="secondary" isLoading={control.busy} disabled={control.busy} onClick={act('pause')}>
              Pause
            </Button>
          ) : (
            <Button variant="secondary" isLoading={control.busy} disabled={control.busy} onClick={act('resume')}>
              Resume
            </Button>
          )}
          <Button variant="subtle" disabled={control.busy} onClick={act('cancel')}>
            Cancel import
          </Button>
        </Flex>
      ) : (
        <InlineMessage type="info" messages={[{ text: READ_ONLY_TEXT }]} />
      )}
    </Box>
  );
}

/** BigDesign's ProgressBar has role="progressbar" but no name (axe: aria-progressbar-name): named here. */
function NamedProgressBar({ percent, label }: { percent: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = box.current?.querySelector('[role="progressbar"]');
    bar?.setAttribute('aria-label', label);
    bar?.setAttribute('aria-valuetext', `${percent}%`);
  }, [label, percent]);
  return (
    <div ref={box}>
      <ProgressBar percent={percent} />
    </div>
  );
}

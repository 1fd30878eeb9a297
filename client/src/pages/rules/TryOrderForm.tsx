import { Button, Flex, FlexItem, InlineMessage, Input } from '@bigcommerce/big-design';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderPreviewResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { parseOrderNumber, requestPreview, type DraftRule } from './preview';
import { PreviewResult } from './PreviewResult';

interface TryOrderFormProps {
  /** Input id (two forms can be on one page). */
  id: string;
  buttonText: string;
  initialOrder?: string;
  /** Draft rules to try instead of the saved ones (the rule editor), or none. */
  drafts?(): DraftRule[] | null;
  /** Runs on mount with `initialOrder` (a link from the order page). */
  autoRun?: boolean;
}

/** An order number and a button: the dry run's answer below. Nothing is sent or saved. */
export function TryOrderForm({ id, buttonText, initialOrder = '', drafts, autoRun = false }: TryOrderFormProps) {
  const [text, setText] = useState(initialOrder);
  const [inputError, setInputError] = useState<string | undefined>();
  const [answer, setAnswer] = useState<OrderPreviewResponse | null>(null);
  const run = useAction((orderId: number, rules: DraftRule[] | undefined) => requestPreview(api, orderId, rules));
  const autoRan = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);
  // The answer may land below the fold (inside the rule editor, always): bring it into view.
  useEffect(() => {
    if (answer) resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [answer]);

  const go = async (value: string) => {
    const parsed = parseOrderNumber(value);
    setInputError(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) return;
    const rules = drafts?.();
    if (rules === null) return; // the draft has errors, shown next to its fields
    setAnswer(null);
    const result = await run.run(parsed.orderId, rules);
    if (result) setAnswer(result);
  };

  // A link from the order page names the order: its preview is shown at once (the parent keys
  // this form by the order, so another link runs again).
  useEffect(() => {
    if (!autoRun || !initialOrder || autoRan.current) return;
    autoRan.current = true;
    void go(initialOrder);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoRun, initialOrder]);

  // Enter in the field tries the order, without submitting a form around it (the rule editor's).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    void go(text);
  };

  return (
    <>
      {/* Not a nested <form>: inside the rule editor this sits within the rule's own form. */}
      <div role="search" aria-label={buttonText} onKeyDown={onKeyDown}>
        <Flex flexDirection="row" flexWrap="wrap" flexGap="0.75rem" alignItems="flex-end">
          <FlexItem flexBasis={{ mobile: '100%', tablet: '14rem' }} flexGrow={0}>
            <Input
              id={id}
              label="BigCommerce order number"
              value={text}
              placeholder="1042"
              inputMode="numeric"
              autoComplete="off"
              error={inputError}
              onChange={(event) => setText(event.target.value)}
            />
          </FlexItem>
          <Button type="button" variant="secondary" isLoading={run.busy} disabled={run.busy} onClick={() => void go(text)}>
            {buttonText}
          </Button>
        </Flex>
      </div>
      {run.error && <InlineMessage type="error" marginTop="medium" header="No preview" messages={[{ text: run.error.message }]} />}
      <div ref={resultRef}>{answer && <PreviewResult preview={answer} />}</div>
    </>
  );
}

import { FormGroup, InlineMessage, Input, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { localDayOf } from '../../lib/dates';
import { defaultRange, rangeInput, validateRange } from './format';
import type { BackfillState } from './useBackfill';

const today = () => localDayOf(new Date().toISOString());

/** "Import waiting orders": choose the days the orders were created on, then start. */
export function StartBackfillModal({ isOpen, start, onClose, onStarted }: { isOpen: boolean; start: BackfillState['start']; onClose(): void; onStarted(): void }) {
  const [range, setRange] = useState(defaultRange);
  const [fields, setFields] = useState<Record<string, string>>({});
  const serverFields = start.error?.fields ?? {};

  const submit = async () => {
    const errors = validateRange(range.from, range.to);
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    if (await start.run(rangeInput(range.from, range.to))) onStarted();
  };
  const close = () => {
    setFields({});
    start.reset();
    onClose();
  };

  return (
    <Modal
      isOpen={isOpen}
      variant="dialog"
      header="Import orders that are already waiting?"
      onClose={close}
      closeOnEscKey
      closeOnClickOutside
      actions={[
        { text: 'Cancel', variant: 'subtle', onClick: close },
        { text: 'Import orders', isLoading: start.busy, disabled: start.busy, onClick: () => void submit() },
      ]}
    >
      <Text>
        Orders created on these days that are in your order import status are sent to your warehouse, at the pace your API quota share allows. Orders already sent are skipped, so
        nothing ships twice. You can pause or cancel the import at any time.
      </Text>
      <FormGroup>
        {/* Native date fields: the dialog's first focus would otherwise pop a calendar open over it. */}
        <Input
          type="date"
          label="Orders created from"
          required
          value={range.from}
          max={range.to || today()}
          error={fields.from ?? serverFields.from}
          onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
        />
      </FormGroup>
      <FormGroup>
        <Input
          type="date"
          label="Orders created to"
          required
          value={range.to}
          min={range.from || undefined}
          max={today()}
          error={fields.to ?? serverFields.to}
          onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
        />
      </FormGroup>
      {start.error && !start.error.fields && <InlineMessage type="error" header="The import didn't start" messages={[{ text: start.error.message }]} />}
    </Modal>
  );
}

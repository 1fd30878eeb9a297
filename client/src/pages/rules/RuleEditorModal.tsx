import { Box, Button, Checkbox, Form, FormGroup, H3, InlineMessage, Input, Select, Small } from '@bigcommerce/big-design';
import { AddIcon } from '@bigcommerce/big-design-icons';
import { useMemo, useState, type FormEvent } from 'react';
import type { OrderRule, RuleAction, ShippingMethodMapping } from '../../../../server/api/contract';
import type { ApiRequestError } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { Modal } from '../../components/Modal';
import { useUnsavedChanges } from '../../lib/unsavedChanges';
import { listFrom } from '../../lib/text';
import { CONFLICT_TEXT } from '../settings/settingsForm';
import { ConditionFields } from './ConditionFields';
import { rulesWithDraft } from './preview';
import {
  conditionError,
  draftOf,
  emptyDraft,
  inputOf,
  isStale,
  MAX_CONDITIONS,
  newCondition,
  RULE_NAME_MAX,
  sameDraft,
  serverFieldErrors,
  validateDraft,
  type FieldErrors,
  type RuleDraft,
} from './ruleDraft';
import { ACTION_HINTS } from './ruleWords';
import type { RulesStore } from './rulesStore';
import { TryOrderForm } from './TryOrderForm';

interface RuleEditorModalProps {
  store: RulesStore;
  /** null: a new rule. */
  rule: OrderRule | null;
  onClose(): void;
  /** After "Reload" (someone else changed it): the rule as saved now, or null when it is gone. */
  onReopen(rule: OrderRule | null): void;
}

const FORM_ID = 'order-rule-form';
const ACTION_OPTIONS: Array<{ value: RuleAction; content: string; description: string }> = [
  { value: 'hold', content: 'Hold the order', description: ACTION_HINTS.hold },
  { value: 'skip', content: 'Skip the order', description: ACTION_HINTS.skip },
];

/** Add or edit a rule: name, action, on/off, conditions; try the draft on an order before saving. */
export function RuleEditorModal({ store, rule, onClose, onReopen }: RuleEditorModalProps) {
  const base = useMemo(() => (rule ? draftOf(rule) : emptyDraft()), [rule]);
  const [draft, setDraft] = useState<RuleDraft>(base);
  const [checks, setChecks] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiRequestError | null>(null);
  const mappings = useApiGet<ShippingMethodMapping[]>('/api/shipping-mappings');
  const methodsSeen = mappings.status === 'success' ? listFrom<ShippingMethodMapping>(mappings.data, 'methods').map((m) => m.method) : [];
  const changed = !sameDraft(draft, base);
  // A new rule can always be saved (the checks say what is missing); an edit only once changed.
  const dirty = rule === null || changed;
  useUnsavedChanges('Order rule', changed);

  const stale = isStale(saveError);
  const errors: FieldErrors = { ...(stale ? {} : serverFieldErrors(saveError)), ...checks };
  const edit = (next: RuleDraft) => {
    setDraft(next);
    setChecks({});
    if (!isStale(saveError)) setSaveError(null);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const found = validateDraft(draft);
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const outcome = await store.save(rule, inputOf(draft));
    setSaving(false);
    if (outcome.ok) onClose();
    else if (!outcome.error.sessionEnded) setSaveError(outcome.error);
  };

  const reload = async () => {
    await store.load();
    onReopen(rule ? (store.getState().rules.find((r) => r.id === rule.id) ?? null) : null);
  };

  // The draft as the dry run tries it: a rule without a name yet is tried as "This rule".
  const drafts = () => {
    const named = draft.name.trim() ? draft : { ...draft, name: 'This rule' };
    const found = validateDraft(named);
    setChecks(found);
    if (Object.keys(found).length > 0) return null;
    return rulesWithDraft(store.getState().rules, rule?.id ?? null, inputOf(named));
  };

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Modal
      isOpen
      header={rule ? `Edit rule “${rule.name}”` : 'Add an order rule'}
      onClose={onClose}
      closeOnEscKey={!changed}
      actions={[
        { text: 'Cancel', variant: 'subtle', onClick: onClose, disabled: saving },
        { text: 'Save', type: 'submit', form: FORM_ID, isLoading: saving, disabled: saving || !dirty },
      ]}
    >
      {stale && (
        <InlineMessage
          type="warning"
          marginBottom="medium"
          header={CONFLICT_TEXT}
          messages={[{ text: 'Your change was not saved. Reload to see the rule as it is now, then make your change again.' }]}
          actions={[{ text: 'Reload', variant: 'secondary', onClick: () => void reload() }]}
        />
      )}
      {saveError && !stale && (
        <InlineMessage type="error" marginBottom="medium" header="Not saved" messages={[{ text: saveError.fields ? 'Check the fields marked below.' : saveError.message }]} />
      )}
      {!saveError && hasFieldErrors && <InlineMessage type="error" marginBottom="medium" header="Check the fields marked below" messages={[{ text: 'Nothing was saved yet.' }]} />}
      {/* noValidate: the form says what is missing next to each field, in its own words. */}
      <Form id={FORM_ID} fullWidth noValidate onSubmit={(event) => void submit(event)}>
        <FormGroup>
          <Input
            label="Rule name"
            required
            autoFocus={rule === null}
            value={draft.name}
            maxLength={RULE_NAME_MAX + 20}
            placeholder="International"
            description="Shown on the orders it holds or skips, e.g. Held by rule “International”."
            error={errors.name}
            onChange={(event) => edit({ ...draft, name: event.target.value })}
          />
        </FormGroup>
        <FormGroup>
          <Select<RuleAction>
            label="When an order matches"
            options={ACTION_OPTIONS}
            value={draft.action}
            error={errors.action}
            onOptionChange={(action) => action && edit({ ...draft, action })}
          />
        </FormGroup>
        <FormGroup>
          <Checkbox
            label="On"
            description="Off: the rule is kept but applies to no order."
            checked={draft.enabled}
            onChange={(event) => edit({ ...draft, enabled: event.target.checked })}
          />
        </FormGroup>
        <H3 marginTop="large">Conditions</H3>
        <Small>Every condition must match for the rule to apply.</Small>
        {errors.conditions && <InlineMessage type="error" marginBottom="medium" messages={[{ text: errors.conditions }]} />}
        {draft.conditions.map((condition, index) => (
          <ConditionFields
            key={condition.key}
            index={index}
            condition={condition}
            error={conditionError(errors, index)}
            methodsSeen={methodsSeen}
            canRemove={draft.conditions.length > 1}
            onChange={(next) => edit({ ...draft, conditions: draft.conditions.map((c) => (c.key === next.key ? next : c)) })}
            onRemove={() => edit({ ...draft, conditions: draft.conditions.filter((c) => c.key !== condition.key) })}
          />
        ))}
        <Button
          type="button"
          variant="secondary"
          iconLeft={<AddIcon />}
          disabled={draft.conditions.length >= MAX_CONDITIONS}
          onClick={() => edit({ ...draft, conditions: [...draft.conditions, newCondition('country')] })}
        >
          Add condition
        </Button>
      </Form>
      <Box marginTop="xLarge">
        <H3>Try this rule on an order</H3>
        <Small>Shows what would happen to the order with this rule as it is now, saved or not. Nothing is sent or saved.</Small>
        <TryOrderForm id="try-rule-order" buttonText="Try this rule" drafts={drafts} />
      </Box>
    </Modal>
  );
}

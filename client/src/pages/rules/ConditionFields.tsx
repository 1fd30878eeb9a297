import { Box, Button, Flex, FlexItem, Input, Select, Small } from '@bigcommerce/big-design';
import { DeleteIcon } from '@bigcommerce/big-design-icons';
import type { RuleField, RuleOperator } from '../../../../server/api/contract';
import { splitValues, withField, type ConditionDraft } from './ruleDraft';
import { FIELDS, fieldInfo, operatorsFor } from './ruleWords';

interface ConditionFieldsProps {
  index: number;
  condition: ConditionDraft;
  error: string | undefined;
  /** Shipping methods orders used (GET /api/shipping-mappings), offered as one-click values. */
  methodsSeen: readonly string[];
  canRemove: boolean;
  onChange(next: ConditionDraft): void;
  onRemove(): void;
}

const FIELD_OPTIONS = FIELDS.map((f) => ({ value: f.field, content: f.label }));

/** One condition: what it looks at, how it compares, the values (typed, or picked from the methods seen). */
export function ConditionFields({ index, condition, error, methodsSeen, canRemove, onChange, onRemove }: ConditionFieldsProps) {
  const info = fieldInfo(condition.field);
  const n = index + 1;
  const hintId = `condition-hint-${condition.key}`;
  const typed = splitValues(condition.valuesText, condition.field);
  const suggestions = condition.field === 'shipping_method' ? methodsSeen.filter((m) => m !== '' && !typed.includes(m)).slice(0, 8) : [];
  const add = (value: string) => onChange({ ...condition, valuesText: [...typed, value].join(', ') });

  return (
    <Box border="box" borderRadius="normal" padding="medium" marginBottom="medium">
      <Flex flexDirection="row" flexWrap="wrap" flexGap="0.75rem" alignItems="flex-start">
        <FlexItem flexBasis={{ mobile: '100%', tablet: '13rem' }} flexGrow={0}>
          <Select<RuleField> label={`Condition ${n}`} options={FIELD_OPTIONS} value={condition.field} onOptionChange={(field) => field && onChange(withField(condition, field))} />
        </FlexItem>
        <FlexItem flexBasis={{ mobile: '100%', tablet: '9.5rem' }} flexGrow={0}>
          <Select<RuleOperator>
            label="Compare"
            options={operatorsFor(condition.field)}
            value={condition.operator}
            onOptionChange={(operator) => operator && onChange({ ...condition, operator })}
          />
        </FlexItem>
        <FlexItem flexBasis={{ mobile: '100%', tablet: '12rem' }} flexGrow={1}>
          <Input
            label={info.numeric ? 'Amount' : 'Values'}
            value={condition.valuesText}
            placeholder={info.placeholder}
            aria-describedby={hintId}
            inputMode={info.numeric ? 'decimal' : undefined}
            error={error}
            onChange={(event) => onChange({ ...condition, valuesText: event.target.value })}
          />
        </FlexItem>
        {canRemove && (
          <FlexItem flexGrow={0} alignSelf="flex-end">
            <Button
              type="button"
              variant="subtle"
              actionType="destructive"
              mobileWidth="auto"
              aria-label={`Remove condition ${n}`}
              iconOnly={<DeleteIcon title={`Remove condition ${n}`} />}
              onClick={onRemove}
            />
          </FlexItem>
        )}
      </Flex>
      <Small id={hintId} marginTop="xSmall" marginBottom="none">
        {info.hint}
      </Small>
      {suggestions.length > 0 && (
        <Flex flexDirection="row" flexWrap="wrap" alignItems="center" flexGap="0.25rem" marginTop="xSmall">
          <Small marginBottom="none">Methods your orders use:</Small>
          {suggestions.map((method) => (
            <Button key={method} type="button" variant="subtle" mobileWidth="auto" aria-label={`Add “${method}” to condition ${n}`} onClick={() => add(method)}>
              + {method}
            </Button>
          ))}
        </Flex>
      )}
    </Box>
  );
}

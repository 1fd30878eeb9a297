import { Button, Flex, FlexItem, Form, FormGroup, InlineMessage, Input, Small, Text } from '@bigcommerce/big-design';
import { AddIcon, DeleteIcon } from '@bigcommerce/big-design-icons';
import { useState, type FormEvent } from 'react';
import type { SkuMapping, SkuMappingInput } from '../../../../server/api/contract';
import { api, ApiRequestError } from '../../api/http';
import { useAction } from '../../api/useAction';
import { Modal } from '../../components/Modal';
import { useUnsavedChanges } from '../../lib/unsavedChanges';
import { CONFLICT_TEXT, READ_ONLY_TEXT } from './settingsForm';
import {
  addComponent,
  checkDraft,
  draftOf,
  isBundleDraft,
  isDraftDirty,
  isStaleMapping,
  MAX_COMPONENTS,
  removeComponent,
  updateComponent,
  type SkuMappingDraft,
} from './skuMappingForm';

interface SkuMappingModalProps {
  /** null to add a new mapping. */
  mapping: SkuMapping | null;
  /** A new mapping's BigCommerce SKU, filled in (a deep link from a held order): the warehouse SKU gets the focus. */
  initialBcSku?: string;
  /** Members without canManage see the mapping without changing it. */
  readOnly?: boolean;
  onClose(): void;
  onSaved(mapping: SkuMapping): void;
}

const FORM_ID = 'sku-mapping-form';

/**
 * Add or edit one SKU mapping: one warehouse SKU, or a bundle / kit of several with quantities.
 * The one save model: Save and Cancel only while edited, field errors next to their fields, and a
 * 409 when someone else saved the mapping meanwhile, with a reload of the saved values.
 */
export function SkuMappingModal({ mapping, initialBcSku, readOnly = false, onClose, onSaved }: SkuMappingModalProps) {
  const [current, setCurrent] = useState<SkuMapping | null>(mapping);
  const saved = draftOf(current, initialBcSku);
  const [draft, setDraft] = useState<SkuMappingDraft>(saved);
  const prefilled = !mapping && Boolean(initialBcSku);
  const [fields, setFields] = useState<Record<string, string>>({});
  const dirty = !readOnly && isDraftDirty(saved, draft);
  useUnsavedChanges(FORM_ID, dirty);
  const save = useAction(async (input: SkuMappingInput) =>
    current ? api.put<SkuMapping>(`/api/sku-mappings/${current.id}`, input) : api.post<SkuMapping>('/api/sku-mappings', input),
  );
  const reload = useAction(async (id: number) => {
    try {
      return await api.get<SkuMapping>(`/api/sku-mappings/${id}`);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) return null;
      throw err;
    }
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || save.busy) return;
    const result = checkDraft(draft, current?.revision);
    setFields(result.ok ? {} : result.fields);
    if (!result.ok) return;
    const answer = await save.run(result.input);
    if (answer) onSaved(answer);
  };

  const onReload = async () => {
    if (!current) return;
    const fresh = await reload.run(current.id);
    if (fresh === undefined) return;
    if (fresh === null) return onClose(); // deleted by someone else: the list shows it
    setCurrent(fresh);
    setDraft(draftOf(fresh));
    setFields({});
    save.reset();
  };

  const stale = isStaleMapping(save.error);
  const serverFields = stale ? {} : (save.error?.fields ?? {});
  const fieldError = (key: string) => fields[key] ?? serverFields[key];
  const actions = dirty
    ? [
        { text: 'Cancel', variant: 'subtle' as const, onClick: onClose },
        { text: 'Save', type: 'submit' as const, form: FORM_ID, isLoading: save.busy, disabled: save.busy },
      ]
    : [{ text: 'Close', variant: 'subtle' as const, onClick: onClose }];
  const header = readOnly ? 'SKU mapping' : current ? 'Edit SKU mapping' : 'Add SKU mapping';
  const bundle = isBundleDraft(draft);

  return (
    <Modal isOpen header={header} onClose={onClose} closeOnEscKey actions={actions}>
      {readOnly && <InlineMessage type="info" marginBottom="medium" messages={[{ text: READ_ONLY_TEXT }]} />}
      <Form id={FORM_ID} fullWidth onSubmit={(event) => void onSubmit(event)}>
        <FormGroup>
          <Input
            label="BigCommerce SKU"
            required
            autoFocus={!prefilled && !readOnly}
            disabled={readOnly}
            value={draft.bcSku}
            description="The SKU of the product or variant in your store."
            error={fieldError('bcSku')}
            onChange={(event) => setDraft({ ...draft, bcSku: event.target.value })}
          />
        </FormGroup>
        <Text bold marginBottom="xxSmall">
          Sent to the warehouse as
        </Text>
        <Small marginBottom="small">
          {bundle
            ? 'A bundle: one unit of this SKU is sent as all of these. Its stock is the number of complete sets the warehouse has, and it ships once every part has shipped.'
            : 'The SKU your warehouse uses for the same item. For a bundle or kit, add more warehouse SKUs or raise the quantity.'}
        </Small>
        {fieldError('components') && <InlineMessage type="error" marginBottom="small" messages={[{ text: fieldError('components')! }]} />}
        {draft.components.map((c, i) => (
          <Flex key={i} flexDirection="row" flexGap="0.75rem" alignItems="flex-start" marginBottom="small">
            <FlexItem flexGrow={1}>
              <Input
                label={draft.components.length > 1 ? `Warehouse SKU ${i + 1}` : 'Warehouse SKU'}
                required
                autoFocus={prefilled && i === 0}
                disabled={readOnly}
                value={c.sku}
                error={fieldError(`components.${i}.sku`) ?? (i === 0 ? serverFields.backendSku : undefined)}
                onChange={(event) => setDraft(updateComponent(draft, i, { sku: event.target.value }))}
              />
            </FlexItem>
            <FlexItem flexBasis="6.5rem" flexShrink={0}>
              <Input
                label={draft.components.length > 1 ? `Quantity ${i + 1}` : 'Quantity'}
                type="number"
                min={1}
                step={1}
                required
                disabled={readOnly}
                value={c.quantity}
                error={fieldError(`components.${i}.quantity`)}
                onChange={(event) => setDraft(updateComponent(draft, i, { quantity: event.target.value }))}
              />
            </FlexItem>
            {!readOnly && draft.components.length > 1 && (
              <FlexItem flexShrink={0} paddingTop="large">
                <Button
                  type="button"
                  variant="subtle"
                  actionType="destructive"
                  aria-label={`Remove warehouse SKU ${i + 1}`}
                  iconOnly={<DeleteIcon title={`Remove warehouse SKU ${i + 1}`} />}
                  onClick={() => setDraft(removeComponent(draft, i))}
                />
              </FlexItem>
            )}
          </Flex>
        ))}
        {!readOnly && draft.components.length < MAX_COMPONENTS && (
          <Button type="button" variant="secondary" iconLeft={<AddIcon />} onClick={() => setDraft(addComponent(draft))}>
            Add warehouse SKU
          </Button>
        )}
        {stale && (
          <InlineMessage
            type="warning"
            marginTop="medium"
            header={CONFLICT_TEXT}
            messages={[{ text: 'Your change was not saved. Reload to see the saved mapping, then make your change again.' }]}
            actions={[{ text: 'Reload', variant: 'secondary', onClick: () => void onReload() }]}
          />
        )}
        {save.error && !stale && <InlineMessage type="error" marginTop="medium" header="Not saved" messages={[{ text: save.error.message }]} />}
        {reload.error && <InlineMessage type="error" marginTop="medium" header="Couldn't reload" messages={[{ text: reload.error.message }]} />}
      </Form>
    </Modal>
  );
}

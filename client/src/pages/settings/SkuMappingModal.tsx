import { Form, FormGroup, InlineMessage, Input } from '@bigcommerce/big-design';
import { Modal } from '../../components/Modal';
import { useState, type FormEvent } from 'react';
import type { SkuMapping, SkuMappingInput } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { validateSkuMapping, type FieldErrors } from './forms';

interface SkuMappingModalProps {
  /** null to add a new mapping. */
  mapping: SkuMapping | null;
  /** A new mapping's BigCommerce SKU, filled in (a deep link from a held order): the warehouse SKU gets the focus. */
  initialBcSku?: string;
  onClose(): void;
  onSaved(mapping: SkuMapping): void;
}

const FORM_ID = 'sku-mapping-form';

export function SkuMappingModal({ mapping, initialBcSku, onClose, onSaved }: SkuMappingModalProps) {
  const [bcSku, setBcSku] = useState(mapping?.bcSku ?? initialBcSku ?? '');
  const prefilled = !mapping && Boolean(initialBcSku);
  const [backendSku, setBackendSku] = useState(mapping?.backendSku ?? '');
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useAction(async (input: SkuMappingInput) => ({
    answer: await (mapping
      ? api.put<SkuMapping | undefined>(`/api/sku-mappings/${mapping.id}`, input)
      : api.post<SkuMapping | undefined>('/api/sku-mappings', input)),
  }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validateSkuMapping(bcSku, backendSku);
    setFields(result.ok ? {} : result.fields);
    if (!result.ok) return;
    const saved = await save.run(result.input);
    // Fall back to what was sent if the server answers without a body.
    if (saved) onSaved(saved.answer ?? { id: mapping?.id ?? 0, ...result.input });
  };

  const serverFields = save.error?.fields ?? {};
  return (
    <Modal
      isOpen
      header={mapping ? 'Edit SKU mapping' : 'Add SKU mapping'}
      onClose={onClose}
      closeOnEscKey
      actions={[
        { text: 'Cancel', variant: 'subtle', onClick: onClose },
        { text: 'Save', type: 'submit', form: FORM_ID, isLoading: save.busy },
      ]}
    >
      <Form id={FORM_ID} fullWidth onSubmit={(event) => void onSubmit(event)}>
        <FormGroup>
          <Input
            label="BigCommerce SKU"
            required
            autoFocus={!prefilled}
            value={bcSku}
            description="The SKU of the product or variant in your store."
            error={fields.bcSku ?? serverFields.bcSku}
            onChange={(event) => setBcSku(event.target.value)}
          />
        </FormGroup>
        <FormGroup>
          <Input
            label="Backend SKU"
            required
            autoFocus={prefilled}
            value={backendSku}
            description="The SKU your warehouse uses for the same item."
            error={fields.backendSku ?? serverFields.backendSku}
            onChange={(event) => setBackendSku(event.target.value)}
          />
        </FormGroup>
        {save.error && <InlineMessage type="error" header="Not saved" messages={[{ text: save.error.message }]} />}
      </Form>
    </Modal>
  );
}

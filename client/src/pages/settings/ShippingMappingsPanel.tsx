import { Box, Button, Flex, Input, Message, Panel, Table, Text } from '@bigcommerce/big-design';
import { useEffect, useRef, useState } from 'react';
import type { ShippingMappingInput, ShippingMethodMapping } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { EmptyState } from '../../components/EmptyState';
import { TableBox } from '../../components/TableBox';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom } from '../../lib/text';
import { navigate, useSearch } from '../../router/history';
import { parseSettingsDeepLink, SETTINGS_SECTIONS, withoutDeepLink } from './deepLink';
import { shippingMappingInput, type FieldErrors } from './forms';
import { SHIPPING_COLUMNS, ShippingRowsContext, type ShippingRows } from './shippingMappingColumns';
import { BACKEND_CODE_MAX, methodLabel, validateNewMethod } from './shippingMethods';
import { useUnsavedChanges } from '../../lib/unsavedChanges';
import { useCanManage } from './useCanManage';

export function ShippingMappingsPanel() {
  const loaded = useApiGet<ShippingMethodMapping[]>('/api/shipping-mappings');
  /** Codes saved in this visit, by method (null = removed). */
  const [saved, setSaved] = useState<Record<string, string | null>>({});
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [savingMethod, setSavingMethod] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** "Add a shipping method": one orders have not used yet (or a list from before every method was kept). */
  const [newMethod, setNewMethod] = useState('');
  const [newCode, setNewCode] = useState('');
  const [newErrors, setNewErrors] = useState<FieldErrors>({});
  /** Deep link "?mapMethod=Flat Rate": which row (or the add form) to open, and what to say. */
  const { mapMethod } = parseSettingsDeepLink(useSearch());
  const [hint, setHint] = useState<string | null>(null);
  const codeInputs = useRef(new Map<string, HTMLInputElement>());
  const newCodeInput = useRef<HTMLInputElement>(null);
  const save = useAction(async (input: ShippingMappingInput) => {
    await api.put<unknown>('/api/shipping-mappings', input);
    return input;
  });

  const codeOf = (row: ShippingMethodMapping): string | null => (Object.prototype.hasOwnProperty.call(saved, row.method) ? (saved[row.method] ?? null) : row.backendCode);
  const draftOf = (row: ShippingMethodMapping): string => drafts[row.method] ?? codeOf(row) ?? '';

  const onSave = async (row: ShippingMethodMapping) => {
    setSavingMethod(row.method);
    setNotice(null);
    const result = await save.run(shippingMappingInput(row.method, draftOf(row)));
    setSavingMethod(null);
    if (!result) return;
    setSaved((current) => ({ ...current, [row.method]: result.backendCode }));
    setHint(null);
    setDrafts(({ [row.method]: _, ...rest }) => rest);
    setNotice(
      result.backendCode
        ? `“${methodLabel(row.method)}” is now sent as ${result.backendCode}. Orders waiting for this mapping are sent now.`
        : `The mapping for “${methodLabel(row.method)}” was removed.`,
    );
  };

  const listedRows = listFrom<ShippingMethodMapping>(loaded.status === 'success' ? loaded.data : loaded.status === 'error' ? undefined : loaded.stale, 'methods');
  const canManage = useCanManage();
  // Each row saves on its own (a mapping sends the orders waiting for it at once); typed codes not
  // saved yet, or a method typed into the add form, are unsaved changes the leave guard knows about.
  const dirty = listedRows.some((row) => draftOf(row).trim() !== (codeOf(row) ?? '')) || newMethod.trim() !== '' || newCode.trim() !== '';
  useUnsavedChanges('Shipping method mappings', dirty && canManage);

  const ready = loaded.status === 'success';
  useEffect(() => {
    if (mapMethod === null || !ready) return;
    const input = codeInputs.current.get(mapMethod);
    if (input) {
      input.focus();
      setHint(`Type the warehouse code for “${methodLabel(mapMethod)}” in its row and save: orders waiting for it are sent at once.`);
    } else if (mapMethod !== '') {
      // Not listed yet (no order kept it): the add form, with the method filled in.
      setNewMethod(mapMethod);
      setNewCode('');
      newCodeInput.current?.focus();
      setHint(`Type the warehouse code for “${mapMethod}” below and add it: orders waiting for it are sent at once.`);
    }
    // Handled: a reload or a later visit must not open it again.
    navigate(`${window.location.pathname}${withoutDeepLink(window.location.search)}${window.location.hash}`, { replace: true });
  }, [mapMethod, ready]);

  const onAdd = async () => {
    const checked = validateNewMethod(
      newMethod,
      newCode,
      listedRows.map((r) => r.method),
    );
    setNewErrors(checked.ok ? {} : checked.fields);
    if (!checked.ok) return;
    setNotice(null);
    setSavingMethod(checked.input.method);
    const result = await save.run(checked.input);
    setSavingMethod(null);
    if (!result) return;
    setSaved((current) => ({ ...current, [result.method]: result.backendCode }));
    setHint(null);
    loaded.reload();
    setNewMethod('');
    setNewCode('');
    setNotice(`“${result.method}” is now sent as ${result.backendCode}. Orders waiting for this mapping are sent now.`);
  };

  const rowsContext: ShippingRows = {
    codeOf,
    draftOf,
    setDraft: (method, value) => setDrafts((current) => ({ ...current, [method]: value })),
    save: (row) => void onSave(row),
    savingMethod,
    readOnly: !canManage,
    registerInput: (method, element) => {
      if (element) codeInputs.current.set(method, element);
      else codeInputs.current.delete(method);
    },
  };

  let body;
  if (loaded.status === 'loading' && !loaded.stale) {
    body = <Loading label="Loading shipping methods…" />;
  } else if (loaded.status === 'error') {
    body = loaded.error.sessionEnded ? null : <ErrorMessage header="The shipping methods couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  } else {
    const rows = listedRows;
    body = (
      <ShippingRowsContext.Provider value={rowsContext}>
        <TableBox>
          <Table
            columns={SHIPPING_COLUMNS}
            items={rows}
            keyField="method"
            itemName={rows.length === 1 ? 'shipping method' : 'shipping methods'}
            emptyComponent={
              <EmptyState title="No shipping methods yet" message="Shipping methods appear here once orders that use them reach Fulfillment Bridge, or when you add one below." />
            }
          />
        </TableBox>
      </ShippingRowsContext.Provider>
    );
  }

  return (
    <Panel
      id={SETTINGS_SECTIONS.shippingMappings}
      header="Shipping method mappings"
      description="Tell your warehouse which carrier service to use for each checkout shipping method. Orders whose shipping method has no mapping wait in “Needs attention” and are sent as soon as you add one. Clear a code and save to remove its mapping."
    >
      {hint && !notice && <Message type="info" marginBottom="medium" messages={[{ text: hint }]} onClose={() => setHint(null)} />}
      {notice && <Message type="success" marginBottom="medium" messages={[{ text: notice }]} onClose={() => setNotice(null)} />}
      {save.error && <ErrorMessage marginBottom="medium" header="The mapping couldn't be saved" message={save.error.message} />}
      {body}
      <Box marginTop="medium">
        <Text bold marginBottom="xSmall">
          Add a shipping method
        </Text>
        <Text color="secondary60">Map a method before any order uses it, typed as checkout names it.</Text>
        <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="0.75rem" alignItems={{ mobile: 'stretch', tablet: 'flex-end' }}>
          <Input
            label="Shipping method"
            placeholder="e.g. Express Delivery"
            value={newMethod}
            disabled={!canManage}
            error={newErrors.method}
            onChange={(event) => setNewMethod(event.target.value)}
          />
          <Input
            ref={newCodeInput}
            label="Backend code"
            placeholder="e.g. UPS_NEXT_DAY"
            maxLength={BACKEND_CODE_MAX}
            value={newCode}
            disabled={!canManage}
            error={newErrors.backendCode}
            onChange={(event) => setNewCode(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void onAdd();
            }}
          />
          <Box>
            <Button
              variant="secondary"
              isLoading={savingMethod !== null && savingMethod === newMethod.trim()}
              disabled={savingMethod !== null || !canManage}
              onClick={() => void onAdd()}
            >
              Add
            </Button>
          </Box>
        </Flex>
      </Box>
    </Panel>
  );
}

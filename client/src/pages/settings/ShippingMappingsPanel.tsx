import { Badge, Box, Button, Flex, Input, Message, Panel, Table, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { ShippingMappingInput, ShippingMethodMapping } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { EmptyState } from '../../components/EmptyState';
import { TableBox } from '../../components/TableBox';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom } from '../../lib/text';
import { shippingMappingInput, type FieldErrors } from './forms';
import { BACKEND_CODE_MAX, methodLabel, NO_METHOD_LABEL, validateNewMethod } from './shippingMethods';

const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

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
  const save = useAction(async (input: ShippingMappingInput) => {
    await api.put<unknown>('/api/shipping-mappings', input);
    return input;
  });

  const codeOf = (row: ShippingMethodMapping): string | null =>
    Object.prototype.hasOwnProperty.call(saved, row.method) ? (saved[row.method] ?? null) : row.backendCode;
  const draftOf = (row: ShippingMethodMapping): string => drafts[row.method] ?? codeOf(row) ?? '';

  const onSave = async (row: ShippingMethodMapping) => {
    setSavingMethod(row.method);
    setNotice(null);
    const result = await save.run(shippingMappingInput(row.method, draftOf(row)));
    setSavingMethod(null);
    if (!result) return;
    setSaved((current) => ({ ...current, [row.method]: result.backendCode }));
    setDrafts(({ [row.method]: _, ...rest }) => rest);
    setNotice(
      result.backendCode
        ? `“${methodLabel(row.method)}” is now sent as ${result.backendCode}. Orders waiting for this mapping are sent now.`
        : `The mapping for “${methodLabel(row.method)}” was removed.`,
    );
  };

  const listedRows = listFrom<ShippingMethodMapping>(loaded.status === 'success' ? loaded.data : loaded.status === 'error' ? undefined : loaded.stale, 'methods');

  const onAdd = async () => {
    const checked = validateNewMethod(newMethod, newCode, listedRows.map((r) => r.method));
    setNewErrors(checked.ok ? {} : checked.fields);
    if (!checked.ok) return;
    setNotice(null);
    setSavingMethod(checked.input.method);
    const result = await save.run(checked.input);
    setSavingMethod(null);
    if (!result) return;
    setSaved((current) => ({ ...current, [result.method]: result.backendCode }));
    loaded.reload();
    setNewMethod('');
    setNewCode('');
    setNotice(`“${result.method}” is now sent as ${result.backendCode}. Orders waiting for this mapping are sent now.`);
  };

  const columns: Array<TableColumn<ShippingMethodMapping>> = [
    {
      hash: 'method',
      header: 'Shipping method',
      render: ({ method }) => (method === '' ? <Text as="span" color="secondary60" title="Orders whose shipping address has no shipping method">{NO_METHOD_LABEL}</Text> : method),
    },
    { hash: 'seen', header: 'Orders seen', align: 'right', width: '7rem', display: HIDE_ON_MOBILE, render: ({ ordersSeen }) => ordersSeen.toLocaleString() },
    {
      hash: 'status',
      header: 'Status',
      width: '8rem',
      display: HIDE_ON_MOBILE,
      render: (row) =>
        codeOf(row) ? (
          <Badge label="Mapped" variant="success" />
        ) : (
          <Badge label="Not mapped" variant={row.ordersSeen > 0 ? 'warning' : 'secondary'} />
        ),
    },
    {
      hash: 'code',
      header: 'Backend code',
      width: '13rem',
      render: (row) => (
        <Input
          aria-label={`Backend code for ${methodLabel(row.method)}`}
          placeholder="e.g. UPS_GROUND"
          maxLength={BACKEND_CODE_MAX}
          value={draftOf(row)}
          onChange={(event) => setDrafts((current) => ({ ...current, [row.method]: event.target.value }))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void onSave(row);
          }}
        />
      ),
    },
    {
      hash: 'save',
      header: 'Save',
      hideHeader: true,
      align: 'right',
      width: '6rem',
      render: (row) => (
        <Button
          variant="secondary"
          mobileWidth="auto"
          disabled={draftOf(row).trim() === (codeOf(row) ?? '') || (savingMethod !== null && savingMethod !== row.method)}
          isLoading={savingMethod === row.method}
          onClick={() => void onSave(row)}
        >
          Save
        </Button>
      ),
    },
  ];

  let body;
  if (loaded.status === 'loading' && !loaded.stale) {
    body = <Loading label="Loading shipping methods…" />;
  } else if (loaded.status === 'error') {
    body = loaded.error.sessionEnded ? null : (
      <ErrorMessage header="The shipping methods couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
    );
  } else {
    const rows = listedRows;
    body = (
      <TableBox>
        <Table
          columns={columns}
          items={rows}
          keyField="method"
          itemName="shipping methods"
          emptyComponent={
            <EmptyState
              title="No shipping methods yet"
              message="Shipping methods appear here once orders that use them reach Fulfillment Bridge, or when you add one below."
            />
          }
        />
      </TableBox>
    );
  }

  return (
    <Panel
      header="Shipping method mappings"
      description="Tell your warehouse which carrier service to use for each checkout shipping method. Orders whose shipping method has no mapping wait in “Needs attention” and are sent as soon as you add one. Clear a code and save to remove its mapping."
    >
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
            error={newErrors.method}
            onChange={(event) => setNewMethod(event.target.value)}
          />
          <Input
            label="Backend code"
            placeholder="e.g. UPS_NEXT_DAY"
            maxLength={BACKEND_CODE_MAX}
            value={newCode}
            error={newErrors.backendCode}
            onChange={(event) => setNewCode(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void onAdd();
            }}
          />
          <Box>
            <Button variant="secondary" isLoading={savingMethod !== null && savingMethod === newMethod.trim()} disabled={savingMethod !== null} onClick={() => void onAdd()}>
              Add
            </Button>
          </Box>
        </Flex>
      </Box>
    </Panel>
  );
}

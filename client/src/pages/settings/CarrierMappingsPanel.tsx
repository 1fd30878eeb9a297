import { Box, Button, Flex, InlineMessage, Input, Message, Panel, Select, Table, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { useState } from 'react';
import styled from 'styled-components';
import type { CarrierMapping, CarrierMappingInput } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useApiGet } from '../../api/useApiGet';
import { EmptyState } from '../../components/EmptyState';
import { useStableColumns } from '../../components/stableColumns';
import { TableBox } from '../../components/TableBox';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom, plural } from '../../lib/text';
import { useUnsavedChanges } from '../../lib/unsavedChanges';
import { useCanManage } from './useCanManage';
import { carrierDraftChanged, carrierDraftOf, carrierMappingInput, carrierSavedText, providerOptions, type CarrierDraft } from './flow-settings';

const WIDE_ONLY = { mobile: 'none', desktop: 'table-cell' } as const;
const NARROW_ONLY = { mobile: 'table-cell', desktop: 'none' } as const;
const TABLET_UP = { mobile: 'none', tablet: 'table-cell' } as const;

// On phones the carrier column is hidden and its name heads the stacked controls instead.
const PhoneHeading = styled.div`
  ${({ theme }) => theme.breakpoints.tablet} {
    display: none;
  }
`;

// Below desktop width the controls are stacked: the carrier name sits at the top of its row.
const Rows = styled.div`
  @media (max-width: 1024.98px) {
    td {
      vertical-align: top;
    }
  }
`;

const FieldError = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.danger50};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
`;

const SeenBelow = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};

  ${({ theme }) => theme.breakpoints.desktop} {
    display: none;
  }
`;

interface CarrierMappingsPanelProps {
  /** The Fulfillment flow switch: off means nothing is written back right now. */
  fulfillmentOn: boolean;
}

/** "Shipments and tracking": how each warehouse carrier is written to BigCommerce shipments. */
export function CarrierMappingsPanel({ fulfillmentOn }: CarrierMappingsPanelProps) {
  const loaded = useApiGet<{ items: CarrierMapping[] }>('/api/carrier-mappings');
  const canManage = useCanManage();
  /** The list from the newest PUT answer, which replaces the first load. */
  const [latest, setLatest] = useState<CarrierMapping[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, CarrierDraft>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [savingCarrier, setSavingCarrier] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction((input: CarrierMappingInput) => api.put<{ items: CarrierMapping[] }>('/api/carrier-mappings', input));

  const draftOf = (row: CarrierMapping): CarrierDraft => drafts[row.backendCarrier] ?? carrierDraftOf(row);
  const setDraft = (row: CarrierMapping, changes: Partial<CarrierDraft>) => {
    setDrafts((current) => ({ ...current, [row.backendCarrier]: { ...draftOf(row), ...changes } }));
    setFieldErrors(({ [row.backendCarrier]: _, ...rest }) => rest);
  };

  const onSave = async (row: CarrierMapping) => {
    setNotice(null);
    const checked = carrierMappingInput(row.backendCarrier, draftOf(row));
    if (!checked.ok) {
      setFieldErrors((current) => ({ ...current, [row.backendCarrier]: checked.fields.trackingCarrier ?? checked.fields.shippingProvider ?? 'Check this mapping.' }));
      return;
    }
    setSavingCarrier(row.backendCarrier);
    const result = await save.run(checked.input);
    setSavingCarrier(null);
    if (!result) return;
    const items = listFrom<CarrierMapping>(result, 'items');
    // An answer without the list keeps the rows, with this one updated.
    setLatest(items.length > 0 ? items : rows.map((current) => (current.backendCarrier === row.backendCarrier ? { ...current, ...checked.input } : current)));
    setDrafts(({ [row.backendCarrier]: _, ...rest }) => rest);
    setNotice(carrierSavedText(checked.input));
  };

  const busyElsewhere = (row: CarrierMapping) => savingCarrier !== null && savingCarrier !== row.backendCarrier;

  const providerSelect = (row: CarrierMapping, labelled: boolean) => (
    <Select<string | null>
      label={labelled ? 'Shipping provider' : undefined}
      aria-label={labelled ? undefined : `BigCommerce shipping provider for ${row.backendCarrier}`}
      options={providerOptions(draftOf(row).provider, row.backendCarrier)}
      value={draftOf(row).provider}
      disabled={!canManage}
      filterable={false}
      positionFixed
      onOptionChange={(value) => setDraft(row, { provider: value ?? null })}
    />
  );

  const trackingInput = (row: CarrierMapping, labelled: boolean) => (
    <div>
      <Input
        label={labelled ? 'Tracking carrier (AfterShip slug)' : undefined}
        aria-label={labelled ? undefined : `Tracking carrier for ${row.backendCarrier} (AfterShip slug)`}
        placeholder="e.g. dhl"
        value={draftOf(row).trackingCarrier}
        disabled={!canManage}
        error={fieldErrors[row.backendCarrier]}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDraft(row, { trackingCarrier: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && carrierDraftChanged(row, draftOf(row)) && !busyElsewhere(row)) void onSave(row);
        }}
      />
      {fieldErrors[row.backendCarrier] && <FieldError role="alert">{fieldErrors[row.backendCarrier]}</FieldError>}
    </div>
  );

  const saveButton = (row: CarrierMapping) => (
    <Button
      variant="secondary"
      mobileWidth="auto"
      aria-label={`Save the mapping for ${row.backendCarrier}`}
      disabled={!canManage || !carrierDraftChanged(row, draftOf(row)) || busyElsewhere(row)}
      isLoading={savingCarrier === row.backendCarrier}
      onClick={() => void onSave(row)}
    >
      Save
    </Button>
  );

  // Wide panels get one column per control; narrower ones one "Mapping" column with the
  // controls stacked and labelled, so nothing has to scroll sideways.
  const columns: Array<TableColumn<CarrierMapping>> = [
    {
      hash: 'carrier',
      header: 'Warehouse carrier',
      display: TABLET_UP,
      render: ({ backendCarrier, seen }) => (
        <>
          {backendCarrier}
          <SeenBelow>{plural(seen, 'shipment', 'shipments')} seen</SeenBelow>
        </>
      ),
    },
    {
      hash: 'seen',
      header: 'Shipments seen',
      align: 'right',
      width: '7.5rem',
      display: WIDE_ONLY,
      render: ({ seen }) => seen.toLocaleString(),
    },
    { hash: 'provider', header: 'BigCommerce shipping provider', width: '14rem', display: WIDE_ONLY, render: (row) => providerSelect(row, false) },
    { hash: 'tracking', header: 'Tracking carrier (AfterShip slug)', width: '13rem', display: WIDE_ONLY, render: (row) => trackingInput(row, false) },
    { hash: 'save', header: 'Save', hideHeader: true, align: 'right', width: '6rem', display: WIDE_ONLY, render: saveButton },
    {
      hash: 'mapping',
      header: 'Mapping',
      display: NARROW_ONLY,
      render: (row) => (
        <Flex flexDirection="column" flexGap="0.75rem" paddingVertical="xSmall">
          <PhoneHeading>
            <Text bold marginBottom="none">
              {row.backendCarrier}
            </Text>
            <SeenBelow>{plural(row.seen, 'shipment', 'shipments')} seen</SeenBelow>
          </PhoneHeading>
          {providerSelect(row, true)}
          {trackingInput(row, true)}
          <Box>{saveButton(row)}</Box>
        </Flex>
      ),
    },
  ];

  // The controls in the cells keep their focus while the merchant types (see stableColumns.ts).
  const tableColumns = useStableColumns(columns);

  const loadedRows = listFrom<CarrierMapping>(loaded.status === 'success' ? loaded.data : loaded.status === 'loading' ? loaded.stale : undefined, 'items');
  const rows = latest ?? loadedRows;
  // Each row saves on its own; edited rows not saved yet are unsaved changes the leave guard knows about.
  useUnsavedChanges('Carrier mappings', canManage && rows.some((row) => carrierDraftChanged(row, draftOf(row))));

  let body;
  if (loaded.status === 'loading' && !loaded.stale && !latest) {
    body = <Loading label="Loading carriers…" />;
  } else if (loaded.status === 'error' && !latest) {
    body = loaded.error.sessionEnded ? null : <ErrorMessage header="The carriers couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />;
  } else {
    body = (
      <Rows>
        <TableBox>
          <Table
            columns={tableColumns}
            items={rows}
            keyField="backendCarrier"
            itemName="carriers"
            emptyComponent={
              <EmptyState
                title="No carriers yet"
                message="Carriers appear here once your warehouse reports its first shipment. Until you map them, shipments get the tracking link from your warehouse."
              />
            }
          />
        </TableBox>
      </Rows>
    );
  }

  return (
    <Panel
      header="Carrier mappings"
      description="When your warehouse ships, Fulfillment Bridge creates the shipment in BigCommerce with its tracking number. Common carriers (UPS, FedEx, USPS, Royal Mail, Australia Post, Canada Post) are recognised by name; map any other carrier to a BigCommerce shipping provider so BigCommerce shows the right carrier and tracking page. Carriers you don't map fall back to a tracking link: the shipment is saved as a custom carrier with the link your warehouse sends."
    >
      {!fulfillmentOn && (
        <InlineMessage
          type="info"
          marginBottom="medium"
          messages={[{ text: 'The Fulfillment flow is off (see above): no shipments are written to BigCommerce until you turn it on.' }]}
        />
      )}
      <InlineMessage
        type="info"
        marginBottom="medium"
        messages={[
          {
            text: 'Only fill in a tracking carrier for carriers BigCommerce has no provider for, using the carrier’s AfterShip slug (for example dhl, dpd-uk or royal-mail). A tracking carrier on its own is saved as a custom carrier.',
            link: { text: 'Find a carrier’s slug', href: 'https://www.aftership.com/couriers', target: '_blank', external: true },
          },
        ]}
      />
      {notice && <Message type="success" marginBottom="medium" messages={[{ text: notice }]} onClose={() => setNotice(null)} />}
      {save.error && <ErrorMessage marginBottom="medium" header="The mapping couldn't be saved" message={save.error.message} />}
      {body}
    </Panel>
  );
}

import { Badge, Button, Flex, FlexItem, InlineMessage, Message, Panel, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { DeleteIcon, EditIcon, FileDownloadIcon, VisibilityIcon } from '@bigcommerce/big-design-icons';
import { useEffect, useMemo, useState } from 'react';
import type { SkuMapping } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { usePagedQuery } from '../../api/usePagedQuery';
import { EmptyState } from '../../components/EmptyState';
import { SearchField } from '../../components/Filters';
import { CodeText } from '../../components/CodeText';
import { Modal } from '../../components/Modal';
import { PagedTable } from '../../components/PagedTable';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { navigate, useSearch } from '../../router/history';
import { parseSettingsDeepLink, SETTINGS_SECTIONS, withoutDeepLink } from './deepLink';
import { SKU_FILTER_SPECS, SKU_QUERY_OPTIONS, skuMappingsApiPath, type SkuFilters } from './forms';
import { SkuImportModal } from './SkuImportModal';
import { SkuMappingModal } from './SkuMappingModal';
import { savedMessage, sentAsText } from './skuMappingForm';
import { READ_ONLY_TEXT } from './settingsForm';
import { useCanManage } from './useCanManage';
import { useCsvExport } from '../orders/useCsvExport';

const CONFIG = { specs: SKU_FILTER_SPECS, options: SKU_QUERY_OPTIONS, toApiPath: skuMappingsApiPath };

/** A plain mapping's warehouse SKU, or a bundle's parts with a "Bundle" badge. */
function SentAs({ mapping }: { mapping: SkuMapping }) {
  const components = mapping.components?.length ? mapping.components : [{ sku: mapping.backendSku, quantity: 1 }];
  if (components.length === 1 && components[0]!.quantity === 1) return <CodeText text={components[0]!.sku} />;
  return (
    <Flex flexDirection="row" flexWrap="wrap" alignItems="center" flexGap="0.5rem">
      <Badge variant="secondary" label="Bundle" />
      <CodeText text={sentAsText(components)} />
    </Flex>
  );
}

/** `bcSku`: the SKU a deep link ("?mapSku=LAMP-RED", from a held order) fills in. */
type Editing = { mode: 'add'; bcSku?: string } | { mode: 'edit'; mapping: SkuMapping };

export function SkuMappingsPanel() {
  const query = usePagedQuery<SkuFilters, SkuMapping>(CONFIG);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SkuMapping | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const canManage = useCanManage();
  const exporter = useCsvExport();
  const remove = useAction(async (mapping: SkuMapping) => {
    await api.delete<unknown>(`/api/sku-mappings/${mapping.id}`);
    return true;
  });
  const { search } = query.state.filters;
  const { mapSku } = parseSettingsDeepLink(useSearch());

  useEffect(() => {
    if (mapSku === null) return;
    // Only those who may change mappings get the form; others see the list (and why it is read-only).
    if (canManage) setEditing({ mode: 'add', bcSku: mapSku });
    // Handled: a reload or a later visit must not open it again.
    navigate(`${window.location.pathname}${withoutDeepLink(window.location.search)}${window.location.hash}`, { replace: true });
  }, [mapSku, canManage]);

  const done = (message: string, warnings: string[] = []) => {
    setNotice(message);
    setNotes(warnings);
    query.result.reload();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const mapping = deleting;
    setDeleting(null);
    const result = await remove.run(mapping);
    if (result) done(`The mapping for ${mapping.bcSku} was deleted.`);
  };

  // Built once (the cells only use state setters): BigDesign's Table renders `render` as a
  // component type, and new columns on every render remounted every row's actions.
  const columns: Array<TableColumn<SkuMapping>> = useMemo(
    () => [
      { hash: 'bcSku', header: 'BigCommerce SKU', render: ({ bcSku }) => <CodeText text={bcSku} /> },
      { hash: 'backendSku', header: 'Sent to the warehouse as', render: (mapping) => <SentAs mapping={mapping} /> },
      {
        hash: 'actions',
        header: 'Actions',
        hideHeader: true,
        align: 'right',
        width: '6.5rem',
        // Two buttons rather than BigDesign's Dropdown menu, whose toggle (aria-activedescendant on
        // a button) and open list (options inside a menu) fail axe's critical checks.
        render: (mapping) => (
          <Flex flexDirection="row" flexWrap="nowrap" justifyContent="flex-end">
            {canManage ? (
              <>
                <Button
                  variant="subtle"
                  mobileWidth="auto"
                  aria-label={`Edit the mapping for ${mapping.bcSku}`}
                  iconOnly={<EditIcon title={`Edit the mapping for ${mapping.bcSku}`} />}
                  onClick={() => setEditing({ mode: 'edit', mapping })}
                />
                <Button
                  variant="subtle"
                  actionType="destructive"
                  mobileWidth="auto"
                  aria-label={`Delete the mapping for ${mapping.bcSku}`}
                  iconOnly={<DeleteIcon title={`Delete the mapping for ${mapping.bcSku}`} />}
                  onClick={() => setDeleting(mapping)}
                />
              </>
            ) : (
              <Button
                variant="subtle"
                mobileWidth="auto"
                aria-label={`View the mapping for ${mapping.bcSku}`}
                iconOnly={<VisibilityIcon title={`View the mapping for ${mapping.bcSku}`} />}
                onClick={() => setEditing({ mode: 'edit', mapping })}
              />
            )}
          </Flex>
        ),
      },
    ],
    [canManage],
  );

  const empty = search ? (
    <EmptyState title={`No mapping matches “${search}”`} message="Check the SKU and search again, or clear the search to see every mapping." />
  ) : (
    <EmptyState title="No SKU mappings yet" message="That's fine if your warehouse uses the same SKUs as your store: every SKU is sent unchanged until you map it." />
  );

  return (
    <Panel
      id={SETTINGS_SECTIONS.skuMappings}
      header="SKU mappings"
      description="Use these when your warehouse knows a product by a different SKU, or sends it as a bundle of several (a kit). SKUs without a mapping are sent unchanged."
      action={canManage ? { text: 'Add mapping', onClick: () => setEditing({ mode: 'add' }) } : undefined}
    >
      {!canManage && <InlineMessage type="info" marginBottom="medium" messages={[{ text: READ_ONLY_TEXT }]} />}
      <div role="status" aria-live="polite">
        {notice && <Message type="success" marginBottom="medium" messages={[{ text: notice }]} onClose={() => setNotice(null)} />}
      </div>
      {notes.length > 0 && <Message type="warning" marginBottom="medium" messages={notes.map((text) => ({ text }))} onClose={() => setNotes([])} />}
      {exporter.error && <ErrorMessage marginBottom="medium" header="The mappings couldn't be exported" message={exporter.error.message} />}
      {remove.error && <ErrorMessage marginBottom="medium" header="The mapping couldn't be deleted" message={remove.error.message} />}
      <Flex flexDirection="row" flexWrap="wrap" flexGap="1rem" alignItems="center" marginBottom="medium">
        <FlexItem flexGrow={1} flexBasis={{ mobile: '100%', tablet: '18rem' }}>
          <SearchField label="Search SKU mappings" placeholder="Search by SKU" value={search} onSearch={(value) => query.setFilters({ search: value })} />
        </FlexItem>
        <Button variant="secondary" marginBottom="xxSmall" iconLeft={<FileDownloadIcon />} isLoading={exporter.busy} onClick={() => void exporter.run('/api/sku-mappings/export')}>
          Export CSV
        </Button>
        {canManage && (
          <Button variant="secondary" marginBottom="xxSmall" onClick={() => setImporting(true)}>
            Import CSV
          </Button>
        )}
      </Flex>
      <PagedTable
        query={query}
        columns={columns}
        itemName="mappings"
        errorHeader="The SKU mappings couldn't be loaded"
        loadingLabel="Loading SKU mappings…"
        emptyComponent={empty}
      />
      {editing && (
        <SkuMappingModal
          mapping={editing.mode === 'edit' ? editing.mapping : null}
          initialBcSku={editing.mode === 'add' ? editing.bcSku : undefined}
          readOnly={!canManage}
          onClose={() => setEditing(null)}
          onSaved={(mapping) => {
            setEditing(null);
            done(savedMessage(mapping), mapping.notes ?? []);
          }}
        />
      )}
      {importing && <SkuImportModal onClose={() => setImporting(false)} onImported={() => query.result.reload()} />}
      <Modal
        isOpen={deleting !== null}
        variant="dialog"
        header="Delete this mapping?"
        onClose={() => setDeleting(null)}
        closeOnEscKey
        actions={[
          { text: 'Cancel', variant: 'subtle', onClick: () => setDeleting(null) },
          { text: 'Delete', actionType: 'destructive', isLoading: remove.busy, onClick: () => void confirmDelete() },
        ]}
      >
        <Text>
          Orders containing <strong>{deleting?.bcSku}</strong> will be sent to your warehouse with that SKU unchanged instead of{' '}
          <strong>{deleting ? sentAsText(deleting.components ?? [{ sku: deleting.backendSku, quantity: 1 }]) : ''}</strong>.
        </Text>
      </Modal>
    </Panel>
  );
}

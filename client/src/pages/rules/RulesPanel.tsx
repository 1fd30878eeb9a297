import { InlineMessage, Message, Panel, Text } from '@bigcommerce/big-design';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { OrderRule } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { EmptyState } from '../../components/EmptyState';
import { Modal } from '../../components/Modal';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { CONFLICT_TEXT, READ_ONLY_TEXT } from '../settings/settingsForm';
import { useCanManage } from '../settings/useCanManage';
import { RuleEditorModal } from './RuleEditorModal';
import { createRulesStore } from './rulesStore';
import { RulesTable } from './RulesTable';

const DESCRIPTION =
  'Checked before an order is sent, from the top: the first rule that matches decides. Hold keeps the order in the app until you release it (or change the rule); Skip never sends it. Try a rule on a real order before saving it.';

/** Settings › Orders and rules › Order rules: the list in evaluation order, add / edit / delete / move / on-off. */
export function RulesPanel() {
  const store = useMemo(() => createRulesStore(api), []);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const canManage = useCanManage();
  const [editing, setEditing] = useState<{ rule: OrderRule | null } | null>(null);
  const [deleting, setDeleting] = useState<OrderRule | null>(null);

  useEffect(() => {
    void store.load();
  }, [store]);

  const confirmDelete = async () => {
    if (!deleting) return;
    await store.remove(deleting);
    setDeleting(null);
  };

  let body;
  if (state.status === 'loading') body = <Loading label="Loading order rules…" />;
  else if (state.status === 'error')
    body = <ErrorMessage header="The order rules couldn't be loaded" message={state.loadError?.message ?? 'Try again.'} onRetry={() => void store.load()} />;
  else if (state.rules.length === 0) body = <EmptyState title="No order rules" message="Every order that reaches the import status is sent to your warehouse." />;
  else
    body = (
      <RulesTable
        rules={state.rules}
        actions={{
          canManage,
          busyId: state.busyId,
          onEdit: (rule) => setEditing({ rule }),
          onDelete: setDeleting,
          onToggle: (rule) => void store.setEnabled(rule, !rule.enabled),
          onMove: (rule, direction) => void store.move(rule, direction),
        }}
      />
    );

  return (
    <Panel
      header="Order rules"
      description={DESCRIPTION}
      action={canManage && state.status === 'ready' ? { text: 'Add rule', variant: 'secondary', onClick: () => setEditing({ rule: null }) } : undefined}
    >
      {!canManage && <Text color="secondary60">{READ_ONLY_TEXT}</Text>}
      <div role="status" aria-live="polite">
        {state.notice?.type === 'success' && <Message type="success" marginBottom="medium" messages={[{ text: state.notice.text }]} onClose={store.dismissNotice} />}
      </div>
      {state.notice?.type === 'error' && <InlineMessage type="error" marginBottom="medium" header="Not changed" messages={[{ text: state.notice.text }]} />}
      {state.conflict && (
        <InlineMessage
          type="warning"
          marginBottom="medium"
          header={CONFLICT_TEXT}
          messages={[{ text: 'Nothing was changed. Reload to see the rules as they are now, then try again.' }]}
          actions={[{ text: 'Reload', variant: 'secondary', onClick: () => void store.load() }]}
        />
      )}
      {body}
      {editing && <RuleEditorModal store={store} rule={editing.rule} onClose={() => setEditing(null)} onReopen={(rule) => setEditing(rule ? { rule } : null)} />}
      <Modal
        isOpen={deleting !== null}
        variant="dialog"
        header="Delete this rule?"
        onClose={() => setDeleting(null)}
        closeOnEscKey
        actions={[
          { text: 'Cancel', variant: 'subtle', onClick: () => setDeleting(null) },
          { text: 'Delete', actionType: 'destructive', isLoading: state.busyId !== null, onClick: () => void confirmDelete() },
        ]}
      >
        <Text>
          <strong>{deleting?.name}</strong> stops applying to new orders.{' '}
          {deleting && deleting.ordersAffected > 0
            ? `The ${deleting.ordersAffected === 1 ? 'order' : `${deleting.ordersAffected} orders`} it ${deleting.action === 'hold' ? 'holds' : 'skipped'} ${deleting.ordersAffected === 1 ? 'is' : 'are'} checked again and sent unless another rule stops them.`
            : 'No order is held or skipped by it now.'}
        </Text>
      </Modal>
    </Panel>
  );
}

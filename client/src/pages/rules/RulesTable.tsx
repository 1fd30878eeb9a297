import { Badge, Button, Flex, Small, Table, Text, type TableColumn } from '@bigcommerce/big-design';
import { ArrowDownwardIcon, ArrowUpwardIcon, DeleteIcon, EditIcon } from '@bigcommerce/big-design-icons';
import styled from 'styled-components';
import type { OrderRule } from '../../../../server/api/contract';
import { AppLink } from '../../components/AppLink';
import { TableBox } from '../../components/TableBox';
import { ACTION_LABELS, affectedOrdersHref, affectedText, describeConditions } from './ruleWords';

export interface RuleRowActions {
  canManage: boolean;
  busyId: number | null;
  onEdit(rule: OrderRule): void;
  onDelete(rule: OrderRule): void;
  onToggle(rule: OrderRule): void;
  onMove(rule: OrderRule, direction: -1 | 1): void;
}

// The rule's sentence is what the merchant reads: it keeps a readable width next to the buttons.
const RuleText = styled.div`
  min-width: 12rem;
`;

function RuleCell({ rule, index }: { rule: OrderRule; index: number }) {
  return (
    <RuleText>
      <Text bold marginBottom="none">
        {index + 1}. {rule.name}
        <Small as="span" color="secondary60">
          {' '}
          · {rule.enabled ? 'On' : 'Off'}
          {rule.builtIn ? ' · built in' : ''}
        </Small>
      </Text>
      <Small marginBottom="none">{describeConditions(rule.conditions)}</Small>
    </RuleText>
  );
}

function RowButtons({ rule, index, count, a }: { rule: OrderRule; index: number; count: number; a: RuleRowActions }) {
  const busy = a.busyId !== null;
  return (
    // Wraps on narrow panels (1024 px) rather than pushing Edit and Delete out of sight.
    <Flex flexDirection="row" flexWrap="wrap" justifyContent="flex-end" alignItems="center">
      <Button
        variant="subtle"
        mobileWidth="auto"
        disabled={busy}
        isLoading={a.busyId === rule.id}
        onClick={() => a.onToggle(rule)}
        aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} rule ${rule.name}`}
      >
        {rule.enabled ? 'Turn off' : 'Turn on'}
      </Button>
      <Button
        variant="subtle"
        mobileWidth="auto"
        disabled={busy || index === 0}
        aria-label={`Move rule ${rule.name} up`}
        iconOnly={<ArrowUpwardIcon title={`Move rule ${rule.name} up`} />}
        onClick={() => a.onMove(rule, -1)}
      />
      <Button
        variant="subtle"
        mobileWidth="auto"
        disabled={busy || index === count - 1}
        aria-label={`Move rule ${rule.name} down`}
        iconOnly={<ArrowDownwardIcon title={`Move rule ${rule.name} down`} />}
        onClick={() => a.onMove(rule, 1)}
      />
      {!rule.builtIn && (
        <>
          <Button
            variant="subtle"
            mobileWidth="auto"
            disabled={busy}
            aria-label={`Edit rule ${rule.name}`}
            iconOnly={<EditIcon title={`Edit rule ${rule.name}`} />}
            onClick={() => a.onEdit(rule)}
          />
          <Button
            variant="subtle"
            actionType="destructive"
            mobileWidth="auto"
            disabled={busy}
            aria-label={`Delete rule ${rule.name}`}
            iconOnly={<DeleteIcon title={`Delete rule ${rule.name}`} />}
            onClick={() => a.onDelete(rule)}
          />
        </>
      )}
    </Flex>
  );
}

/** The rules in evaluation order: what each matches in words, its action, on/off, the orders it holds. */
export function RulesTable({ rules, actions }: { rules: OrderRule[]; actions: RuleRowActions }) {
  const indexOf = (rule: OrderRule) => rules.findIndex((r) => r.id === rule.id);
  const columns: Array<TableColumn<OrderRule>> = [
    { hash: 'rule', header: 'Rule', render: (rule) => <RuleCell rule={rule} index={indexOf(rule)} /> },
    {
      hash: 'action',
      header: 'Action',
      width: '5rem',
      render: (rule) => <Badge variant={rule.action === 'hold' ? 'warning' : 'secondary'} label={ACTION_LABELS[rule.action]} />,
    },
    {
      hash: 'affected',
      header: 'Orders now',
      width: '7rem',
      render: (rule) =>
        rule.ordersAffected > 0 ? (
          <AppLink to={affectedOrdersHref(rule.action)}>{affectedText(rule)}</AppLink>
        ) : (
          <Text marginBottom="none" color="secondary60">
            None
          </Text>
        ),
    },
  ];
  if (actions.canManage) {
    columns.push({
      hash: 'actions',
      header: 'Actions',
      hideHeader: true,
      align: 'right',
      render: (rule) => <RowButtons rule={rule} index={indexOf(rule)} count={rules.length} a={actions} />,
    });
  }
  return (
    <TableBox busy={actions.busyId !== null}>
      <Table columns={columns} items={rules} keyField="id" stickyHeader={false} />
    </TableBox>
  );
}

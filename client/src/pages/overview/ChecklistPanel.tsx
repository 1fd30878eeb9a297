import { Panel, Small, Text } from '@bigcommerce/big-design';
import { CheckCircleIcon, RadioButtonUncheckedIcon } from '@bigcommerce/big-design-icons';
import styled from 'styled-components';
import type { ChecklistItem } from '../../../../server/api/contract';
import { navigate } from '../../router/history';
import { checklistProgress } from './format';

const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const Row = styled.li`
  display: flex;
  align-items: flex-start;
  gap: ${({ theme }) => theme.spacing.small};
  padding: ${({ theme }) => theme.spacing.small} 0;
  border-top: 1px solid ${({ theme }) => theme.colors.secondary30};

  &:first-child {
    border-top: none;
    padding-top: 0;
  }

  &:last-child {
    padding-bottom: 0;
  }

  > svg {
    flex-shrink: 0;
    margin-top: ${({ theme }) => theme.spacing.xxSmall};
  }
`;

export function ChecklistPanel({ items }: { items: readonly ChecklistItem[] }) {
  const progress = checklistProgress(items);
  const complete = progress.total > 0 && progress.done === progress.total;

  return (
    <Panel
      header="Getting started"
      description={progress.label}
      badge={complete ? { label: 'Complete', variant: 'success' } : undefined}
      action={complete ? undefined : { text: 'Go to settings', variant: 'secondary', onClick: () => navigate('/settings') }}
    >
      <List>
        {items.map((item) => (
          <Row key={item.id}>
            {item.done ? (
              <CheckCircleIcon color="success" size="xLarge" title="Done" />
            ) : (
              <RadioButtonUncheckedIcon color="secondary40" size="xLarge" title="Not done yet" />
            )}
            <div>
              <Text bold marginBottom="none">
                {item.title}
              </Text>
              <Small marginBottom="none">{item.description}</Small>
            </div>
          </Row>
        ))}
      </List>
    </Panel>
  );
}

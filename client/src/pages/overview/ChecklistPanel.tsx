import { Panel, Small, Text } from '@bigcommerce/big-design';
import { CheckCircleIcon, RadioButtonUncheckedIcon } from '@bigcommerce/big-design-icons';
import styled from 'styled-components';
import type { ChecklistItem } from '../../../../server/api/contract';
import { navigate } from '../../router/history';
import { settingsPathForChecklist } from '../settings/sections';
import { checklistProgress } from './format';
import { setupFinished } from '../setup/setupSteps';

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

// Until the warehouse is connected and the import status confirmed, the guided setup is the way.
function checklistAction(items: readonly ChecklistItem[], complete: boolean) {
  if (!setupFinished(items)) return { text: 'Continue setup', variant: 'primary' as const, onClick: () => navigate('/setup') };
  const path = settingsPathForChecklist(items.find((item) => !item.done)?.id);
  return complete ? undefined : { text: 'Go to settings', variant: 'secondary' as const, onClick: () => navigate(path) };
}

export function ChecklistPanel({ items }: { items: readonly ChecklistItem[] }) {
  const progress = checklistProgress(items);
  const complete = progress.total > 0 && progress.done === progress.total;

  return (
    <Panel header="Getting started" description={progress.label} badge={complete ? { label: 'Complete', variant: 'success' } : undefined} action={checklistAction(items, complete)}>
      <List>
        {items.map((item) => (
          <Row key={item.id}>
            {item.done ? <CheckCircleIcon color="success" size="xLarge" title="Done" /> : <RadioButtonUncheckedIcon color="secondary40" size="xLarge" title="Not done yet" />}
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

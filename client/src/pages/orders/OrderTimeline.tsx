import { Text } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { TimelineEntry } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { LevelBadge } from '../../components/StatusBadges';
import { sortTimeline } from './query';

const List = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const Entry = styled.li`
  display: grid;
  grid-template-columns: 1fr;
  gap: ${({ theme }) => theme.spacing.xxSmall};
  padding: ${({ theme }) => theme.spacing.small} 0;
  border-top: 1px solid ${({ theme }) => theme.colors.secondary30};

  &:first-child {
    border-top: none;
    padding-top: 0;
  }

  ${({ theme }) => theme.breakpoints.tablet} {
    grid-template-columns: 11rem 5.5rem minmax(0, 1fr);
    column-gap: ${({ theme }) => theme.spacing.medium};
    align-items: baseline;
  }
`;

const When = styled.div`
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
`;

const Detail = styled.p`
  margin: 0;
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
  white-space: pre-wrap;
  overflow-wrap: anywhere;
`;

/** What happened to an order, oldest first. */
export function OrderTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) {
    return (
      <Text color="secondary60" marginBottom="none">
        Nothing has happened to this order yet.
      </Text>
    );
  }
  return (
    <List>
      {sortTimeline(entries).map((entry) => (
        <Entry key={entry.id}>
          <When>
            <DateTime iso={entry.at} />
          </When>
          <div>
            <LevelBadge level={entry.level} />
          </div>
          <div>
            <Text marginBottom="none">{entry.message}</Text>
            {entry.detail && <Detail>{entry.detail}</Detail>}
          </div>
        </Entry>
      ))}
    </List>
  );
}

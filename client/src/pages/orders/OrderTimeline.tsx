import { Text } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { TimelineEntry } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { LevelBadge } from '../../components/StatusBadges';
import { timelineRepeatText } from './orderText';
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

const Repeats = styled.p`
  margin: 0;
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
`;

const Pending = styled(Entry)`
  color: ${({ theme }) => theme.colors.secondary60};
  font-style: italic;
`;

interface OrderTimelineProps {
  entries: readonly TimelineEntry[];
  /** What happens next ("Next attempt at 10:52 (attempt 3)"), shown as the last line. */
  next?: string | null;
  now: Date;
}

/** What happened to an order, oldest first; identical repeats arrive folded ("7 times since 10:40 · last 10:51"). */
export function OrderTimeline({ entries, next = null, now }: OrderTimelineProps) {
  if (entries.length === 0 && !next) {
    return (
      <Text color="secondary60" marginBottom="none">
        Nothing has happened to this order yet.
      </Text>
    );
  }
  return (
    <List>
      {sortTimeline(entries).map((entry) => {
        const repeats = timelineRepeatText(entry, now);
        return (
          <Entry key={entry.id}>
            <When>
              <DateTime iso={entry.at} />
            </When>
            <div>
              <LevelBadge level={entry.level} />
            </div>
            <div>
              <Text marginBottom="none">{entry.message}</Text>
              {repeats && <Repeats>{repeats}</Repeats>}
              {entry.detail && <Detail>{entry.detail}</Detail>}
            </div>
          </Entry>
        );
      })}
      {next && (
        <Pending>
          <When>Next</When>
          <div />
          <div>{next}</div>
        </Pending>
      )}
    </List>
  );
}

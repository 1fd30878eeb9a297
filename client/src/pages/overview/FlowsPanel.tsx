import { Badge, Panel, Small } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { BacklogView, FlowHealth } from '../../../../server/api/contract';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { LightTable, type LightColumn } from '../../components/LightTable';
import { TableBox } from '../../components/TableBox';
import { backlogText, flowCountText, flowHealthBadge } from './health';

// Badges and counts never break inside ("Shipments and tracking" may wrap between words only).
const NoWrap = styled.span`
  white-space: nowrap;
`;

const Reason = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
`;

const Problems = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;

  li + li {
    margin-top: ${({ theme }) => theme.spacing.xxSmall};
  }
`;

const COLUMNS: Array<LightColumn<FlowHealth>> = [
  {
    hash: 'flow',
    header: 'Flow',
    render: (f) => (
      <>
        <strong>{f.title}</strong>
        {!f.enabled && <Reason>Switched off in Settings</Reason>}
      </>
    ),
  },
  {
    hash: 'health',
    header: 'Status',
    // The reason is the row's news: room for it on one or two lines.
    width: '35%',
    render: (f) => {
      const badge = flowHealthBadge(f.health);
      return (
        <>
          <NoWrap>
            <Badge label={badge.label} variant={badge.variant} />
          </NoWrap>
          {f.reason && <Reason>{f.reason}</Reason>}
        </>
      );
    },
  },
  {
    // One column for what got done, so the table fits 1024 px without clipping or scrolling.
    hash: 'done',
    header: 'Done',
    render: (f) => (
      <>
        <NoWrap>{flowCountText(f, f.today)} today</NoWrap>
        <Reason>
          {f.last7Days.toLocaleString('en-US')} in the last 7 days
          <br />
          Last: <DateTime iso={f.lastSuccessAt} fallback="none yet" />
        </Reason>
      </>
    ),
  },
  {
    hash: 'problems',
    header: 'Open problems',
    render: (f) =>
      f.problems.length === 0 ? (
        <Small color="secondary60" marginBottom="none">
          None
        </Small>
      ) : (
        <Problems>
          {f.problems.map((p) => (
            <li key={p.path}>
              <AppLink to={p.path}>{p.label}</AppLink>
            </li>
          ))}
        </Problems>
      ),
  },
];

/** One row per flow: on/off, health with its reason, last success, counts and open problems. */
export function FlowsPanel({ flows, backlog, now }: { flows: FlowHealth[]; backlog: BacklogView; now: number }) {
  return (
    <Panel header="Health at a glance" description={backlogText(backlog, now)}>
      <TableBox>
        <LightTable columns={COLUMNS} items={flows} keyOf={(f) => f.flow} caption="Health of each flow" />
      </TableBox>
    </Panel>
  );
}

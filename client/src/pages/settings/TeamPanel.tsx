import { Form, Panel, Switch, Table, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { useRef, useState } from 'react';
import styled from 'styled-components';
import type { TeamMember, TeamResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { BreakableText } from '../../components/BreakableText';
import { DateTime } from '../../components/DateTime';
import { useStableColumns } from '../../components/stableColumns';
import { TableBox } from '../../components/TableBox';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { FormActions } from './FormActions';
import { changedPermissions, OWNER_ONLY_NOTE, ROLE_LABEL, savedPermissions, teamSavedText, yourAccessText, type PermissionChange, type TeamPermissions } from './team';
import { useSettingsForm } from './useSettingsForm';

const SwitchRow = styled.div`
  display: flex;
  align-items: center;
  gap: ${({ theme }) => theme.spacing.small};
  white-space: nowrap;
`;

const State = styled.span`
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
`;

const Member = styled.span`
  display: block;
  min-width: 10rem;
`;

// Below desktop width the date goes under the e-mail, so the switches stay in view.
const AddedBelow = styled.span`
  display: block;
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};

  ${({ theme }) => theme.breakpoints.desktop} {
    display: none;
  }
`;

const DESKTOP_UP = { mobile: 'none', desktop: 'table-cell' } as const;

const You = styled.span`
  color: ${({ theme }) => theme.colors.secondary60};
`;

const DESCRIPTION =
  'Everyone who has opened Fulfillment Bridge for this store. The store owner chooses who may change the connection, flows, rules, mappings and settings; everyone can view, retry orders and replay webhooks.';

/** Settings › Team (issue 9 point 9): who is on the team and who may change settings. */
export function TeamPanel() {
  const loaded = useApiGet<TeamResponse>('/api/team');
  const [latest, setLatest] = useState<TeamResponse | null>(null);
  const team = latest ?? (loaded.status === 'success' ? loaded.data : null);
  return (
    <Panel header="Members" description={DESCRIPTION}>
      {loaded.status === 'loading' && !team && <Loading label="Loading the team…" />}
      {loaded.status === 'error' && !team && !loaded.error.sessionEnded && (
        <ErrorMessage header="The team couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
      )}
      {team && (
        <TeamForm
          team={team}
          onSaved={setLatest}
          reload={() => {
            setLatest(null);
            loaded.reload();
          }}
        />
      )}
    </Panel>
  );
}

/**
 * The one save model, like every Settings form: switching is pending until Save (Cancel puts it
 * back, the leave guard knows), so access is never granted or taken by a stray click.
 */
function TeamForm({ team, onSaved, reload }: { team: TeamResponse; onSaved(t: TeamResponse): void; reload(): void }) {
  const saved = savedPermissions(team.members);
  const lastChanges = useRef<PermissionChange[]>([]);
  const form = useSettingsForm<TeamPermissions, TeamResponse>({
    name: 'Team',
    saved,
    save: async (values) => {
      const changes = changedPermissions(saved, values);
      lastChanges.current = changes;
      try {
        for (const c of changes) await api.put<TeamMember>(`/api/team/${c.userId}`, { canManage: c.canManage });
      } catch (err) {
        // Some may have been saved before the failure: show what the server holds now.
        onSaved(await api.get<TeamResponse>('/api/team').catch(() => team));
        throw err;
      }
      return api.get<TeamResponse>('/api/team');
    },
    onSaved,
    savedText: (result) => teamSavedText(lastChanges.current, result.members),
    reload,
    readOnly: !team.canEdit,
  });
  const you = team.members.find((m) => m.you);

  const columns: Array<TableColumn<TeamMember>> = [
    {
      hash: 'member',
      header: 'Member',
      render: (m) => (
        <Member>
          <BreakableText text={m.email} />
          {m.you && <You> (you)</You>}
          <AddedBelow>
            Added <DateTime iso={m.addedAt} />
          </AddedBelow>
        </Member>
      ),
    },
    { hash: 'role', header: 'Role', width: '8rem', render: (m) => ROLE_LABEL[m.role] },
    {
      hash: 'manage',
      header: 'Can change settings',
      render: (m) => {
        const owner = m.role === 'owner';
        const on = owner || Boolean(form.values[String(m.userId)]);
        const pending = !owner && form.dirty && on !== m.canManage;
        return (
          <SwitchRow>
            <Switch
              role="switch"
              checked={on}
              aria-checked={on}
              aria-label={`${m.email} can change settings`}
              disabled={owner || form.readOnly || form.busy}
              onChange={(event) => form.edit({ [String(m.userId)]: event.target.checked })}
            />
            <State>{owner ? 'Always' : pending ? (on ? 'Allowed when saved' : 'Not allowed when saved') : on ? 'Yes' : 'No'}</State>
          </SwitchRow>
        );
      },
    },
    { hash: 'added', header: 'Added', width: '11rem', display: DESKTOP_UP, render: (m) => <DateTime iso={m.addedAt} /> },
  ];
  const stable = useStableColumns(columns);

  return (
    <Form onSubmit={(event) => void form.submit(event)}>
      <TableBox>
        <Table columns={stable} items={team.members} keyField="userId" itemName="members" />
      </TableBox>
      {form.readOnly && (
        <Text color="secondary60" marginTop="medium">
          {OWNER_ONLY_NOTE} {you ? yourAccessText(you.canManage) : ''}
        </Text>
      )}
      {!form.readOnly && (
        <Text color="secondary60" marginTop="medium">
          People appear here the first time they open the app from the BigCommerce control panel (give them access under Settings › Users in BigCommerce). They start without
          permission to change settings.
        </Text>
      )}
      <FormActions form={form} />
    </Form>
  );
}

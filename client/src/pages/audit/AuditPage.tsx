import { Panel, Select } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { lazy, Suspense, useMemo, useState } from 'react';
import styled from 'styled-components';
import type { AuditEntry, AuditFiltersResponse } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { usePagedQuery } from '../../api/usePagedQuery';
import { BreakableText } from '../../components/BreakableText';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, DateRangeFilters, FilterBar, FilterItem } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { ChangesCell } from './ChangesCell';
import { actionChoices, actorText, actionLabel, personChoices } from './format';
import { AUDIT_FILTER_SPECS, auditApiPath, type AuditFilters } from './query';

// The full before/after (and its JSON viewer) loads only when an entry is opened.
const AuditChangeModal = lazy(() => import('./AuditChangeModal'));

const CONFIG = { specs: AUDIT_FILTER_SPECS, toApiPath: auditApiPath };
const DESKTOP_UP = { mobile: 'none', desktop: 'table-cell' } as const;

// A few words per line at least: a subject squeezed to one word per line makes tall rows.
const Subject = styled.span`
  display: block;
  min-width: 9rem;
`;
const Who = styled.span`
  display: block;
  min-width: 7rem;
`;
// "Changed the e-mail notifications" on two lines at most, not one word per line.
const What = styled.span`
  display: block;
  min-width: 11rem;
`;
// Below desktop width there is no room for five columns (Before → after would scroll out of
// sight): who goes under when, and the subject under what.
const Below = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};

  ${({ theme }) => theme.breakpoints.desktop} {
    display: none;
  }
`;

/** Audit log (issue 9 point 9): who changed what, when, and before → after. Every member may read it. */
export function AuditPage() {
  const query = usePagedQuery<AuditFilters, AuditEntry>(CONFIG);
  const choices = useApiGet<AuditFiltersResponse>('/api/audit/filters');
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const { filters } = query.state;

  const known = choices.status === 'success' ? choices.data : { actions: [], people: [] };
  const actionOptions = [{ value: '', content: 'All actions' }, ...actionChoices(known.actions, filters.action)];
  const personOptions = [{ value: '', content: 'Everyone' }, ...personChoices(known.people, filters.userId)];

  // Built once: BigDesign's Table uses each render function as a component type (see WebhooksPage).
  const columns = useMemo<Array<TableColumn<AuditEntry>>>(
    () => [
      {
        hash: 'at',
        header: 'When',
        width: '11rem',
        render: ({ at, actor }) => (
          <>
            <DateTime iso={at} />
            <Below>
              <BreakableText text={actorText(actor)} />
            </Below>
          </>
        ),
      },
      {
        hash: 'who',
        header: 'Who',
        display: DESKTOP_UP,
        render: ({ actor }) => (
          <Who>
            <BreakableText text={actorText(actor)} />
          </Who>
        ),
      },
      {
        hash: 'what',
        header: 'What',
        render: ({ action, subject }) => (
          <What>
            {actionLabel(action)}
            {subject && (
              <Below>
                <BreakableText text={subject} />
              </Below>
            )}
          </What>
        ),
      },
      { hash: 'subject', header: 'Subject', display: DESKTOP_UP, render: ({ subject }) => <Subject>{subject ? <BreakableText text={subject} /> : '—'}</Subject> },
      { hash: 'changes', header: 'Before → after', render: (entry) => <ChangesCell entry={entry} onView={setOpen} /> },
    ],
    [],
  );

  const empty = query.filtered ? (
    <EmptyState title="Nothing matches these filters" message="Try another action, person or date range." action={<ClearFiltersButton onClick={query.clear} />} />
  ) : (
    <EmptyState
      title="No changes recorded yet"
      message="Every settings change, mapping import, rule change, replay and manual action is recorded here: who did it, when, and what it changed."
    />
  );

  return (
    <Panel header="Audit log" description="Who changed what in Fulfillment Bridge, newest first, with the values before and after. Times are in your time zone.">
      <FilterBar>
        <FilterItem width="16rem">
          <Select label="Action" options={actionOptions} value={filters.action} onOptionChange={(action) => query.setFilters({ action: action ?? '' })} />
        </FilterItem>
        <FilterItem width="14rem">
          <Select label="Person" options={personOptions} value={filters.userId} onOptionChange={(userId) => query.setFilters({ userId: userId ?? '' })} />
        </FilterItem>
        <DateRangeFilters range={filters} onChange={(range) => query.setFilters({ from: range.from, to: range.to })} />
        {query.filtered && <ClearFiltersButton onClick={query.clear} />}
      </FilterBar>
      <PagedTable
        query={query}
        columns={columns}
        itemName="entries"
        itemNameOne="entry"
        errorHeader="The audit log couldn't be loaded"
        loadingLabel="Loading the audit log…"
        emptyComponent={empty}
      />
      {open && (
        <Suspense fallback={null}>
          <AuditChangeModal entry={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </Panel>
  );
}

import { Button } from '@bigcommerce/big-design';
import styled from 'styled-components';
import { BreakableText } from '../../components/BreakableText';
import type { AuditEntry } from '../../../../server/api/contract';
import { actionLabel, changeLine, changeRows } from './format';

/** Lines shown in the table before "View changes" takes over. */
const MAX_LINES = 3;
const LINE_CHARS = 90;

const Lines = styled.ul`
  margin: 0;
  padding: 0;
  list-style: none;
  min-width: 14rem;
`;

const clip = (text: string) => (text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 1)}…` : text);

/**
 * Before → after in the table: one line per changed field ("Recipients: a → a, b"). Large or many
 * values show a summary and "View changes", which opens the full before/after (loaded on demand).
 */
export function ChangesCell({ entry, onView }: { entry: AuditEntry; onView(entry: AuditEntry): void }) {
  const rows = changeRows(entry.before, entry.after);
  if (rows.length === 0) return <>—</>;
  const lines = rows.slice(0, MAX_LINES).map(changeLine);
  const more = rows.length > MAX_LINES || rows.some((r) => r.large) || lines.some((l) => l.length > LINE_CHARS);
  return (
    <>
      <Lines>
        {lines.map((line, i) => (
          <li key={rows[i]!.field} title={line.length > LINE_CHARS ? line : undefined}>
            <BreakableText text={clip(line)} />
          </li>
        ))}
        {rows.length > MAX_LINES && <li>and {rows.length - MAX_LINES} more</li>}
      </Lines>
      {more && (
        <Button type="button" variant="subtle" mobileWidth="auto" onClick={() => onView(entry)} aria-label={`View changes: ${entry.subject ?? actionLabel(entry.action)}`}>
          View changes
        </Button>
      )}
    </>
  );
}

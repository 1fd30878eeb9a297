import { Box, H3, Small } from '@bigcommerce/big-design';
import type { AuditEntry } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { JsonBlock } from '../../components/JsonBlock';
import { Modal } from '../../components/Modal';
import { actionLabel, actorText, changeRows, fullChangeLine } from './format';

/**
 * One audit entry in full: every changed field, then the recorded before and after as JSON (the
 * JSON viewer loads only when this opens, like the order page's payload). Loaded on first use.
 */
export default function AuditChangeModal({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const rows = changeRows(entry.before, entry.after);
  return (
    <Modal isOpen header={actionLabel(entry.action)} onClose={onClose} closeOnEscKey closeOnClickOutside actions={[{ text: 'Close', onClick: onClose }]}>
      <Small marginBottom="medium">
        {actorText(entry.actor)}, <DateTime iso={entry.at} />
        {entry.subject ? ` · ${entry.subject}` : ''}
      </Small>
      {rows.length > 0 && (
        <Box marginBottom="medium">
          <H3>What changed</H3>
          <ul>
            {rows.map((r) => (
              <li key={r.field} style={{ overflowWrap: 'anywhere' }}>
                {fullChangeLine(r)}
              </li>
            ))}
          </ul>
        </Box>
      )}
      <H3>Before</H3>
      <Box marginBottom="medium">
        <JsonBlock value={entry.before} label={`Before, entry ${entry.id}`} emptyText="Nothing was recorded before this action." maxHeight="16rem" />
      </Box>
      <H3>After</H3>
      <JsonBlock value={entry.after} label={`After, entry ${entry.id}`} emptyText="Nothing was recorded after this action." maxHeight="16rem" />
    </Modal>
  );
}

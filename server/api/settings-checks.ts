import { AppError } from '../errors.js';
import type { StoreSettings } from '../storage/settings-repo.js';

// Status settings that contradict each other (issue 9 point 8). Checked on the values as they
// would be after the change: a PUT of one field is checked against the others already saved, so a
// contradiction can be made neither in one request nor in two.

export type StatusSettings = Pick<StoreSettings, 'importStatusId' | 'statusAfterAcceptId' | 'cancellationStatusIds' | 'statusOnBackendCancelId'>;
export type StatusField = keyof StatusSettings;

interface Rule {
  /** The two fields that contradict; the error is shown next to the one(s) the request changes. */
  fields: readonly [StatusField, StatusField];
  broken(s: StatusSettings): boolean;
  /** What is wrong, worded for the field it is shown next to. */
  message: Partial<Record<StatusField, string>>;
}

const RULES: readonly Rule[] = [
  {
    fields: ['statusAfterAcceptId', 'importStatusId'],
    broken: (s) => s.statusAfterAcceptId !== null && s.statusAfterAcceptId === s.importStatusId,
    message: {
      statusAfterAcceptId: 'Is the order import status: choose another status, or “Don’t change the status”.',
      importStatusId: 'Is the status set after the warehouse accepts: choose another import status.',
    },
  },
  {
    fields: ['statusAfterAcceptId', 'cancellationStatusIds'],
    broken: (s) => s.statusAfterAcceptId !== null && s.cancellationStatusIds.includes(s.statusAfterAcceptId),
    message: {
      statusAfterAcceptId: 'Is a status that cancels the order at the warehouse: every accepted order would be cancelled again.',
      cancellationStatusIds: 'Includes the status set after the warehouse accepts: every accepted order would be cancelled again.',
    },
  },
  {
    fields: ['importStatusId', 'cancellationStatusIds'],
    broken: (s) => s.cancellationStatusIds.includes(s.importStatusId),
    message: {
      importStatusId: 'Is a status that cancels the order at the warehouse: every order would be cancelled as soon as it is sent.',
      cancellationStatusIds: 'Includes the order import status: every order that reaches it would be cancelled at the warehouse straight away.',
    },
  },
  {
    fields: ['statusOnBackendCancelId', 'importStatusId'],
    broken: (s) => s.statusOnBackendCancelId !== null && s.statusOnBackendCancelId === s.importStatusId,
    message: {
      statusOnBackendCancelId: 'Is the order import status: the cancelled order would be sent to your warehouse again.',
      importStatusId: 'Is the status set when the warehouse cancels: cancelled orders would be sent to your warehouse again.',
    },
  },
  {
    fields: ['statusOnBackendCancelId', 'statusAfterAcceptId'],
    broken: (s) => s.statusOnBackendCancelId !== null && s.statusOnBackendCancelId === s.statusAfterAcceptId,
    message: {
      statusOnBackendCancelId: 'Is the status set after the warehouse accepts: a cancelled order would look accepted.',
      statusAfterAcceptId: 'Is the status set when the warehouse cancels: an accepted order would look cancelled.',
    },
  },
];

/**
 * The contradictions the change introduces, by field (only fields the request names: a
 * contradiction saved before these checks existed does not block an unrelated change).
 */
export function statusContradictions(saved: StatusSettings, change: Partial<StatusSettings>): Record<string, string> {
  const after: StatusSettings = { ...saved, ...definedOnly(change) };
  const fields: Record<string, string> = {};
  for (const rule of RULES) {
    if (!rule.broken(after)) continue;
    for (const field of rule.fields) {
      if (change[field] !== undefined && rule.message[field]) fields[field] ??= rule.message[field];
    }
  }
  return fields;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const LABELS: Record<StatusField, string> = {
  importStatusId: 'Order import status',
  statusAfterAcceptId: 'Status after the warehouse accepts',
  cancellationStatusIds: 'Statuses that cancel at the warehouse',
  statusOnBackendCancelId: 'Status when the warehouse cancels',
};

/** Throws a 400 naming each contradicting field (shown next to it in Settings). */
export function assertNoContradictions(saved: StatusSettings, change: Partial<StatusSettings>): void {
  const fields = statusContradictions(saved, change);
  const entries = Object.entries(fields) as Array<[StatusField, string]>;
  if (entries.length === 0) return;
  const message = `These settings contradict each other. ${entries.map(([field, text]) => `${LABELS[field]}: ${text}`).join(' ')}`;
  throw new AppError(400, 'settings_contradiction', message, fields);
}

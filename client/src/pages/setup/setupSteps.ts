// Where the merchant stands in the first-run setup, from the settings, the Overview's checklist
// and the latest readiness scan. Pure (no DOM, no React) so it can be unit-tested in node.
import type { BackendSettings, ChecklistItem, ReadinessScanView } from '../../../../server/api/contract.js';
import { SETUP_STEPS } from '../../help/helpContent.js';
import { plural, scanIsActive, scanTotals } from './readiness.js';

export type SetupStepId = 'connect' | 'import' | 'scan' | 'done';
/** done: nothing left · todo: not started · attention: started and something needs the merchant · busy: the scan runs. */
export type SetupStepStatus = 'done' | 'todo' | 'attention' | 'busy';

export interface SetupStep {
  id: SetupStepId;
  number: number;
  title: string;
  status: SetupStepStatus;
  /** A few words under the title: "Connected to Acme", "2 problems to fix". */
  note: string;
}

export interface SetupFacts {
  backend: Pick<BackendSettings, 'connected' | 'accountName' | 'accountId' | 'lastError'>;
  importConfirmed: boolean;
  scan: ReadinessScanView | null;
}

const IDS: readonly SetupStepId[] = ['connect', 'import', 'scan', 'done'];

function connectStep(b: SetupFacts['backend']): Pick<SetupStep, 'status' | 'note'> {
  if (b.connected) return { status: 'done', note: b.accountName ? `Connected to ${b.accountName}` : 'Connected' };
  if (b.accountId && b.lastError) return { status: 'attention', note: 'The connection does not work' };
  return { status: 'todo', note: 'Not connected yet' };
}

function scanStep(scan: ReadinessScanView | null): Pick<SetupStep, 'status' | 'note'> {
  if (!scan || scan.state === 'none') return { status: 'todo', note: 'Not run yet' };
  if (scanIsActive(scan)) return { status: 'busy', note: 'Scanning…' };
  if (scan.state === 'failed') return { status: 'attention', note: 'The scan stopped' };
  const t = scanTotals(scan);
  if (t.blockers > 0) return { status: 'attention', note: `${plural(t.blockers, 'problem', 'problems')} to fix` };
  if (t.failedChecks > 0) return { status: 'attention', note: `${plural(t.failedChecks, 'check', 'checks')} could not run` };
  return { status: 'done', note: t.warnings > 0 ? `Ready, ${plural(t.warnings, 'warning', 'warnings')}` : 'Ready' };
}

export function setupSteps(facts: SetupFacts): SetupStep[] {
  const connect = connectStep(facts.backend);
  const importStep: Pick<SetupStep, 'status' | 'note'> = facts.importConfirmed ? { status: 'done', note: 'Confirmed' } : { status: 'todo', note: 'Not confirmed yet' };
  const scan = scanStep(facts.scan);
  const finished = connect.status === 'done' && importStep.status === 'done';
  const done: Pick<SetupStep, 'status' | 'note'> = finished ? { status: 'done', note: 'Orders go out by themselves' } : { status: 'todo', note: 'After steps 1 and 2' };
  return [connect, importStep, scan, done].map((s, i) => ({ ...s, id: IDS[i]!, number: i + 1, title: SETUP_STEPS[i]!.title }));
}

/** The step to open: the first one not done (the last step once all are). */
export function firstOpenStep(steps: readonly SetupStep[]): SetupStepId {
  return steps.find((s) => s.status !== 'done')?.id ?? 'done';
}

export function stepStatusText(status: SetupStepStatus): string {
  return { done: 'Done', todo: 'To do', attention: 'Needs you', busy: 'In progress' }[status];
}

const isDone = (checklist: readonly ChecklistItem[], id: string) => checklist.some((item) => item.id === id && item.done);

/** Setup is finished once the warehouse is connected and the import status confirmed. */
export function setupFinished(checklist: readonly ChecklistItem[]): boolean {
  return isDone(checklist, 'backend') && isDone(checklist, 'import-status');
}

/** Nothing was ever set up: the app opens the setup rather than the Overview. */
export function neverSetUp(checklist: readonly ChecklistItem[]): boolean {
  return !isDone(checklist, 'backend') && !isDone(checklist, 'import-status');
}

/** The import status was confirmed (saved at least once), per the Overview's checklist. */
export const importConfirmedIn = (checklist: readonly ChecklistItem[]): boolean => isDone(checklist, 'import-status');

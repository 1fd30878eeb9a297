// Issue 9 point 1: the first-run setup's steps show what is done, the app opens the setup on the
// very first open of a store never set up (and only then), and the Overview leads to it until done.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistItem, ReadinessScanView } from '../../server/api/contract.js';
import { notePageShown, resetFirstRun, shouldOpenSetup } from '../../client/src/pages/setup/firstRun.js';
import { firstOpenStep, neverSetUp, setupFinished, setupSteps, type SetupFacts } from '../../client/src/pages/setup/setupSteps.js';
import { stepFromSearch, stepHref } from '../../client/src/pages/setup/stepParam.js';

const checklist = (backend: boolean, importStatus: boolean): ChecklistItem[] => [
  { id: 'install', title: 'Install', description: '', done: true },
  { id: 'team', title: 'Team', description: '', done: false },
  { id: 'backend', title: 'Connect', description: '', done: backend },
  { id: 'import-status', title: 'Import status', description: '', done: importStatus },
];

const scan = (over: Partial<ReadinessScanView>): ReadinessScanView => ({
  state: 'done',
  startedAt: null,
  finishedAt: null,
  progress: { step: '', done: 0, total: null },
  checks: [],
  error: null,
  ...over,
});

const blocker = scan({
  checks: [
    {
      check: 'shipping_methods',
      title: 'Shipping methods',
      state: 'problems',
      summary: '',
      findingsTotal: 2,
      findings: [
        { check: 'shipping_methods', severity: 'blocker', subject: 'Flat Rate', message: '', fix: null },
        { check: 'shipping_methods', severity: 'blocker', subject: 'Express', message: '', fix: null },
      ],
    },
  ],
});

const facts = (over: Partial<SetupFacts> = {}): SetupFacts => ({
  backend: { connected: false, accountName: null, accountId: null, lastError: null },
  importConfirmed: false,
  scan: null,
  ...over,
});

describe('setup steps', () => {
  it('a fresh store: every step to do, the first one opens', () => {
    const steps = setupSteps(facts({ scan: scan({ state: 'none' }) }));
    expect(steps.map((s) => [s.id, s.number, s.status, s.note])).toEqual([
      ['connect', 1, 'todo', 'Not connected yet'],
      ['import', 2, 'todo', 'Not confirmed yet'],
      ['scan', 3, 'todo', 'Not run yet'],
      ['done', 4, 'todo', 'After steps 1 and 2'],
    ]);
    expect(steps[0]!.title).toBe('Connect the warehouse');
    expect(firstOpenStep(steps)).toBe('connect');
  });

  it('shows steps done out of order as done, and opens the first one not done', () => {
    const steps = setupSteps(facts({ importConfirmed: true }));
    expect(steps.map((s) => s.status)).toEqual(['todo', 'done', 'todo', 'todo']);
    expect(firstOpenStep(steps)).toBe('connect');
  });

  it('a failing connection and scan blockers need the merchant; a running scan is in progress', () => {
    const backend = { connected: false, accountName: null, accountId: 'acc-1', lastError: 'Unauthorized' };
    expect(setupSteps(facts({ backend }))[0]).toMatchObject({ status: 'attention', note: 'The connection does not work' });
    const connected = { connected: true, accountName: 'Acme Logistics', accountId: 'acc-1', lastError: null };
    const steps = setupSteps(facts({ backend: connected, importConfirmed: true, scan: blocker }));
    expect(steps.map((s) => s.status)).toEqual(['done', 'done', 'attention', 'done']);
    expect(steps[0]!.note).toBe('Connected to Acme Logistics');
    expect(steps[2]!.note).toBe('2 problems to fix');
    expect(firstOpenStep(steps)).toBe('scan');
    expect(setupSteps(facts({ scan: scan({ state: 'running' }) }))[2]).toMatchObject({ status: 'busy', note: 'Scanning…' });
  });

  it('all done: the last step opens', () => {
    const steps = setupSteps(facts({ backend: { connected: true, accountName: null, accountId: 'a', lastError: null }, importConfirmed: true, scan: scan({}) }));
    expect(steps.every((s) => s.status === 'done')).toBe(true);
    expect(steps[2]!.note).toBe('Ready');
    expect(firstOpenStep(steps)).toBe('done');
  });

  it('reads and writes the step in the address', () => {
    expect(stepFromSearch('?step=scan')).toBe('scan');
    expect(stepFromSearch('?step=nope')).toBeNull();
    expect(stepFromSearch('')).toBeNull();
    expect(stepHref('import')).toBe('/setup?step=import');
  });
});

describe('setup finished, per the Overview checklist', () => {
  it('needs both the warehouse and a confirmed import status; the team item does not count', () => {
    expect(setupFinished(checklist(true, true))).toBe(true);
    expect(setupFinished(checklist(true, false))).toBe(false);
    expect(setupFinished(checklist(false, true))).toBe(false);
    expect(neverSetUp(checklist(false, false))).toBe(true);
    expect(neverSetUp(checklist(true, false))).toBe(false);
  });
});

describe('first open', () => {
  beforeEach(() => resetFirstRun());

  it('opens the setup when the app opened on the Overview of a store never set up, once', () => {
    notePageShown('overview');
    expect(shouldOpenSetup(checklist(false, false))).toBe(true);
    notePageShown('setup');
    notePageShown('overview');
    // Back on the Overview by choice: it stays.
    expect(shouldOpenSetup(checklist(false, false))).toBe(false);
  });

  it('leaves a store that was set up, even partly, on the Overview', () => {
    notePageShown('overview');
    expect(shouldOpenSetup(checklist(true, false))).toBe(false);
  });

  it('leaves a deep link alone, and a later click on the Overview', () => {
    notePageShown('orders');
    notePageShown('overview');
    expect(shouldOpenSetup(checklist(false, false))).toBe(false);
  });
});

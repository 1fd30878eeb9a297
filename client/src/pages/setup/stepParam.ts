// The setup step in the address ("/setup?step=scan"). Pure.
import type { SetupStepId } from './setupSteps.js';

const IDS: readonly SetupStepId[] = ['connect', 'import', 'scan', 'done'];

export function stepFromSearch(search: string): SetupStepId | null {
  const value = new URLSearchParams(search).get('step');
  return IDS.find((id) => id === value) ?? null;
}

export const stepHref = (id: SetupStepId): string => `/setup?step=${id}`;

// On the very first open of a store that was never set up, the app shows the setup instead of the
// Overview; once per page load, and only when the Overview is the page the app opened on (a deep
// link, or a click on the Overview tab later, is left alone). Pure module state, unit-tested.
import type { ChecklistItem } from '../../../../server/api/contract.js';
import { neverSetUp } from './setupSteps.js';

let firstPage: string | null = null;
let decided = false;

/** App reports every page it shows; the first one is the page the app opened on. */
export function notePageShown(routeId: string): void {
  firstPage ??= routeId;
  if (routeId !== firstPage) decided = true;
}

/** Asked by the Overview with its first answer: true means "go to /setup now" (at most once). */
export function shouldOpenSetup(checklist: readonly ChecklistItem[]): boolean {
  if (decided || firstPage !== 'overview') return false;
  decided = true;
  return neverSetUp(checklist);
}

/** For tests. */
export function resetFirstRun(): void {
  firstPage = null;
  decided = false;
}

// Lets an action that fixes a problem (e.g. "Repair webhooks") update the banner at once instead
// of at its next poll, without the page and the banner knowing each other.
export const ALERTS_REFRESH_EVENT = 'fb:alerts-refresh';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tests compile this without the DOM lib, where globalThis is no EventTarget
export function requestAlertsRefresh(target: Pick<EventTarget, 'dispatchEvent'> = globalThis as unknown as EventTarget): void {
  target.dispatchEvent(new Event(ALERTS_REFRESH_EVENT));
}

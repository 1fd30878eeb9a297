// Lets an action that fixes a problem (e.g. "Repair webhooks") update the banner at once instead
// of at its next poll, without the page and the banner knowing each other.
export const ALERTS_REFRESH_EVENT = 'fb:alerts-refresh';

export function requestAlertsRefresh(target: Pick<EventTarget, 'dispatchEvent'> = globalThis as unknown as EventTarget): void {
  target.dispatchEvent(new Event(ALERTS_REFRESH_EVENT));
}

import type { RetentionConfig } from '../../config/env.js';

const DAY_MS = 24 * 60 * 60_000;

/** Cutoffs (ms epoch) before which rows are deleted; null keeps that kind forever. */
export interface RetentionCutoffs {
  webhookEvents: number;
  activity: number;
  /** Stores uninstalled before this are deleted with all their data. */
  uninstalledStores: number;
  closedOrders: number | null;
}

export function cutoffsFor(config: RetentionConfig, now: number): RetentionCutoffs {
  return {
    webhookEvents: now - config.webhookDays * DAY_MS,
    activity: now - config.activityDays * DAY_MS,
    uninstalledStores: now - config.uninstalledDays * DAY_MS,
    closedOrders: config.closedOrderDays > 0 ? now - config.closedOrderDays * DAY_MS : null,
  };
}

import { createContext, useContext } from 'react';
import type { OrderStatusOption } from '../../../../server/api/contract';
import type { ApiGetState } from '../../api/useApiGet';
import type { FullSettings } from './flow-settings';

/** GET /api/order-statuses, loaded once for the panels that pick statuses. */
export type OrderStatusesState = ApiGetState<OrderStatusOption[]> & { reload(): void };

export interface SettingsContextValue {
  /** The newest settings answer (GET, or any PUT's answer): every form shows these. */
  settings: FullSettings;
  statuses: OrderStatusesState;
  /** A PUT's answer replaces the settings (with its new revision) for every form. */
  onSaved(settings: FullSettings): void;
  /** Reads the saved settings again (after a 409: someone else changed them). */
  reload(): Promise<void>;
  canManage: boolean;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

export function useSettingsContext(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('Settings panels must be inside the SettingsPage');
  return value;
}

/** The context when inside the SettingsPage, else null (the first-run setup reuses some panels with props). */
export function useOptionalSettingsContext(): SettingsContextValue | null {
  return useContext(SettingsContext);
}

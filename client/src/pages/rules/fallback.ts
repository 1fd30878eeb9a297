// The fallback shipping method form (Settings › Shipping and tracking): off, or a warehouse code
// that unmapped methods use instead of holding the order. Pure.
import type { FallbackShippingSettings } from '../../../../server/api/contract.js';
import type { FieldErrors } from './ruleDraft.js';

/** The backend contract's longest shipping method code (shared/mapping-limits.ts). */
export const FALLBACK_CODE_MAX = 100;

export interface FallbackValues {
  on: boolean;
  code: string;
}

export const fallbackValues = (saved: FallbackShippingSettings): FallbackValues => ({ on: saved.backendCode !== null, code: saved.backendCode ?? '' });

/** Off sends null; on, the trimmed code. */
export const fallbackInput = (v: FallbackValues): FallbackShippingSettings => ({ backendCode: v.on ? v.code.trim() : null });

/** Off keeps the typed code out of the comparison: switching off and on again is not a change. */
export const sameFallback = (a: FallbackValues, b: FallbackValues): boolean => a.on === b.on && (!a.on || a.code.trim() === b.code.trim());

export function validateFallback(v: FallbackValues): FieldErrors {
  if (!v.on) return {};
  const code = v.code.trim();
  if (!code) return { backendCode: 'Enter the warehouse’s shipping method code, e.g. GROUND, or choose “No fallback”.' };
  if (code.length > FALLBACK_CODE_MAX) return { backendCode: `At most ${FALLBACK_CODE_MAX} characters: the longest code the warehouse accepts.` };
  return {};
}

export function fallbackSavedText(saved: FallbackShippingSettings): string {
  return saved.backendCode
    ? `Saved. Orders with an unmapped shipping method are sent as ${saved.backendCode}; orders held for one are sent now.`
    : 'Saved. Orders with an unmapped shipping method are held until you map it.';
}

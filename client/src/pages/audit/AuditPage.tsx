// Slot reserved for issue 9; replaced by the engineer who owns it.
export function AuditPage() {
  return null;
}

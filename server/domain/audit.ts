// The audit log (issue 9 point 9): who changed what, and when.

/** Who did it: a member as they were then, or null for the app acting on its own. */
export interface AuditActor {
  userId: number;
  email: string;
}

/** One recorded change (server/audit/audit-repo.ts records it, audit-query.ts reads it back). */
export interface AuditEntry {
  id: number;
  /** ISO-8601 */
  at: string;
  actor: AuditActor | null;
  /** Dotted name of what was done: settings.notifications, order.retry, webhook.replay, team.permission, … */
  action: string;
  /** What it was done to, in merchant words ('Order #123'), or null. */
  subject: string | null;
  /** The values before and after, as recorded (only the fields that changed, when that was easy to say). */
  before: unknown;
  after: unknown;
}

// The people who open the app for a store.

/** The store owner, or another member (who may change things only when the owner allows it). */
export type MemberRole = 'owner' | 'user';

// Issue 9 API types for this area; re-exported from contract.ts. Filled by the engineer who owns it.
export {};

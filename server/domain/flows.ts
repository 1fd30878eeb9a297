// The four sync flows a merchant switches on and off, and how the warehouse's news reaches the app.

export type FlowName = 'orders' | 'fulfillment' | 'inventory' | 'cancellations';

/** push: the backend sends events; poll: the app asks GET /v1/shipments and /v1/inventory. */
export type SyncMode = 'push' | 'poll';

// Public entry point of the BigCommerce sandbox (see types.ts for the option and record types).
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './app.js';
import { createControl, type SandboxControl } from './control.js';
import { SandboxState } from './state.js';
import type { SandboxOptions } from './types.js';

export { createSandboxApp } from './app.js';
export { createControl, type SandboxControl, type SandboxSnapshot, type StoreSnapshot } from './control.js';
export { DEFAULT_SCOPES, DEFAULT_STORE, SandboxState } from './state.js';
export type { PayloadOverrides } from './jwt.js';
export { SandboxError } from './util.js';
export type * from './types.js';
export type * from './orders/types.js';
export type * from './webhooks/types.js';
export type * from './shipments/types.js';
export type * from './catalog/types.js';
export type { ShipmentsControl } from './shipments/control.js';
export type { InventoryControl } from './catalog/control.js';
export type { OrdersControl, OrderStatusLabel } from './orders/control.js';
export type { WebhookLevers, WebhooksControl } from './webhooks/control.js';
export { ORDER_STATUSES } from './orders/statuses.js';
export { RETRY_SCHEDULE_SEC } from './webhooks/dispatcher.js';
export { signatureFor } from './webhooks/payload.js';
export { SHIPPING_PROVIDERS } from './shipments/validate.js';
export { MAX_ADJUSTMENT_ITEMS } from './catalog/adjust.js';

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 — both BC_LOGIN_URL and BC_API_URL for the app. */
  url: string;
  control: SandboxControl;
  close(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const state = new SandboxState(opts);
  const control = createControl(state);
  const app = createSandboxApp(opts, state);
  const { host, port } = state.opts;

  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}`,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Pending webhook retries and deliveries end with the sandbox.
        state.webhooks.stop();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (the app's HTTP client, a browser) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

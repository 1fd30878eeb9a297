// Public entry point of the sandbox warehouse: a stateful, in-memory fulfillment backend that
// implements docs/fulfillment-api.openapi.yaml, for tests and `npm run sandbox`-style local work.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWarehouseApp } from './app.js';
import { createWarehouseControl, type WarehouseControl } from './control.js';
import { WarehouseState } from './state.js';
import type { WarehouseOptions } from './types.js';

export { createWarehouseApp } from './app.js';
export { createWarehouseControl, type InventoryInput, type WarehouseControl, type WarehouseSnapshot } from './control.js';
export { renderWarehousePage } from './page.js';
export { DEFAULT_ACCOUNT, WarehouseState, canonicalJson } from './state.js';
export { signEvent } from './webhooks.js';
export type * from './types.js';

export interface SandboxWarehouse {
  /** e.g. http://127.0.0.1:41235: the app's FULFILLMENT_API_URL. */
  url: string;
  control: WarehouseControl;
  close(): Promise<void>;
}

export async function startSandboxWarehouse(opts: WarehouseOptions = {}): Promise<SandboxWarehouse> {
  const state = new WarehouseState(opts);
  const control = createWarehouseControl(state);
  if (opts.appWebhookUrl !== undefined) control.setAppWebhookUrl(opts.appWebhookUrl);
  const app = createWarehouseApp(state, control);
  const host = opts.host ?? '127.0.0.1';

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}`,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections and requests held open by a timeout fault would block close().
        server.closeAllConnections();
      }),
  };
}

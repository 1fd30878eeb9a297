import type { Config } from '../config/env.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where an e-mail's "Open Fulfillment Bridge" link goes: the app inside the store's control panel
 * when the app id is configured (BC_APP_ID), else the control panel itself. Against the local
 * sandbox (a loopback BC_LOGIN_URL) it is the sandbox's control-panel page for that store.
 */
export function appLinkFor(config: Pick<Config, 'bcLoginUrl' | 'bcAppId'>, storeHash: string): string {
  const hash = encodeURIComponent(storeHash);
  if (LOOPBACK.has(new URL(config.bcLoginUrl).hostname)) return `${config.bcLoginUrl}/manage/app?store=${hash}`;
  const panel = `https://store-${hash}.mybigcommerce.com/manage`;
  return config.bcAppId ? `${panel}/app/${config.bcAppId}` : panel;
}

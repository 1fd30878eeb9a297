// Tests talk only to loopback: any fetch to another host fails loudly instead of reaching
// BigCommerce or anything else on the network.
const realFetch = globalThis.fetch;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (!LOOPBACK.has(url.hostname)) {
    return Promise.reject(new Error(`Test tried to reach ${url.hostname}: tests may only talk to loopback`));
  }
  return realFetch(input, init);
};

// The fulfillment client's optional SKU lookup (GET /v1/products?sku=…): the request it sends, the
// answer it accepts, "cannot tell" (404/501) apart from failures, and the recording wrapper.
import { describe, expect, it } from 'vitest';
import { FulfillmentAuthError, FulfillmentUnavailableError, createFulfillmentClient } from '../../server/fulfillment/index.js';
import { recordingClient, type WarehouseCallOutcome } from '../../server/health/warehouse-calls.js';
import { DEMO_ACCOUNT } from '../fulfillment/fixtures.js';

function clientAnswering(status: number, body: unknown) {
  const requests: Array<{ url: string; headers: Headers }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: new Headers(init.headers) });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { client: createFulfillmentClient({ baseUrl: 'https://wms.example.com/', fetch })(DEMO_ACCOUNT), requests };
}

describe('FulfillmentClient.lookupSkus', () => {
  it('asks with one encoded sku parameter per SKU and answers the known ones asked for', async () => {
    const { client, requests } = clientAnswering(200, { items: [{ sku: 'A B', name: 'Tee' }, { sku: 'C/1' }, { sku: 'NOT-ASKED', name: 'x' }], extra: true });
    const answer = await client.lookupSkus!(['A B', 'C/1', 'D']);
    expect(answer).toEqual({
      supported: true,
      known: [
        { sku: 'A B', name: 'Tee' },
        { sku: 'C/1', name: null },
      ],
    });
    expect(requests[0]!.url).toBe('https://wms.example.com/v1/products?sku=A%20B&sku=C%2F1&sku=D');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${DEMO_ACCOUNT.apiKey}`);
    expect(requests[0]!.headers.get('fulfillment-account')).toBe(DEMO_ACCOUNT.accountId);
  });

  it.each([404, 405, 501])('HTTP %i means the backend cannot tell, not a failure', async (status) => {
    const { client } = clientAnswering(status, { error: { code: 'not_found', message: 'No route' } });
    expect(await client.lookupSkus!(['A'])).toEqual({ supported: false });
  });

  it('other answers fail like every other call: 500 and an unreadable body are unavailable, 401 refused', async () => {
    await expect(clientAnswering(500, { error: { code: 'x', message: 'boom' } }).client.lookupSkus!(['A'])).rejects.toMatchObject({ reason: 'server_error', path: '/v1/products' });
    await expect(clientAnswering(200, { data: [] }).client.lookupSkus!(['A'])).rejects.toBeInstanceOf(FulfillmentUnavailableError);
    await expect(clientAnswering(401, { error: { code: 'unauthorized', message: 'Unknown key' } }).client.lookupSkus!(['A'])).rejects.toBeInstanceOf(FulfillmentAuthError);
  });

  it('sends nothing for no SKUs and refuses more than 100 at once', async () => {
    const { client, requests } = clientAnswering(200, { items: [] });
    expect(await client.lookupSkus!([])).toEqual({ supported: true, known: [] });
    await expect(client.lookupSkus!(Array.from({ length: 101 }, (_, i) => `S${i}`))).rejects.toBeInstanceOf(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('goes through the recording wrapper: an answer (even "cannot tell") proves the warehouse up, a 500 does not', async () => {
    const outcomes: WarehouseCallOutcome[] = [];
    const record = async (o: WarehouseCallOutcome) => void outcomes.push(o);
    await recordingClient(clientAnswering(404, {}).client, record).lookupSkus!(['A']);
    await expect(recordingClient(clientAnswering(500, {}).client, record).lookupSkus!(['A'])).rejects.toThrow();
    expect(outcomes).toEqual([{ ok: true }, { ok: false, kind: 'unreachable', message: 'The warehouse had an internal problem and could not take the request.' }]);
    // A client without the lookup stays without it behind the wrapper.
    const { lookupSkus: _omit, ...plain } = clientAnswering(200, {}).client as Required<ReturnType<typeof clientAnswering>['client']>;
    expect(recordingClient({ ...plain, accountId: 'wh' }, record).lookupSkus).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError, asApiError, createApiClient, errorFromResponse, isSessionEndedError, type ApiClientDeps } from '../../client/src/api/http.js';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(response: Response | Error, token: string | null = 'tok-1') {
  const fetchMock = vi.fn<ApiClientDeps['fetch']>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  const onSessionEnded = vi.fn<ApiClientDeps['onSessionEnded']>();
  const client = createApiClient({ fetch: fetchMock, getToken: () => token, onSessionEnded });
  return { client, fetchMock, onSessionEnded };
}

async function caught(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiRequestError);
    return err as ApiRequestError;
  }
  throw new Error('expected the request to fail');
}

describe('isSessionEndedError', () => {
  it('is true for any 401 and for the session codes', () => {
    expect(isSessionEndedError(401, 'whatever')).toBe(true);
    expect(isSessionEndedError(403, 'session_expired')).toBe(true);
    expect(isSessionEndedError(400, 'unauthenticated')).toBe(true);
    expect(isSessionEndedError(403, 'forbidden')).toBe(false);
    expect(isSessionEndedError(500, undefined)).toBe(false);
  });
});

describe('errorFromResponse', () => {
  it("uses the server's ApiError code, message and fields", async () => {
    const err = await errorFromResponse(json(422, { error: { code: 'validation_failed', message: 'Check the form', fields: { sku: 'Required' } } }));
    expect(err).toMatchObject({ status: 422, code: 'validation_failed', message: 'Check the form', fields: { sku: 'Required' } });
  });

  it('falls back to a readable message for non-JSON or foreign bodies', async () => {
    const html = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(html).toMatchObject({ status: 502, code: 'http_502' });
    expect(html.message).toMatch(/502/);
    const foreign = await errorFromResponse(json(404, { message: 'nope' }));
    expect(foreign).toMatchObject({ status: 404, code: 'http_404', message: 'That item could not be found.' });
  });
});

describe('createApiClient', () => {
  it('sends the bearer token and returns the parsed body', async () => {
    const { client, fetchMock } = setup(json(200, { ok: true }));
    await expect(client.get('/api/overview')).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/overview');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('omit');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });

  it('posts JSON, and omits the token when auth is false', async () => {
    const { client, fetchMock } = setup(json(200, { token: 't' }), null);
    await client.post('/api/session', { code: 'c1' }, { auth: false });
    const init = fetchMock.mock.calls[0]![1]!;
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"code":"c1"}');
  });

  it('ends the session on a 401 and throws the server error', async () => {
    const { client, onSessionEnded } = setup(json(401, { error: { code: 'session_expired', message: 'Session expired' } }));
    const err = await caught(client.get('/api/overview'));
    expect(err).toMatchObject({ status: 401, code: 'session_expired', sessionEnded: true });
    expect(onSessionEnded).toHaveBeenCalledWith('rejected');
  });

  it('ends the session on a 401 even without an ApiError body', async () => {
    const { client, onSessionEnded } = setup(new Response('', { status: 401 }));
    expect((await caught(client.get('/api/overview'))).sessionEnded).toBe(true);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });

  it('does not end the session on other errors', async () => {
    const { client, onSessionEnded } = setup(json(500, { error: { code: 'internal', message: 'Database unavailable' } }));
    const err = await caught(client.get('/api/overview'));
    expect(err).toMatchObject({ status: 500, code: 'internal', message: 'Database unavailable', sessionEnded: false });
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('refuses to send a request without a token and ends the session', async () => {
    const { client, fetchMock, onSessionEnded } = setup(json(200, {}), null);
    const err = await caught(client.get('/api/overview'));
    expect(err.sessionEnded).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onSessionEnded).toHaveBeenCalledWith('expired');
  });

  it('maps network failures to a readable error', async () => {
    const { client } = setup(new TypeError('fetch failed'));
    const err = await caught(client.get('/api/overview'));
    expect(err).toMatchObject({ status: 0, code: 'network_error', sessionEnded: false });
  });

  it('returns undefined for 204 and fails readably on an unreadable 200 body', async () => {
    await expect(setup(new Response(null, { status: 204 })).client.post('/api/x')).resolves.toBeUndefined();
    const err = await caught(setup(new Response('not json', { status: 200 })).client.get('/api/x'));
    expect(err.code).toBe('bad_response');
  });

  it('sends PUT with a JSON body and DELETE without one', async () => {
    const put = setup(json(200, { id: 1 }));
    await expect(put.client.put('/api/sku-mappings/1', { bcSku: 'A', backendSku: 'B' })).resolves.toEqual({ id: 1 });
    const putInit = put.fetchMock.mock.calls[0]![1]!;
    expect(putInit.method).toBe('PUT');
    expect(putInit.body).toBe('{"bcSku":"A","backendSku":"B"}');
    expect((putInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');

    const del = setup(new Response(null, { status: 204 }));
    await expect(del.client.delete('/api/sku-mappings/1')).resolves.toBeUndefined();
    const delInit = del.fetchMock.mock.calls[0]![1]!;
    expect(delInit.method).toBe('DELETE');
    expect(delInit.body).toBeUndefined();
    expect((delInit.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });
});

describe('asApiError', () => {
  it('keeps ApiRequestErrors and wraps anything else with a readable message', () => {
    const original = new ApiRequestError(422, 'validation_failed', 'Check the form', { sku: 'Required' });
    expect(asApiError(original)).toBe(original);
    const wrapped = asApiError(new Error('boom'), 'Saving failed.');
    expect(wrapped).toBeInstanceOf(ApiRequestError);
    expect(wrapped).toMatchObject({ status: 0, code: 'client_error', message: 'Saving failed.', sessionEnded: false });
    expect(asApiError('weird').message).toBe('Something went wrong. Try again.');
  });
});

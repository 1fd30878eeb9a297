import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../client/src/api/http.js';
import { csvFilename, downloadCsv, truncatedExportText, type CsvDownloadDeps } from '../../client/src/pages/orders/exportCsv.js';

function setup(response: Response | Error, token: string | null = 'tok-1') {
  const saved: Array<{ file: Blob; filename: string }> = [];
  const deps: CsvDownloadDeps = {
    fetch: vi.fn<CsvDownloadDeps['fetch']>(async () => {
      if (response instanceof Error) throw response;
      return response;
    }),
    getToken: () => token,
    onSessionEnded: vi.fn<CsvDownloadDeps['onSessionEnded']>(),
    save: (file, filename) => saved.push({ file, filename }),
    now: () => new Date(2026, 2, 5, 12),
  };
  return { deps, saved };
}

async function caught(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiRequestError);
    return err as ApiRequestError;
  }
  throw new Error('expected the export to fail');
}

describe('Export CSV', () => {
  it('fetches the filtered export with the session token and saves the file', async () => {
    const csv = 'order_id,state\n1042,failed\n';
    const { deps, saved } = setup(
      new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="orders-attention.csv"' } }),
    );
    const download = await downloadCsv('/api/orders/export.csv?state=attention', deps);
    expect(download).toEqual({ filename: 'orders-attention.csv', truncated: false, rows: null });
    expect(truncatedExportText(download)).toBeNull();
    expect(deps.fetch).toHaveBeenCalledWith('/api/orders/export.csv?state=attention', {
      headers: { Accept: 'text/csv', Authorization: 'Bearer tok-1' },
      credentials: 'omit',
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.filename).toBe('orders-attention.csv');
    expect(await saved[0]!.file.text()).toBe(csv);
  });

  it('says when the server cut the export at its limit', async () => {
    const { deps } = setup(new Response('x', { status: 200, headers: { 'X-Truncated': 'true', 'X-Row-Count': '10000' } }));
    const download = await downloadCsv('/api/orders/export.csv', deps);
    expect(download).toEqual({ filename: 'orders-2026-03-05.csv', truncated: true, rows: 10000 });
    expect(truncatedExportText(download)).toBe(
      'orders-2026-03-05.csv holds the first 10,000 orders only. Narrow the filters (for example the dates) and export again for the rest.',
    );
  });

  it("shows the server's message on a refusal and ends the session on a 401", async () => {
    const refused = setup(new Response(JSON.stringify({ error: { code: 'bad_request', message: 'The dates are reversed.' } }), { status: 400 }));
    const error = await caught(downloadCsv('/api/orders/export.csv', refused.deps));
    expect(error).toMatchObject({ status: 400, message: 'The dates are reversed.' });
    expect(refused.saved).toHaveLength(0);

    const expired = setup(new Response('', { status: 401 }));
    await caught(downloadCsv('/api/orders/export.csv', expired.deps));
    expect(expired.deps.onSessionEnded).toHaveBeenCalledWith('rejected');
  });

  it('says the server could not be reached, and asks for no file without a session', async () => {
    const offline = setup(new TypeError('Failed to fetch'));
    expect((await caught(downloadCsv('/x.csv', offline.deps))).code).toBe('network_error');
    const signedOut = setup(new Response('a'), null);
    expect((await caught(downloadCsv('/x.csv', signedOut.deps))).status).toBe(401);
    expect(signedOut.deps.fetch).not.toHaveBeenCalled();
  });

  it('names the file safely', () => {
    const now = new Date(2026, 2, 5, 12);
    expect(csvFilename(null, now)).toBe('orders-2026-03-05.csv');
    expect(csvFilename('attachment; filename="../../etc/passwd"', now)).toBe('orders-2026-03-05.csv');
    expect(csvFilename('attachment; filename="a/b.csv"', now)).toBe('a-b.csv');
    expect(csvFilename("attachment; filename*=UTF-8''orders%20march.csv", now)).toBe('orders march.csv');
  });
});

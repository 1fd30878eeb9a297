// "Export CSV": the API wants the session's bearer header, which a plain <a href> cannot send, so
// the file is fetched and handed to the browser as a Blob. No DOM here (unit-tested in node with a
// fake fetch); `save` is the browser part (useCsvExport.ts).
import type { SessionEndReason } from '../../session/store.js';
import { ApiRequestError, errorFromResponse } from '../../api/http.js';

export interface CsvDownloadDeps {
  fetch: typeof fetch;
  getToken(): string | null;
  onSessionEnded(reason: SessionEndReason): void;
  /** Hands the file to the browser (a temporary <a download>). */
  save(file: Blob, filename: string): void;
  /** Today, for the fallback file name. */
  now(): Date;
}

/** The server's `filename="…"` when it sends one, reduced to a safe name; else orders-YYYY-MM-DD.csv. */
export function csvFilename(contentDisposition: string | null, now: Date): string {
  const match = contentDisposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition) : null;
  let name = '';
  if (match?.[1]) {
    try {
      name = decodeURIComponent(match[1]);
    } catch {
      name = match[1];
    }
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this strips from a file name
  name = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  if (name && /\.csv$/i.test(name)) return name;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `orders-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export interface CsvDownload {
  filename: string;
  /** The server stopped at its row limit (X-Truncated): the file holds the first rows only. */
  truncated: boolean;
  /** X-Row-Count, when sent. */
  rows: number | null;
}

/** GETs the CSV with the session token and saves it; throws a readable ApiRequestError. */
export async function downloadCsv(path: string, deps: CsvDownloadDeps): Promise<CsvDownload> {
  const token = deps.getToken();
  if (!token) {
    deps.onSessionEnded('expired');
    throw new ApiRequestError(401, 'session_expired', 'Your session has ended.');
  }
  let res: Response;
  try {
    res = await deps.fetch(path, { headers: { Accept: 'text/csv', Authorization: `Bearer ${token}` }, credentials: 'omit' });
  } catch {
    throw new ApiRequestError(0, 'network_error', "Couldn't reach Fulfillment Bridge. Check your connection and try again.");
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    if (error.sessionEnded) deps.onSessionEnded('rejected');
    throw error;
  }
  const filename = csvFilename(res.headers.get('Content-Disposition'), deps.now());
  const file = await res.blob();
  deps.save(file.type ? file : new Blob([file], { type: 'text/csv' }), filename);
  const rows = Number(res.headers.get('X-Row-Count') ?? NaN);
  return { filename, truncated: res.headers.get('X-Truncated') === 'true', rows: Number.isSafeInteger(rows) ? rows : null };
}

/** Said after an export the server cut at its limit. */
export function truncatedExportText(download: CsvDownload): string | null {
  if (!download.truncated) return null;
  const rows = download.rows === null ? 'the first orders' : `the first ${download.rows.toLocaleString('en-US')} orders`;
  return `${download.filename} holds ${rows} only. Narrow the filters (for example the dates) and export again for the rest.`;
}

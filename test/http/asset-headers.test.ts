// Issue 8 point 10: compressed responses, hashed assets cached for good, index.html never cached.
// A temporary client directory with small fixture files stands in for a build (unit tests never
// depend on `vite build`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses } from '../../server/http/static-assets.js';
import { bareApp, type BareApp } from '../helpers/bare-app.js';

const ENTRY = `export const rows = [${Array.from({ length: 200 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
const LAZY = `export function viewer() { return ${JSON.stringify('payload '.repeat(300))}; }\n`;
const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="fb-boot" content="">
<title>Fulfillment Bridge</title>
<script type="module" crossorigin src="/assets/index-abc123.js"></script>
<!-- ${'padding so the page is worth compressing '.repeat(10)} -->
</head><body><div id="root"></div></body></html>`;

let dir: string;
let t: BareApp;
let server: http.Server;
let base: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decoded(res: Raw): string {
  const enc = res.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(res.body).toString('utf8');
  if (enc === 'gzip') return gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fb-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), ENTRY);
  // What the build writes next to each asset (vite.config.ts): a marker proves the copy was sent.
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(`${ENTRY}// from .br`));
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(`${ENTRY}// from .gz`));
  // No precompressed copies: compressed on the fly.
  writeFileSync(join(dir, 'assets', 'JsonViewer-def456.js'), LAZY);
  t = await bareApp({ deps: { clientDir: dir } });
  server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hashed assets under /assets/', () => {
  it('sends the brotli copy when the browser accepts br, cached for a year as immutable', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(decoded(res)).toBe(`${ENTRY}// from .br`);
  });

  it('sends the gzip copy to a browser without brotli', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(decoded(res)).toBe(`${ENTRY}// from .gz`);
  });

  it('sends the plain file when no encoding is accepted', async () => {
    const res = await get('/assets/index-abc123.js', 'identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.toString('utf8')).toBe(ENTRY);
  });

  it('compresses a file without precompressed copies on the fly (br, else gzip)', async () => {
    const br = await get('/assets/JsonViewer-def456.js', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(decoded(br)).toBe(LAZY);
    const gz = await get('/assets/JsonViewer-def456.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz)).toBe(LAZY);
  });

  it('answers a missing asset 404 without a year-long cache header', async () => {
    const res = await get('/assets/index-000000.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});

describe('index.html', () => {
  it('is rendered with its boot data, compressed, and never cached', async () => {
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get('/orders', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decoded(res)).toMatch(/<meta name="fb-boot" content="[A-Za-z0-9_-]+">/);
    }
  });

  it('is not served raw (without boot data, cacheable) as /index.html', async () => {
    const res = await get('/index.html', 'gzip');
    expect(res.status).toBe(404);
    expect(decoded(res)).not.toContain('<div id="root">');
  });
});

describe('compressResponses', () => {
  it('leaves server-sent events uncompressed so each event goes out when written', async () => {
    const app = express();
    app.use(compressResponses());
    app.get('/events', (_req, res) => {
      res.type('text/event-stream').send(`data: ${'x'.repeat(2000)}\n\n`);
    });
    app.get('/json', (_req, res) => void res.json({ rows: 'y'.repeat(2000) }));
    const s = http.createServer(app);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const fetchRaw = (path: string) =>
      new Promise<http.IncomingMessage>((resolve) =>
        http.get(`${url}${path}`, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
          res.resume();
          resolve(res);
        }),
      );
    expect((await fetchRaw('/events')).headers['content-encoding']).toBeUndefined();
    expect((await fetchRaw('/json')).headers['content-encoding']).toBe('br');
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  });
});

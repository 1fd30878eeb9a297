import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { constants, type BrotliOptions } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler, type Response, type Router } from 'express';

/** Vite puts a content hash in every file name under /assets/: a changed file gets a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files outside /assets/ keep their name across builds, so browsers revalidate them. */
const REVALIDATE = 'no-cache';

/** Sibling files written at build time (vite.config.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Compresses what the app generates per request (index.html with its boot data, API JSON) and any
 * file without a precompressed sibling: brotli at quality 5 when the browser accepts it (about the
 * cost of gzip -6 for ~6% less), else gzip. Server-sent events are left alone: a compressor holds
 * bytes back until it has enough to pack, and an event stream must go out as it is written.
 */
export function compressResponses(): RequestHandler {
  // compression 1.8 takes brotli options; its type definitions predate them.
  const options: compression.CompressionOptions & { brotli: BrotliOptions } = {
    // Below this, the headers outweigh what compression saves.
    threshold: 256,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (req, res) => {
      if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  };
  return compression(options);
}

function cacheControlFor(res: Response, path: string, assetsDir: string): void {
  res.setHeader('Cache-Control', path.startsWith(assetsDir + sep) ? IMMUTABLE : REVALIDATE);
}

/**
 * The built client's files. Hashed files under /assets/ are cached for a year and never
 * revalidated; the build writes .br and .gz copies next to them (brotli at its best quality costs
 * about a second per large chunk, too slow per request but free at build time), which are sent
 * as is when the browser accepts them. index.html is not served from here: it is rendered per
 * request with its boot data (SpaRenderer) and never cached.
 */
export function staticAssets(clientDir: string): Router {
  const root = resolve(clientDir);
  const assetsDir = join(root, 'assets');
  const r = express.Router();

  r.get('/assets/*file', (req, res, next) => {
    const file = resolve(root, '.' + decodePath(req.path));
    // Only files inside assets/; the .br/.gz copies themselves are not asked for by name.
    if (!file.startsWith(assetsDir + sep) || file.endsWith('.br') || file.endsWith('.gz')) return next();
    const available = PRECOMPRESSED.filter((p) => existsSync(file + p.suffix));
    if (available.length === 0) return next();
    // Our order, not the header's: browsers list "gzip, deflate, br" and accept each equally.
    const chosen = available.find((p) => req.acceptsEncodings(p.encoding) === p.encoding);
    res.vary('Accept-Encoding');
    if (!chosen || !existsSync(file)) return next();
    // Content-Type from the original name (send keeps a type already set); the body is the sibling.
    res.type(file.slice(file.lastIndexOf('.')));
    res.setHeader('Content-Encoding', chosen.encoding);
    // send() keeps a Cache-Control already set.
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(file + chosen.suffix, (err) => {
      if (!err) return;
      // The error page is neither brotli nor a year-long cache entry.
      if (!res.headersSent) {
        res.removeHeader('Content-Encoding');
        res.removeHeader('Cache-Control');
      }
      next(err);
    });
  });

  r.use((req, _res, next) => {
    // The raw template has no boot data: /index.html is not a page of its own.
    if (req.path === '/index.html') return next('router');
    next();
  });
  r.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) => cacheControlFor(res, path, assetsDir),
    }),
  );
  return r;
}

/** A %-escape that does not decode is not a file we have. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/\0invalid';
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BootData, SupportContact } from '../api/contract.js';

// Used when the UI has not been built (unit tests): same contract, no bundle.
const FALLBACK_INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="fb-boot" content=""><title>Fulfillment Bridge</title></head>
<body><div id="root"></div></body></html>`;

const BOOT_META = /<meta name="fb-boot" content="[^"]*"\s*\/?>/;

/** Renders the SPA's index.html with per-request boot data in a meta tag (no inline script: CSP). */
export class SpaRenderer {
  private readonly template: string;

  /** `support` goes into every page's boot data, so Help works on every page, even without a session. */
  constructor(
    readonly clientDir: string,
    private readonly support: SupportContact | null = null,
  ) {
    const file = join(clientDir, 'index.html');
    this.template = existsSync(file) ? readFileSync(file, 'utf8') : FALLBACK_INDEX;
    if (!BOOT_META.test(this.template)) throw new Error(`${file} lacks the <meta name="fb-boot"> tag`);
  }

  render(boot: BootData): string {
    const data: BootData = this.support && !boot.support ? { ...boot, support: this.support } : boot;
    const encoded = Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
    return this.template.replace(BOOT_META, `<meta name="fb-boot" content="${encoded}">`);
  }
}

/**
 * Whether a path can be one of the UI's pages (a bookmark, a reload). Files are not pages: a
 * missing bundle under /assets/ or anything with an extension answers 404, because the HTML page
 * in its place would be run or parsed as the file and fail in a confusing way.
 */
export function isPagePath(path: string): boolean {
  if (path === '/assets' || path.startsWith('/assets/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]+$/.test(last);
}

// The initial-JS benchmark's arithmetic on a fixture build: the entry and its static imports
// count, chunks reached only through dynamic imports do not, and a missing build is named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureInitialJs } from '../../bench/initial-js.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-build-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  const files: Record<string, string> = {
    'assets/index-a.js': 'a'.repeat(5000),
    'assets/vendor-b.js': 'b'.repeat(3000),
    'assets/OrdersPage-c.js': 'c'.repeat(9000),
    'assets/JsonViewer-d.js': 'd'.repeat(800),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, '.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_vendor-b.js'], dynamicImports: ['src/pages/orders/OrdersPage.tsx'] },
      '_vendor-b.js': { file: 'assets/vendor-b.js' },
      'src/pages/orders/OrdersPage.tsx': {
        file: 'assets/OrdersPage-c.js',
        isDynamicEntry: true,
        imports: ['index.html', '_vendor-b.js'],
        dynamicImports: ['src/components/JsonViewer.tsx'],
      },
      'src/components/JsonViewer.tsx': { file: 'assets/JsonViewer-d.js', isDynamicEntry: true, imports: ['_vendor-b.js'] },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('measureInitialJs', () => {
  it('counts the entry and its static imports, not the lazily loaded chunks', () => {
    const r = measureInitialJs(dir);
    expect(r.initial.files.map((f) => f.file).sort()).toEqual(['assets/index-a.js', 'assets/vendor-b.js']);
    expect(r.largestLazy.map((f) => f.file)).toEqual(['assets/OrdersPage-c.js', 'assets/JsonViewer-d.js']);
    expect(r.initial.gzipKb).toBeCloseTo(r.initial.files[0]!.gzipKb + r.initial.files[1]!.gzipKb, 1);
    expect(r.initial.met).toBe(true);
    expect(r.viewer).toEqual({ file: 'assets/JsonViewer-d.js', inInitial: false });
  });

  it('says to build first when there is no build', () => {
    expect(() => measureInitialJs(join(dir, 'missing'))).toThrow(/run `npx vite build` first/);
  });
});

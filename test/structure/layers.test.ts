// Issue 10 point 5: dependencies point down. Repositories return domain types (server/domain) and
// the API maps them to its wire types (server/api/contract.ts), so storage never depends on the
// HTTP edge; nothing below the edge (flows, health, notifications, webhooks…) names a wire type
// either; the domain depends on nothing but shared/; and what the browser type-checks through
// the contract stays free of server-only modules. Type-only imports count too: they are what made
// storage and the API one tangle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module specifier a file names: static imports and re-exports (type-only included), side-effect imports, dynamic import(). */
export function specifiers(source: string): string[] {
  const found = [
    ...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1] ?? '');
}

/** The file a relative specifier names (`./x.js` → x.ts), or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return `${base}.ts`;
}

const rel = (file: string) => relative(root, file);

/** "file → imported file" for every local import of `files` whose target matches `forbidden`. */
function importsInto(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).flatMap((spec) => {
      const target = resolveLocal(file, spec);
      return target && forbidden(rel(target)) ? [`${rel(file)} → ${rel(target)}`] : [];
    }),
  );
}

describe('layers', () => {
  it('finds the imports it checks (type-only, multi-line, re-exports, dynamic)', () => {
    const text = `import type {\n  A,\n  B,\n} from '../api/contract.js';\nexport type { C } from './c.js';\nconst m = await import('../api/x.js');\nimport './side.js';`;
    expect(specifiers(text)).toEqual(['../api/contract.js', './c.js', './side.js', '../api/x.js']);
  });

  it('storage imports nothing from the API (repositories return domain types)', () => {
    expect(importsInto(sourceFiles('server/storage'), (t) => t.startsWith('server/api/'))).toEqual([]);
  });

  it('nothing outside the HTTP edge imports the API (flows, health, notifications… work in domain types)', () => {
    // The edge: server/api (routes, wire contract, request schemas) and server/http, which renders
    // wire formats the browser reads through the contract (the ApiError body of every failed /api
    // call, the BootData the page boots from). server/app.ts is the composition root that mounts the
    // API router. Everything else hands domain types up and lets the routes answer with them.
    const edge = (f: string) => f.startsWith('server/api/') || f.startsWith('server/http/') || f === 'server/app.ts';
    const inner = sourceFiles('server').filter((f) => !edge(rel(f)));
    expect(inner.length).toBeGreaterThan(100);
    expect(importsInto(inner, (t) => t.startsWith('server/api/'))).toEqual([]);
  });

  it('the domain imports nothing but itself and shared/', () => {
    const files = sourceFiles('server/domain');
    expect(files.length).toBeGreaterThan(0);
    expect(importsInto(files, (t) => !t.startsWith('server/domain/') && !t.startsWith('shared/'))).toEqual([]);
    const packages = files.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => !s.startsWith('.'))
        .map((s) => `${rel(f)} → ${s}`),
    );
    expect(packages).toEqual([]);
  });

  it("the wire contract's module graph (what the browser type-checks) holds no server-only module", () => {
    // Allowed: the contract files themselves, the zod request schemas they derive body types from,
    // the domain, and shared/.
    const allowed = (f: string) =>
      /^server\/api\/contract(-[a-z-]+)?\.ts$/.test(f) || f.startsWith('server/api/inputs/') || f.startsWith('server/domain/') || f.startsWith('shared/');
    const seen = new Set<string>();
    const outside: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const target = resolveLocal(file, spec);
        if (!target) continue;
        if (!allowed(rel(target))) outside.push(`${rel(file)} → ${rel(target)}`);
        else visit(target);
      }
    };
    visit(join(root, 'server/api/contract.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});

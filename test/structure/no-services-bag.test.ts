// Issue 10 point 5: each module receives only the collaborators it uses, no `Services` bag.
// Routes, receivers and flows declare what they take as Pick<Collaborators, …> (server/collaborators.ts,
// a type-only leaf); only the composition root builds and names the whole set (server/services.ts).
// When every route and flow imported services.ts, which imports the modules that import it back,
// the server's top-level units formed one type-level cycle. Type-only imports count: they are the
// ones that made the cycle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const SERVICES = 'server/services.ts';
const COLLABORATORS = 'server/collaborators.ts';
/** The composition root: builds the services (services.ts), wires the app and the worker (app.ts, main.ts). */
const MAY_IMPORT_SERVICES = new Set([SERVICES, 'server/app.ts', 'server/main.ts']);
/** Modules that take collaborators: importing one from collaborators.ts would close a cycle. */
const TAKERS = /^server\/(api|flows|webhooks|callbacks)\//;

const rel = (file: string) => relative(root, file);

function serverFiles(): string[] {
  return readdirSync(join(root, 'server'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => rel(join(e.parentPath, e.name)));
}

/** The local files `source` (at `file`) imports: type-only, re-exports and dynamic imports included. */
export function localImports(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const base = resolve(dirname(join(root, file)), spec).replace(/\.js$/, '');
      const target = [`${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c)) ?? `${base}.ts`;
      return rel(target);
    });
}

function importGraph(): Map<string, string[]> {
  return new Map(serverFiles().map((f) => [f, localImports(f, readFileSync(join(root, f), 'utf8'))]));
}

/** Every module reachable from `start` through imports (not counting `start` unless a cycle leads back). */
function reachable(graph: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(graph.get(start) ?? [])];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(graph.get(f) ?? []));
  }
  return seen;
}

describe('no Services bag', () => {
  const graph = importGraph();

  it('finds the imports it checks (type-only, multi-line, re-exports, dynamic)', () => {
    const text = [
      `import type { Services } from '../services.js';`,
      `import type {\n  Collaborators,\n} from '../collaborators.js';`,
      `export type { X } from '../flows/x.js';`,
      `const m = await import('../webhooks/y.js');`,
    ].join('\n');
    expect(localImports('server/api/some-routes.ts', text)).toEqual([SERVICES, COLLABORATORS, 'server/flows/x.ts', 'server/webhooks/y.ts']);
    // The scan sees the real tree: the composition root imports services.ts, and routes take collaborators.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('server/app.ts')).toContain(SERVICES);
    expect([...graph.values()].filter((deps) => deps.includes(COLLABORATORS)).length).toBeGreaterThan(20);
  });

  it('only the composition root imports server/services.ts', () => {
    const importers = [...graph].filter(([file, deps]) => deps.includes(SERVICES) && !MAY_IMPORT_SERVICES.has(file)).map(([file]) => file);
    expect(importers).toEqual([]);
  });

  it('collaborators.ts imports no module that takes collaborators (api, flows, webhooks, callbacks) nor services.ts', () => {
    const deps = graph.get(COLLABORATORS);
    expect(deps?.length).toBeGreaterThan(5);
    expect(deps!.filter((d) => TAKERS.test(d) || d === SERVICES)).toEqual([]);
  });

  it('collaborators.ts imports only from top-level units none of whose modules take collaborators', () => {
    // Unit-level acyclicity (a unit is a directory under server/, or a file directly in it):
    // sessions/require-session.ts takes collaborators, so collaborators.ts may not name
    // sessions/session-tokens.ts even though that file alone would not import it back.
    const unitOf = (f: string) => f.split('/').slice(0, 2).join('/');
    const takerUnits = new Set([...graph].filter(([, deps]) => deps.includes(COLLABORATORS)).map(([file]) => unitOf(file)));
    expect(takerUnits.has('server/api') && takerUnits.has('server/sessions')).toBe(true);
    const deps = graph.get(COLLABORATORS) ?? [];
    expect(deps.filter((d) => takerUnits.has(unitOf(d)))).toEqual([]);
  });

  it('neither collaborators.ts nor services.ts is part of an import cycle', () => {
    for (const file of [COLLABORATORS, SERVICES]) {
      const path = reachable(graph, file);
      expect(path.size, file).toBeGreaterThan(0);
      expect(path.has(file) ? `${file} imports itself back` : null).toBeNull();
    }
  });
});

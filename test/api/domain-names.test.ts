// Issue 10 point 5: "loop" was a milestone's name ("closing the loop"), not a domain word. Files,
// routes and functions now say what they hold: flow settings and options, carrier mappings and
// inventory, an order's fulfillment detail. (Migration 004_closing_the_loop keeps its name: it is
// recorded by name in every existing database.) What still says "loop" means a real loop: the job
// worker's and the scheduler's polling loop, Node's event loop, loopback addresses.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const sources = (dir: string) =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

/** Code without its comments, so "a tight loop" in a comment is not read as a name. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

// The only files and names that say "loop" about a loop.
const REAL_LOOP_FILES = ['test/jobs/worker-loop.test.ts']; // the JobWorker's polling loop
const REAL_LOOP_NAMES = new Set(['runLoop', 'monitorEventLoopDelay']); // JobWorker's polling loop; Node's event loop

describe('domain names instead of "loop"', () => {
  const files = ['server', 'client/src', 'shared'].flatMap(sources);
  const withTests = [...files, ...sources('test')];
  const self = relative(root, import.meta.filename);

  it('names no source or test file after the milestone', () => {
    const named = withTests.map((f) => relative(root, f)).filter((f) => /loop(?!back)/i.test(f.split('/').pop() ?? ''));
    expect(named.filter((f) => !REAL_LOOP_FILES.includes(f))).toEqual([]);
  });

  it('declares and uses no loop-named type, function or variable (LoopSettings, OrderLoopDetail, saveLoop…)', () => {
    // This file spells the forbidden names out as samples, so it is left out of its own scan.
    const hits = withTests
      .filter((f) => relative(root, f) !== self)
      .flatMap((f) =>
        [...code(readFileSync(f, 'utf8')).matchAll(/\b(?:[\w$]*Loop(?!back)[\w$]*|loop[A-Z_][\w$]*|LOOP(?!BACK)[A-Z_]*)\b/g)]
          .map((m) => m[0])
          .filter((name) => !REAL_LOOP_NAMES.has(name))
          .map((name) => `${relative(root, f)}: ${name}`),
      );
    expect(hits).toEqual([]);
  });

  it('calls no test "closing the loop"', () => {
    const hits = withTests
      .filter((f) => relative(root, f) !== self)
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/clos\w* the loop|the loop clos\w*/gi)].map((m) => `${relative(root, f)}: ${m[0]}`));
    expect(hits).toEqual([]);
  });

  it('finds the names it forbids', () => {
    const sample = code('// a tight loop\nexport interface LoopSettings {}\nawait repo.saveLoop(s);\nconst LOOP_MS = 1;\nconst LOOPBACK = 1; runLoop();');
    const found = [...sample.matchAll(/\b(?:[\w$]*Loop(?!back)[\w$]*|loop[A-Z_][\w$]*|LOOP(?!BACK)[A-Z_]*)\b/g)].map((m) => m[0]);
    expect(found).toEqual(['LoopSettings', 'saveLoop', 'LOOP_MS', 'runLoop']);
  });

  it('serves no /loop route and exports no loop-named function', () => {
    const hits = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/['"`][^'"`\n]*\/loop\b[^'"`\n]*['"`]|export (?:async )?function loop\w*/g)].map((m) => `${relative(root, f)}: ${m[0]}`),
    );
    expect(hits).toEqual([]);
  });
});

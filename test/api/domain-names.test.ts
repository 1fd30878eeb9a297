// Issue 10 point 5: "loop" was a milestone's name ("closing the loop"), not a domain word. Files,
// routes and functions now say what they hold: flow settings and options, carrier mappings and
// inventory, an order's fulfillment detail. (Migration 004_closing_the_loop keeps its name: it is
// recorded by name in every existing database.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const sources = (dir: string) =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('domain names instead of "loop"', () => {
  const files = ['server', 'client/src', 'shared'].flatMap(sources);

  it('names no source file after the milestone', () => {
    expect(files.map((f) => relative(root, f)).filter((f) => /loop/i.test(f.split('/').pop() ?? ''))).toEqual([]);
  });

  it('serves no /loop route and exports no loop-named function', () => {
    const hits = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/['"`][^'"`\n]*\/loop\b[^'"`\n]*['"`]|export (?:async )?function loop\w*/g)].map((m) => `${relative(root, f)}: ${m[0]}`),
    );
    expect(hits).toEqual([]);
  });
});

// Issue 10 point 5: code that both the browser and the server run lives in shared/, which imports
// nothing outside itself; the client reaches server/ for types only (erased from the bundle).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OrderSyncState } from '../../server/api/contract.js';
import { ORDER_STATES, type OrderState } from '../../shared/order-state-labels.js';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** `import … from '…'` and `export … from '…'` statements that bring a runtime value. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

describe('the shared module', () => {
  it('imports nothing outside shared/', () => {
    const outside = sourceFiles(join(root, 'shared')).flatMap((f) =>
      valueImports(f)
        .concat([...readFileSync(f, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] ?? ''))
        .filter((spec) => !spec.startsWith('./'))
        .map((spec) => `${relative(root, f)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('is the only runtime code the client takes from outside client/ (server/ is used for types only)', () => {
    const fromServer = sourceFiles(join(root, 'client/src')).flatMap((f) =>
      valueImports(f)
        .filter((spec) => /(^|\/)server\//.test(spec))
        .map((spec) => `${relative(root, f)} → ${spec}`),
    );
    expect(fromServer).toEqual([]);
  });

  it("keeps the order states the API's state type", () => {
    expectTypeOf<OrderState>().toEqualTypeOf<OrderSyncState>();
    expect(new Set(ORDER_STATES).size).toBe(ORDER_STATES.length);
  });
});

import type { TableColumn } from '@bigcommerce/big-design';
import { describe, expect, it } from 'vitest';
import { StableColumnRenders } from '../../client/src/components/stableColumns.js';

type Row = { id: number; name: string };

const columnsWith = (suffix: string): Array<TableColumn<Row>> => [
  { hash: 'id', header: 'ID', render: ({ id }) => `#${id}${suffix}` },
  { hash: 'name', header: 'Name', width: '10rem', render: ({ name }) => `${name}${suffix}` },
];

describe('StableColumnRenders: BigDesign Table cells are not remounted by new render functions', () => {
  it('keeps each column’s render identity across new column arrays, and renders with the newest function', () => {
    const renders = new StableColumnRenders<Row>();
    const first = renders.wrap(columnsWith(' (1)'));
    const second = renders.wrap(columnsWith(' (2)'));
    expect(second[0]!.render).toBe(first[0]!.render);
    expect(second[1]!.render).toBe(first[1]!.render);
    expect(first[0]!.render).not.toBe(first[1]!.render);
    // The first wrapper now draws with the second render function.
    expect(first[1]!.render({ id: 7, name: 'Jane' })).toBe('Jane (2)');
    expect(second[1]!.width).toBe('10rem');
    expect(second.map((c) => c.hash)).toEqual(['id', 'name']);
  });

  it('follows columns by hash when they are reordered, added or dropped', () => {
    const renders = new StableColumnRenders<Row>();
    const [id] = renders.wrap(columnsWith(''));
    const swapped = renders.wrap([...columnsWith('!')].reverse());
    expect(swapped[1]!.render).toBe(id!.render);
    expect(swapped[1]!.render({ id: 3, name: 'x' })).toBe('#3!');
    const added = renders.wrap([{ hash: 'extra', header: 'Extra', render: () => 'new' }]);
    expect(added[0]!.render({ id: 1, name: 'a' })).toBe('new');
  });
});

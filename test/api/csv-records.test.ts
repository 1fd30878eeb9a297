import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecords } from '../../server/api/csv-records.js';

const lineOf = async (text: string) => {
  try {
    await csvRecords(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err.line;
    throw err;
  }
  throw new Error('expected a CsvSyntaxError');
};

describe('csvRecords', async () => {
  it('reads LF and CRLF records, drops a BOM, trims outside quotes, keeps quoted text exactly', async () => {
    expect(await csvRecords('\uFEFFa, b \r\n" c ",d\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: [' c ', 'd'], line: 2 },
    ]);
  });

  it('reads quoted commas, doubled quotes and newlines, numbering lines as in the file', async () => {
    expect(await csvRecords('"A,1","WH ""x"""\n"multi\nline",2\n\n  \nlast,3')).toEqual([
      { fields: ['A,1', 'WH "x"'], line: 1 },
      { fields: ['multi\nline', '2'], line: 2 },
      { fields: ['last', '3'], line: 6 },
    ]);
  });

  it('keeps empty fields and any number of columns', async () => {
    expect(await csvRecords(',x\none\na,b,c\n')).toEqual([
      { fields: ['', 'x'], line: 1 },
      { fields: ['one'], line: 2 },
      { fields: ['a', 'b', 'c'], line: 3 },
    ]);
  });

  it('reports broken quoting with its line', async () => {
    expect(await lineOf('A,1\nB,"never closed\nC,3')).toBe(2);
    expect(await lineOf('A,1\nB,WH "x"\n')).toBe(2);
    expect(await lineOf('A,"x"y\n')).toBe(1);
  });

  it('lets other work run while a large file is read (the event loop is not held for the whole file)', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `SKU-${i},WH-${i}`).join('\n');
    const order: string[] = [];
    const reading = csvRecords(text).then((r) => order.push(`parsed ${r.length}`));
    setImmediate(() => order.push('other request'));
    await reading;
    expect(order).toEqual(['other request', 'parsed 20000']);
  });
});

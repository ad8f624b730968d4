import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader';
import { neutralizeFormula, writeCsv } from './csv-writer';
import { MAX_CSV_BYTES, MAX_DEALS } from './limits';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Cell text drawn from characters that stress a CSV reader: every delimiter, quotes, breaks. */
const cell = fc.string({
  unit: fc.constantFrom('a', 'B', '7', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '=', 'é', '€'),
  maxLength: 12,
});
/** Header names: no delimiter or break, so the header alone tells which delimiter is used. */
const name = fc.string({
  unit: fc.constantFrom('a', 'b', 'Z', '-', '_', '1'),
  minLength: 1,
  maxLength: 8,
});

const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(name, { minLength: width, maxLength: width }),
    rows: fc.array(
      fc
        .array(cell, { minLength: width, maxLength: width })
        // Readers skip blank lines, so a row of blank cells is not data.
        .filter((row) => row.some((c) => c.trim() !== '')),
      { maxLength: 8 },
    ),
  }),
);

describe('readCsv round-trips what writeCsv writes', () => {
  it('for any delimiter, quoting, line ending and byte-order mark, delimiter given', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...DELIMITERS),
        fc.boolean(),
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        ({ header, rows }, delimiter, quoteAll, newline, bom) => {
          const text = writeCsv([header, ...rows], { delimiter, quoteAll, newline, raw: true });
          const result = readCsv((bom ? '\ufeff' : '') + text, { delimiter });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.table.header).toEqual(header);
          expect(result.table.rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finding the delimiter itself when the header has more than one column', () => {
    fc.assert(
      fc.property(
        table.filter(({ header, rows }) => header.length > 1 && rows.length > 0),
        fc.constantFrom(...DELIMITERS),
        ({ header, rows }, delimiter) => {
          // Quoted cells, as CRMs write them, so a delimiter inside a cell is not a candidate.
          const text = writeCsv([header, ...rows], { delimiter, quoteAll: true, raw: true });
          const result = readCsv(text);
          expect(result.ok && result.table.delimiter).toBe(delimiter);
          if (result.ok) expect(result.table.rows).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('readCsv', () => {
  it('keeps a formula as the text it is', () => {
    const result = readCsv('Deal Name,Amount\n"=HYPERLINK(""http://x"",""Click"")",=1+1\n');
    expect(result.ok && result.table.rows).toEqual([['=HYPERLINK("http://x","Click")', '=1+1']]);
  });

  it('refuses an empty file, or one of blank lines, at row 1', () => {
    for (const text of ['', '\ufeff', '\r\n\r\n  \n']) {
      expect(readCsv(text)).toEqual({
        ok: false,
        problem: { message: 'The file is empty: there is no header row and no deal.', row: 1 },
      });
    }
  });

  it('refuses a file past the size limit before reading it, naming the limit', () => {
    const result = readCsv('Deal Stage\nA\n', { bytes: 50 * 1024 * 1024 });
    expect(result).toEqual({
      ok: false,
      problem: { message: 'The file is 50.0 MB; GTM Blueprint reads deal exports up to 40 MB.' },
    });
    expect(readCsv('Deal Stage\nA\n', { bytes: MAX_CSV_BYTES }).ok).toBe(true);
  });

  it('refuses more rows than the limit, reads exactly the limit', () => {
    const rows = (n: number) => `Deal Stage\n${'A\n'.repeat(n)}`;
    expect(readCsv(rows(MAX_DEALS)).ok).toBe(true);
    const over = readCsv(rows(MAX_DEALS + 1));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problem.message).toMatch(/more than 200,000 deals/);
  });

  it('refuses a quote that is never closed, with its row', () => {
    const result = readCsv('Deal Stage,Deal Name\nMQL,ok\nSQL,"runs on\nand on\n');
    expect(result).toMatchObject({ ok: false, problem: { row: 3 } });
  });
});

describe('writeCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(
      writeCsv([
        ['Deal', 'Note'],
        ['=HYPERLINK("http://x")', '+1'],
        ['@SUM(A1)', '-2'],
      ]),
    ).toBe('Deal,Note\r\n"\'=HYPERLINK(""http://x"")",\'+1\r\n\'@SUM(A1),\'-2');
    expect(neutralizeFormula('Acme')).toBe('Acme');
  });
});

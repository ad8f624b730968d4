/**
 * Writes rows as CSV. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or
 * a carriage return first: OWASP's CSV injection list) gets a leading apostrophe, so a deal
 * named `=HYPERLINK(…)` opens as that text. `raw` skips this, for round-trip tests only.
 */
interface WriteCsvOptions {
  readonly delimiter?: string;
  /** Quote every cell, not only those that need it. */
  readonly quoteAll?: boolean;
  readonly raw?: boolean;
  readonly newline?: '\n' | '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function writeCsv(
  rows: readonly (readonly string[])[],
  options: WriteCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const text = options.raw ? cell : neutralizeFormula(cell);
          const needsQuotes =
            options.quoteAll ||
            text.includes(delimiter) ||
            /["\r\n]/.test(text) ||
            text !== text.trim() ||
            // A lone empty cell would be a blank line, which readers skip.
            (row.length === 1 && text === '');
          return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(delimiter),
    )
    .join(newline);
}

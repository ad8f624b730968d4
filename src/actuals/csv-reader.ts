import Papa from 'papaparse';
import { MAX_CSV_BYTES, MAX_CSV_LABEL, MAX_DEALS } from './limits';

/** A CSV file as a header and rows of text. Every cell is text: nothing is evaluated. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The delimiter found (or given), for messages and a faithful round trip. */
  readonly delimiter: string;
}

/** Why a file could not be read, with where when there is a where (1-based, header is row 1). */
export interface CsvProblem {
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

type CsvResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly problem: CsvProblem };

const DELIMITERS = [',', ';', '\t', '|'];

interface ReadCsvOptions {
  readonly delimiter?: string;
  /** The file's size in bytes when known (a File), else measured from the text. */
  readonly bytes?: number;
}

/**
 * Reads CSV text with papaparse: any of `,` `;` tab `|` (found from the first lines), quoted
 * fields with doubled quotes and line breaks inside, a byte-order mark, CRLF or LF. Blank lines
 * are skipped. Past the size or row limit the file is refused, naming the limit.
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvResult {
  const bytes = options.bytes ?? byteLength(text);
  if (bytes > MAX_CSV_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    return refuse(`The file is ${mb} MB; GTM Blueprint reads deal exports up to ${MAX_CSV_LABEL}.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    return refuse('The file is empty: there is no header row and no deal.', 1);
  const parsed = Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? '',
    delimitersToGuess: DELIMITERS,
    // Blank lines only; rows of blank cells are dropped below, which is much faster than
    // papaparse's 'greedy' test of every row.
    skipEmptyLines: true,
    // Past the limit papaparse stops; one row more tells a file at the limit from one over it.
    preview: MAX_DEALS + 2,
  });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    return refuse(
      'A quoted field is never closed: a quote mark opens a field that runs to the end of the file.',
      (unclosed.row ?? 0) + 1,
    );
  }
  const [header, ...rows] = parsed.data.filter(hasText);
  if (!header || header.every((cell) => cell.trim() === '')) {
    return refuse('The file has no header row naming its columns.', 1);
  }
  if (rows.length > MAX_DEALS) {
    return refuse(
      `The file has more than ${MAX_DEALS.toLocaleString('en-US')} deals, the most GTM Blueprint reads at once; export one pipeline or a shorter period.`,
      MAX_DEALS + 2,
    );
  }
  return {
    ok: true,
    table: { header: header.map((cell) => cell.trim()), rows, delimiter: parsed.meta.delimiter },
  };
}

function hasText(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return true;
  return false;
}

function refuse(message: string, row?: number): CsvResult {
  return { ok: false, problem: row === undefined ? { message } : { message, row } };
}

function byteLength(text: string): number {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only a text that could be over needs counting.
  if (text.length * 3 <= MAX_CSV_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

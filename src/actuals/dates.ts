/**
 * Dates in CRM exports, read as calendar days (days since 1970-01-01, UTC): ISO (`2026-03-14`,
 * with or without a time and offset), HubSpot's and Pipedrive's `2026-03-14 09:30`, slashed
 * dates (`3/14/2026` or `14/03/2026`), dotted European dates (`14.03.2026`) and month names
 * (`Mar 14, 2026`, `14 Mar 2026`). The time of day is dropped: every figure counts whole days.
 * Anything else is unreadable and reported, never guessed.
 */

/** Which part of a slashed date is the month: `mdy` (US exports) or `dmy`. */
export type DayOrder = 'mdy' | 'dmy';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s.*)?$/;
const SLASHED =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ ,]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ ,]+.*)?$/;
const DAY_FIRST = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})(?:[ ,]+.*)?$/;

export function toDay(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // 2026-02-30 rolls over to March in Date.UTC: a date that does not exist is unreadable.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

function monthNumber(name: string): number | undefined {
  return (
    MONTHS[name.slice(0, name.length > 4 ? 3 : name.length).toLowerCase()] ??
    MONTHS[name.slice(0, 3).toLowerCase()]
  );
}

function fullYear(text: string): number {
  const year = Number(text);
  // Two-digit years in Salesforce's short format: 00–69 is 2000–2069.
  return text.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

/** A calendar day, or null when the text is not a date in a format we read. */
export function parseDay(text: string, order: DayOrder = 'mdy'): number | null {
  const value = text.trim();
  let m = ISO.exec(value) ?? YMD_SLASH.exec(value);
  if (m) return toDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = fullYear(m[3] as string);
    return order === 'mdy' ? toDay(year, a, b) : toDay(year, b, a);
  }
  m = DOTTED.exec(value);
  if (m) return toDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = MONTH_FIRST.exec(value);
  if (m) {
    const month = monthNumber(m[1] as string);
    return month ? toDay(Number(m[3]), month, Number(m[2])) : null;
  }
  m = DAY_FIRST.exec(value);
  if (m) {
    const month = monthNumber(m[2] as string);
    return month ? toDay(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/**
 * The order of slashed dates a file's own values prove: a first part over 12 can only be a day,
 * a second part over 12 only a day too. Undefined when every slashed date reads both ways (the
 * caller then uses the preset's order and says so) or when the file has none.
 */
export function provenDayOrder(values: Iterable<string>): DayOrder | 'mixed' | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of values) {
    const m = SLASHED.exec(raw.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return 'mixed';
  return dayFirst ? 'dmy' : monthFirst ? 'mdy' : undefined;
}

export function isSlashedDate(text: string): boolean {
  return SLASHED.test(text.trim());
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Today as a calendar day in UTC, or the day of `date`. */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000);
}

/** `YYYY-MM-DD` only: the CLI's `--as-of` is a reproducible input, so nothing else is accepted. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? toDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

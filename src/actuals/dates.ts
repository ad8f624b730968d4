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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days since 1970-01-01 for a calendar date, or null when the date does not exist (2026-02-30
 * is not rolled over into March). Civil-from-days arithmetic (H. Hinnant), no Date objects: an
 * export of 100,000 deals has nearly a million dates.
 */
function toDay(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const last = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > last) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
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
  const fast = isoDateOnly(value);
  if (fast !== undefined) return fast;
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

const ZERO = 48;

const TIME_TAIL =
  /^[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;

function digitAt(value: string, i: number): number {
  const digit = value.charCodeAt(i) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/**
 * `YYYY-MM-DD`, alone or with a time, read from its characters: most cells of most exports
 * are this, and a regex per cell was most of an import's time. Undefined for anything else.
 */
function isoDateOnly(value: string): number | null | undefined {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return undefined;
  }
  if (value.length > 10 && !TIME_TAIL.test(value.slice(10))) return undefined;
  const digits = [0, 1, 2, 3, 5, 6, 8, 9].map((i) => digitAt(value, i));
  if (digits.includes(-1)) return undefined;
  const [y1, y2, y3, y4, m1, m2, d1, d2] = digits as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return toDay(y1 * 1000 + y2 * 100 + y3 * 10 + y4, m1 * 10 + m2, d1 * 10 + d2);
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
    // Only a cell with a slash in its first three characters can be a slashed date.
    if (raw.charCodeAt(1) !== 47 && raw.charCodeAt(2) !== 47) continue;
    const m = SLASHED.exec(raw.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return 'mixed';
  return dayFirst ? 'dmy' : monthFirst ? 'mdy' : undefined;
}

export function isSlashedDate(text: string): boolean {
  return (text.charCodeAt(1) === 47 || text.charCodeAt(2) === 47) && SLASHED.test(text.trim());
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

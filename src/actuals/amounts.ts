/**
 * Deal amounts as CRMs export them: `12000`, `$12,000.50`, `€12.000,50`, `12 000,50 EUR`,
 * `CHF 12'000`, `(1,200)` for a negative. The decimal mark is the last `.` or `,` unless that
 * one is followed by exactly three digits and is the only mark of its kind, when it groups
 * thousands (`1,200` is twelve hundred). Null when the text is not an amount.
 */
const NOT_NUMBER = /[^\d.,-]/g;
const CURRENCY_OR_SPACE = /^[\s\p{Sc}A-Za-z'’\u00a0\u202f]*|[\s\p{Sc}A-Za-z'’\u00a0\u202f]*$/gu;

export function parseAmount(text: string): number | null {
  let value = text.trim();
  if (value === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  value = value.replace(CURRENCY_OR_SPACE, '');
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  }
  // Inside the number only digits, marks and grouping spaces or apostrophes may remain.
  const inner = value.replace(/[\s'’\u00a0\u202f]/g, '');
  if (inner === '' || inner.replace(NOT_NUMBER, '') !== inner || !/^\d/.test(inner)) return null;
  if (inner.includes('-')) return null;
  const number = toNumber(inner);
  if (number === null || !Number.isFinite(number)) return null;
  return negative ? -number : number;
}

function toNumber(text: string): number | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const last = Math.max(lastDot, lastComma);
  if (last < 0) return Number(text);
  const mark = text[last] as '.' | ',';
  const other = mark === '.' ? ',' : '.';
  const marks = text.split(mark).length - 1;
  const digitsAfter = text.length - last - 1;
  // `0.125` starts with a zero group, which a thousands grouping never does.
  const decimal =
    text.includes(other) || (marks === 1 && (digitsAfter !== 3 || text.startsWith(`0${mark}`)));
  if (decimal) {
    const whole = text.slice(0, last).split(other).join('');
    if (whole.includes(mark) || !isGrouped(text.slice(0, last), other)) return null;
    return Number(`${whole}.${text.slice(last + 1)}`);
  }
  if (!isGrouped(text, mark)) return null;
  return Number(text.split(mark).join(''));
}

/** `1,234,567` groups by threes after the first group; `12,34` does not. */
function isGrouped(text: string, mark: string): boolean {
  if (!text.includes(mark)) return true;
  const groups = text.split(mark);
  return (
    groups.slice(1).every((group) => /^\d{3}$/.test(group)) && /^\d{1,3}$/.test(groups[0] ?? '')
  );
}

import { isKnown, type Estimate } from './estimate';

/**
 * Number formats shared by the editor and the CLI. The locale is fixed so that a report, a test
 * and the screen show the same text whatever machine produced them.
 */
const LOCALE = 'en-US';
const cache = new Map<string, Intl.NumberFormat>();

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let found = cache.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, found);
  }
  return found;
}

/** Below this a rate shows as "<0.0001%": two significant digits of 1e-300 are 300 zeros. */
const SMALLEST_PERCENT = 1e-6;

/** 0.034 → "3.4%"; rates under 1% keep two significant digits (0.0045 → "0.45%"). */
export function formatPercent(rate: number): string {
  if (rate !== 0 && Math.abs(rate) < SMALLEST_PERCENT) return rate < 0 ? '>-0.0001%' : '<0.0001%';
  const small = rate !== 0 && Math.abs(rate) < 0.01;
  return small
    ? formatter('pct-small', { style: 'percent', maximumSignificantDigits: 2 }).format(rate)
    : formatter('pct', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Whole units from 100 up ("$4,000"), cents below ("$12.5"). */
export function formatMoney(value: number, currency = 'USD'): string {
  const digits = Math.abs(value) < 100 ? 2 : 0;
  return formatter(`money-${currency}-${digits}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Monthly counts are often fractional: 1,234 · 65.3 · 1.63 · 0.33. */
export function formatCount(value: number): string {
  const size = Math.abs(value);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  return formatter(`count-${digits}`, { maximumFractionDigits: digits }).format(value);
}

export function formatDays(days: number): string {
  return `${formatCount(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** "?" stands for an unknown figure; its reason goes in a tooltip or the unknowns list. */
export function formatEstimate(estimate: Estimate, format: (value: number) => string): string {
  return isKnown(estimate) ? format(estimate.value) : '?';
}

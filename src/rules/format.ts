import { isRateKey, type MetricKey } from '../model/metrics';
import type { MessageData } from './types';

/**
 * Fills `{name}` placeholders from the report's data. A placeholder without data stays as
 * written, so a missing value shows up in review instead of printing "undefined".
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}

/** Rates are stored as fractions and read as percentages; the sales cycle is in days. */
export function formatMetricValue(key: MetricKey, value: number): string {
  if (!isRateKey(key)) return `${round(value)} days`;
  return `${round(value * 100)}%`;
}

export function formatMetricRange(key: MetricKey, min: number, max: number): string {
  if (!isRateKey(key)) return `${round(min)}-${round(max)} days`;
  return `${round(min * 100)}-${round(max * 100)}%`;
}

export function formatMoney(value: number, currency = 'USD'): string {
  return `${currency} ${Math.round(value).toLocaleString('en-US')}`;
}

/** Joins names the way a sentence does: "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

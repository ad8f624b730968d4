import { describe, expect, it } from 'vitest';
import { known, unknown } from './estimate';
import { formatCount, formatDays, formatEstimate, formatMoney, formatPercent } from './format';

describe('format', () => {
  it('formats rates as percentages', () => {
    expect(formatPercent(0.03)).toBe('3%');
    expect(formatPercent(0.034)).toBe('3.4%');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(0.0045)).toBe('0.45%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('formats money in the diagram currency', () => {
    expect(formatMoney(4000)).toBe('$4,000');
    expect(formatMoney(63_000.4, 'USD')).toBe('$63,000');
    expect(formatMoney(12.5)).toBe('$12.5');
    expect(formatMoney(2000, 'EUR')).toBe('€2,000');
    expect(formatMoney(2000, 'GBP')).toBe('£2,000');
  });

  it('formats fractional monthly counts', () => {
    expect(formatCount(2166.6667)).toBe('2,167');
    expect(formatCount(65.33)).toBe('65.3');
    expect(formatCount(1.625)).toBe('1.63');
    expect(formatCount(0)).toBe('0');
    expect(formatDays(60)).toBe('60 days');
    expect(formatDays(1)).toBe('1 day');
  });

  it('shows an unknown as "?"', () => {
    expect(formatEstimate(known(0.2), formatPercent)).toBe('20%');
    expect(formatEstimate(unknown('Stage "SQL" has no rate.'), formatPercent)).toBe('?');
  });
});

import { describe, expect, it } from 'vitest';
import { parseAmount } from './amounts';
import { formatDay, parseDay, provenDayOrder } from './dates';

const day = (text: string, order?: 'mdy' | 'dmy') => {
  const value = parseDay(text, order);
  return value === null ? null : formatDay(value);
};

describe('parseDay', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T23:30:00Z', '2026-03-14'],
    ['2026-03-14T23:30:00.123+05:30', '2026-03-14'],
    ['2026-03-14 09:30', '2026-03-14'],
    ['2026-03-14 09:30:12', '2026-03-14'],
    ['2026/03/14', '2026-03-14'],
    ['3/14/2026', '2026-03-14'],
    ['3/14/2026 4:05 PM', '2026-03-14'],
    ['03/14/26', '2026-03-14'],
    ['14.03.2026', '2026-03-14'],
    ['Mar 14, 2026', '2026-03-14'],
    ['March 14 2026', '2026-03-14'],
    ['14 Mar 2026', '2026-03-14'],
    ['14-Sep-2026', '2026-09-14'],
  ])('reads %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('reads slashed dates in the order it is told', () => {
    expect(day('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(day('03/04/2026', 'dmy')).toBe('2026-04-03');
  });

  it.each([
    '',
    'soon',
    '2026-02-30',
    '31/02/2026',
    '13/13/2026',
    '2026-13-01',
    'Smarch 3, 2026',
    '45000',
  ])('refuses %j rather than guessing', (text) => {
    expect(day(text, 'dmy')).toBeNull();
  });

  it('learns the order of slashed dates only from a part over 12', () => {
    expect(provenDayOrder(['01/02/2026', '03/04/2026'])).toBeUndefined();
    expect(provenDayOrder(['01/02/2026', '25/04/2026'])).toBe('dmy');
    expect(provenDayOrder(['01/02/2026', '4/25/2026'])).toBe('mdy');
    expect(provenDayOrder(['25/04/2026', '4/25/2026'])).toBe('mixed');
  });
});

describe('parseAmount', () => {
  it.each([
    ['12000', 12000],
    ['12000.5', 12000.5],
    ['$12,000', 12000],
    ['$12,000.50', 12000.5],
    ['USD 12,000.00', 12000],
    ['€12.000,50', 12000.5],
    ['12 000,50 EUR', 12000.5],
    ['12\u00a0000 €', 12000],
    ["CHF 12'000", 12000],
    ['£1,234,567.89', 1234567.89],
    ['0.125', 0.125],
    ['12,5', 12.5],
    ['(1,200)', -1200],
    ['-300', -300],
  ])('reads %j as %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', 'n/a', 'twelve', '12,34,5', '1.2.3,4,5', '--5', '$', '1-2'])(
    'refuses %j',
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );
});

import type { Period } from '../model/schema';

/** How many times a per-period figure counts in one month: 52 weeks or 4 quarters a year. */
export const PER_MONTH: Readonly<Record<Period, number>> = {
  week: 52 / 12,
  month: 1,
  quarter: 1 / 3,
};

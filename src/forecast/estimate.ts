/**
 * A forecast figure: a number, or the reason it cannot be known. Unknowns travel with their
 * first reason so that a "?" on screen always says what is missing, never a silent 100%.
 */
export type Estimate = { readonly value: number } | { readonly unknown: string };

export function known(value: number): Estimate {
  return { value };
}

export function unknown(reason: string): Estimate {
  return { unknown: reason };
}

export function isKnown(estimate: Estimate): estimate is { readonly value: number } {
  return 'value' in estimate;
}

export function valueOf(estimate: Estimate): number | undefined {
  return isKnown(estimate) ? estimate.value : undefined;
}

export const ZERO: Estimate = known(0);

/**
 * Past a thousand trillion a figure says nothing about a go-to-market (the schema allows a
 * billion a week at an ACV of a trillion), and a rate of 1e-300 would send a CAC to infinity:
 * such results are unknown with a reason, so a forecast never prints ∞, NaN or 300 digits.
 */
export const MAX_FIGURE = 1e15;
const TOO_LARGE =
  'A figure came out beyond a thousand trillion, too large to mean anything: check the volumes, rates, spend and ACV.';

function sane(value: number): Estimate {
  return Number.isFinite(value) && Math.abs(value) <= MAX_FIGURE
    ? known(value)
    : unknown(TOO_LARGE);
}

export function add(a: Estimate, b: Estimate): Estimate {
  if (!isKnown(a)) return a;
  if (!isKnown(b)) return b;
  return sane(a.value + b.value);
}

export function sum(estimates: Iterable<Estimate>): Estimate {
  let total = ZERO;
  for (const estimate of estimates) total = add(total, estimate);
  return total;
}

/**
 * Zero wins over unknown: when nothing flows into a stage, its missing rate changes nothing,
 * so an unused branch does not turn the whole forecast into "?".
 */
export function multiply(a: Estimate, b: Estimate): Estimate {
  if (isKnown(a) && a.value === 0) return a;
  if (isKnown(b) && b.value === 0) return b;
  if (!isKnown(a)) return a;
  if (!isKnown(b)) return b;
  return sane(a.value * b.value);
}

export function divide(a: Estimate, b: Estimate, byZero: string): Estimate {
  if (!isKnown(a)) return a;
  if (!isKnown(b)) return b;
  return b.value === 0 ? unknown(byZero) : sane(a.value / b.value);
}

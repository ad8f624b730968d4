/**
 * Width in pixels of `text` drawn in `font` (a CSS font shorthand such as `600 14px system-ui`).
 * Renderers take it as an argument so they stay pure: the browser passes a canvas-based one,
 * Node and the CLI pass `approximateMeasure`.
 */
export type TextMeasure = (text: string, font: string) => number;

const DEFAULT_SIZE = 14;
/**
 * Widths in em, set near the widest common system sans (DejaVu Sans, the Linux default) so
 * that text wrapped with them fits in narrower fonts too (Segoe UI, SF, Roboto, Arial).
 */
const NARROW = 0.3;
const SPACE = 0.32;
const DIGIT = 0.64;
const LOWER = 0.6;
const UPPER = 0.72;
const WIDE = 0.92;
const SYMBOL = 0.84;
const FULL = 1;
const BOLD_FACTOR = 1.12;

const NARROW_CHARS = new Set('iljtfrI.,:;\'!|()[]{}`"'.split(''));
const WIDE_CHARS = new Set('mwMW@%&'.split(''));
const SYMBOL_CHARS = new Set('<>=+~^#'.split(''));

function charWidth(code: number, char: string): number {
  if (code === 32) return SPACE;
  if (NARROW_CHARS.has(char)) return NARROW;
  if (WIDE_CHARS.has(char)) return WIDE;
  if (SYMBOL_CHARS.has(char)) return SYMBOL;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code >= 65 && code <= 90) return UPPER;
  if (code < 0x300) return LOWER;
  // Combining marks take no room of their own.
  if (code >= 0x300 && code < 0x370) return 0;
  // CJK, Hangul, full-width forms and emoji are drawn on a square em.
  if ((code >= 0x1100 && code < 0x1200) || (code >= 0x2e80 && code < 0xa4d0)) return FULL;
  if ((code >= 0xac00 && code < 0xd7a4) || (code >= 0xf900 && code < 0xfb00)) return FULL;
  if ((code >= 0xff00 && code < 0xff61) || code >= 0x1f000) return FULL;
  return LOWER;
}

/**
 * An estimate from average character widths. It errs a little wide, so text wrapped with it
 * fits when a real font draws it; exact only with a real measurer.
 */
export const approximateMeasure: TextMeasure = (text, font) => {
  const sizeMatch = /(\d+(?:\.\d+)?)px/.exec(font);
  const size = sizeMatch ? Number(sizeMatch[1]) : DEFAULT_SIZE;
  const bold = /\b(bold|[6-9]00)\b/.test(font) ? BOLD_FACTOR : 1;
  let em = 0;
  for (const char of text) em += charWidth(char.codePointAt(0) ?? 0, char);
  return em * size * bold;
};

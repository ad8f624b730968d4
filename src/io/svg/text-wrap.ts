import type { TextMeasure } from '../text-measure';
import { cleanText } from './xml';

/** Wrapping never needs more than this many characters of a long text. */
const WRAP_INPUT_LIMIT = 400;

export interface Wrapped {
  readonly lines: string[];
  readonly truncated: boolean;
}

/** `text` cut to fit `maxWidth` with an ellipsis, at a character (for a line that is full). */
export function fitWithEllipsis(
  text: string,
  font: string,
  maxWidth: number,
  measure: TextMeasure,
): string {
  const chars = Array.from(text.trimEnd());
  while (chars.length > 0 && measure(`${chars.join('')}…`, font) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Splits a word too wide for a line at code points, never inside a surrogate pair. */
function splitWord(word: string, font: string, maxWidth: number, measure: TextMeasure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && measure(current + char, font) > maxWidth) {
      pieces.push(current);
      current = char;
    } else current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedy word wrap into at most `maxLines`, the last line ending in `…` when text is left. */
export function wrapText(
  text: string,
  font: string,
  maxWidth: number,
  maxLines: number,
  measure: TextMeasure,
): Wrapped {
  const clean = cleanText(text);
  const input = clean.length > WRAP_INPUT_LIMIT ? clean.slice(0, WRAP_INPUT_LIMIT) : clean;
  const lines: string[] = [];
  let current = '';
  for (const word of input.split(' ')) {
    if (!word) continue;
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, font) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    const pieces =
      measure(word, font) > maxWidth ? splitWord(word, font, maxWidth, measure) : [word];
    current = pieces.pop() ?? '';
    lines.push(...pieces);
    if (lines.length > maxLines) break;
  }
  if (current) lines.push(current);
  const truncated = lines.length > maxLines || input.length < clean.length;
  if (!truncated) return { lines, truncated };
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  if (last >= 0) kept[last] = fitWithEllipsis(kept[last] ?? '', font, maxWidth, measure);
  return { lines: kept, truncated };
}

/**
 * The one sanitiser for user text that is shown: canvas cards, SVG/PNG, Mermaid, the Markdown
 * report and the CLI all pass titles, labels and names through `toDisplayText` first, so a
 * name that reads one way in the editor cannot read another way in an export.
 *
 * Removed, because they only serve to hide or reorder what a reader sees:
 * - zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E,
 *   U+034F, U+115F/U+1160, U+3164, U+FFA0 fillers, U+00AD soft hyphen, tag characters U+E0000–U+E007F);
 * - direction marks, embeddings, overrides and isolates (U+200E/U+200F, U+061C, U+202A–U+202E,
 *   U+2066–U+2069);
 * - C0 and C1 controls other than tab and newline (callers fold those as their format needs);
 * - lone surrogates and the non-characters U+FFFE/U+FFFF, which no format can carry.
 *
 * A zero-width joiner between two pictographs is kept: it only joins emoji ("👩‍💻") and changes
 * neither order nor meaning of the surrounding text.
 */

const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff]|\u034f|\u1160|[\u{e0000}-\u{e007f}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}\uFE0F?$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

/** The line and paragraph separators end a line in some viewers and not in others. */
const ODD_BREAKS = /[\u2028\u2029\u0085]/g;

function isEmojiJoiner(char: string, offset: number, text: string): boolean {
  if (char !== '\u200D') return false;
  const before = text.slice(Math.max(0, offset - 3), offset);
  const after = text.slice(offset + 1, offset + 3);
  return PICTOGRAPH_BEFORE.test(before) && PICTOGRAPH_AFTER.test(after);
}

/**
 * Every hidden character (the set above, line and paragraph separators included) replaced by
 * what `replace` returns for it. The terminal sanitiser shows them as escapes; display text drops them.
 */
export function replaceHidden(text: string, replace: (char: string) => string): string {
  return text
    .replace(ODD_BREAKS, replace)
    .replace(HIDDEN, (char: string, offset: number, whole: string) =>
      isEmojiJoiner(char, offset, whole) ? char : replace(char),
    );
}

/** User text with every invisible or direction-changing character removed. */
export function toDisplayText(text: string): string {
  return text
    .replace(ODD_BREAKS, '\n')
    .replace(HIDDEN, (char: string, offset: number, whole: string) =>
      isEmojiJoiner(char, offset, whole) ? char : '',
    );
}

/** Display text on one line: every run of whitespace (newlines too) becomes one space. */
export function toDisplayLine(text: string): string {
  return toDisplayText(text).replace(/\s+/g, ' ').trim();
}

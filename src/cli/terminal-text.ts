import { replaceHidden } from '../model/display-text';

/**
 * The one sanitiser for everything the CLI writes to a terminal, stdout and stderr alike: C0
 * and C1 controls (ESC, BEL, CR…), invisible and direction-changing characters become visible
 * `\uXXXX` escapes, so a diagram's text can neither drive the terminal nor hide itself. Tab and
 * newline stay: the CLI's own layout uses them. The escapes are JSON's own, so JSON and SARIF
 * output run through this read back to exactly the same values.
 */
export function toTerminalText(text: string): string {
  return replaceHidden(text, escapeUnits);
}

function escapeUnits(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) {
    out += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** A user field on one line of text output: newlines and tabs fold to a space first. */
export function toTerminalLine(text: string): string {
  return toTerminalText(text.replace(/[\t\n]+/g, ' '));
}

import type { Problem } from './problems';
import { formatPath } from './problems';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

interface Frame {
  readonly keys: Set<string> | null;
  /** The key or index of the value being read, for the path of a problem. */
  at: string | number;
  expectKey: boolean;
}

/**
 * The first key that appears twice in one object of a text `JSON.parse` has accepted. JSON.parse
 * keeps the last value and another tool may keep the first, so the same file would mean two
 * different diagrams. One pass over the text with no allocation per value: a 5 MB file
 * takes a few tens of milliseconds.
 */
export function findDuplicateKey(text: string): Problem | null {
  const stack: Frame[] = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) {
          const path = stack.map((frame) => frame.at);
          path[path.length - 1] = key;
          return {
            path: formatPath(path),
            message: `The key ${quoteKey(key)} appears twice in one object; another tool could read the other value, so the file is refused.`,
          };
        }
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (code === 0x7b /* { */) {
      stack.push({ keys: new Set(), at: '', expectKey: true });
    } else if (code === 0x5b /* [ */) {
      stack.push({ keys: null, at: 0, expectKey: false });
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      stack.pop();
    } else if (code === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

const KEY_SHOWN = 40;

function quoteKey(key: string): string {
  return JSON.stringify(key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key);
}

import type { Problem } from './problems';
import { formatPath } from './problems';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
/** Keys that could reach an object's prototype if anything downstream merged the file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
/** Deeper than any real diagram nests. */
export const MAX_DEPTH = 32;
/** Up to this many keys an object's keys are compared in a list; past it, in a set. */
const LIST_KEYS = 16;

export function forbiddenKeyProblem(path: readonly PropertyKey[], key: string): Problem {
  return {
    path: formatPath([...path, key]),
    message: `The key "${key}" is not allowed: it is used to tamper with JavaScript objects.`,
  };
}

export function tooDeepProblem(path: readonly PropertyKey[]): Problem {
  return { path: formatPath(path), message: 'The file nests deeper than a diagram ever does.' };
}

/**
 * The first key of a text `JSON.parse` has accepted that the diagram must not have: one that
 * appears twice in one object (JSON.parse keeps the last value and another tool may keep the
 * first, so the same file would mean two different diagrams), one that could tamper with
 * prototypes, or nesting deeper than a diagram ever does. One pass over the text, which spares
 * the parser a second walk over the parsed value. Each nesting level keeps one key list that is
 * reused for every object met at that depth: a diagram's objects have a handful of keys, and
 * a Set (or a frame object) built per object was most of the scan's time.
 */
export function findKeyProblem(text: string): Problem | null {
  // By depth: the open object's keys so far, or its set once it has many; whether it is an
  // array; whether a key comes next; the current key or index, for a problem's path.
  const lists: string[][] = [];
  const sets: (Set<string> | null)[] = [];
  const isArray: boolean[] = [];
  const expectKey: boolean[] = [];
  const at: (string | number)[] = [];
  let depth = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      if (depth >= 0 && expectKey[depth]) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (FORBIDDEN_KEYS.has(key)) return forbiddenKeyProblem(at.slice(0, depth), key);
        if (addKey(lists[depth]!, sets, depth, key)) {
          const path = at.slice(0, depth + 1);
          path[depth] = key;
          return {
            path: formatPath(path),
            message: `The key ${quoteKey(key)} appears twice in one object; another tool could read the other value, so the file is refused.`,
          };
        }
        at[depth] = key;
        expectKey[depth] = false;
      }
      i = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth++;
      if (depth > MAX_DEPTH) return tooDeepProblem(at.slice(0, depth));
      const array = code === OPEN_ARRAY;
      const list = lists[depth];
      if (list) list.length = 0;
      else lists[depth] = [];
      sets[depth] = null;
      isArray[depth] = array;
      expectKey[depth] = !array;
      at[depth] = array ? 0 : '';
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    } else if (code === COMMA && depth >= 0) {
      if (isArray[depth]) at[depth] = (at[depth] as number) + 1;
      else expectKey[depth] = true;
    }
  }
  return null;
}

/** Adds `key` to the object open at `depth`; true when it was there already. */
function addKey(list: string[], sets: (Set<string> | null)[], depth: number, key: string): boolean {
  const set = sets[depth];
  if (set) {
    if (set.has(key)) return true;
    set.add(key);
    return false;
  }
  for (let k = 0; k < list.length; k++) if (list[k] === key) return true;
  list.push(key);
  if (list.length > LIST_KEYS) sets[depth] = new Set(list);
  return false;
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

import lzString from 'lz-string';
import type { Diagram } from '../model/schema';
import { MAX_FILE_BYTES } from '../model/version';
import { parseDiagramFile, type ParseResult } from './parse-file';
import type { Problem } from './problems';
import { serializeDiagram } from './serialize';
import { SHARE_PARAM, sharePayloadOf } from './share-fragment';

/** Some chat tools and e-mail clients cut links longer than this. */
export const SHARE_LINK_WARN_LENGTH = 32_000;

const DAMAGED: Problem = { path: '(link)', message: 'The link is damaged or incomplete.' };
const TOO_BIG: Problem = {
  path: '(link)',
  message: 'The link holds more than 5 MB of diagram; GTM Blueprint opens diagrams up to 5 MB.',
};

/** The diagram in a link of its own: compact JSON, lz-string compressed, in the fragment. */
export function encodeShareLink(diagram: Diagram, baseUrl: string): string {
  const hashAt = baseUrl.indexOf('#');
  const base = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  const payload = lzString.compressToEncodedURIComponent(
    serializeDiagram(diagram, { pretty: false }),
  );
  return `${base}#${SHARE_PARAM}=${payload}`;
}

/**
 * The diagram a link's fragment (`location.hash`) holds, through the same gate as a file; null
 * when the fragment holds no diagram at all. Never throws: a cut or tampered link is a problem.
 */
export function decodeShareFragment(hash: string): ParseResult | null {
  let payload = sharePayloadOf(hash);
  if (payload === null) return null;
  // Some tools percent-encode `$` or turn `+` into a space when they pass a link on.
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return { ok: false, problems: [DAMAGED] };
    }
  }
  payload = payload.replace(/ /g, '+');
  const result = decompressBounded(payload, MAX_FILE_BYTES);
  if (!result.ok) return { ok: false, problems: [result.reason === 'too-big' ? TOO_BIG : DAMAGED] };
  return parseDiagramFile(result.text);
}

export function shareLinkLength(url: string): {
  length: number;
  tooLong: boolean;
  message?: string;
} {
  const { length } = url;
  if (length <= SHARE_LINK_WARN_LENGTH) return { length, tooLong: false };
  return {
    length,
    tooLong: true,
    message: `The link is ${length.toLocaleString('en-US')} characters long; some chat tools cut links over ${SHARE_LINK_WARN_LENGTH.toLocaleString('en-US')} characters. Share the file instead.`,
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map(Array.from(ALPHABET, (char, value) => [char.charCodeAt(0), value]));
const VALID_PAYLOAD = /^[A-Za-z0-9+\-$]+$/;

export type Decompressed =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'damaged' | 'too-big' };

/**
 * lz-string's `decompressFromEncodedURIComponent`, with one difference that matters for links
 * from strangers: it stops as soon as the output passes `maxLength`. LZ output can grow with
 * the square of its input, so a 30 KB link could otherwise expand to gigabytes and take the tab
 * down before the 5 MB check in the parser ever runs. A test keeps it equal to the original.
 */
export function decompressBounded(input: string, maxLength: number): Decompressed {
  const damaged = { ok: false, reason: 'damaged' } as const;
  if (!VALID_PAYLOAD.test(input)) return damaged;
  const resetValue = 32;
  let value = VALUE_OF.get(input.charCodeAt(0)) ?? 0;
  let position = resetValue;
  let index = 1;

  const readBits = (count: number): number => {
    let bits = 0;
    let power = 1;
    for (let i = 0; i < count; i++) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        value = index < input.length ? (VALUE_OF.get(input.charCodeAt(index)) ?? 0) : 0;
        index++;
      }
      if (bit) bits += power;
      power *= 2;
    }
    return bits;
  };

  // Codes 0-2 are the stream's own markers (8-bit char, 16-bit char, end), never entries.
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first > 1) return damaged;
  const head = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary.push(head);
  let previous = head;
  const result = [head];
  let length = head.length;

  for (;;) {
    if (index > input.length) return damaged;
    let code = readBits(numBits);
    if (code === 2) return { ok: true, text: result.join('') };
    if (code < 2) {
      dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry = dictionary[code];
    if (entry === undefined) {
      if (code !== dictionary.length) return damaged;
      entry = previous + previous.charAt(0);
    }
    length += entry.length;
    if (length > maxLength) return { ok: false, reason: 'too-big' };
    result.push(entry);
    dictionary.push(previous + entry.charAt(0));
    previous = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}

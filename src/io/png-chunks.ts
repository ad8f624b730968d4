/**
 * PNG chunk helpers (pure, no DOM): an exported PNG carries the diagram as an iTXt chunk so the
 * picture can be opened again. Layout per the PNG spec: an 8-byte signature, then chunks of
 * length (4 bytes, big-endian) · type (4) · data · CRC-32 of type + data (4).
 */

/** The text keyword under which an exported picture carries its diagram. */
export const DIAGRAM_TEXT_KEYWORD = 'gtm-blueprint';

export const PNG_SIGNATURE: readonly number[] = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * CRC tables for four bytes at a time ("slicing by 4"): table k gives the CRC of a byte
 * followed by k zero bytes. A 3 MB picture is checked in a third of the time a byte at a time.
 */
const CRC_TABLES = (() => {
  const table = new Uint32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) {
      const previous = table[(k - 1) * 256 + n] ?? 0;
      table[k * 256 + n] = (previous >>> 8) ^ (table[previous & 0xff] ?? 0);
    }
  }
  return table;
})();

/** The CRC-32 the PNG spec uses (the same as zlib's). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = CRC_TABLES;
  let crc = 0xffffffff;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    crc ^=
      (bytes[i] ?? 0) |
      ((bytes[i + 1] ?? 0) << 8) |
      ((bytes[i + 2] ?? 0) << 16) |
      ((bytes[i + 3] ?? 0) << 24);
    crc =
      (t[768 + (crc & 0xff)] ?? 0) ^
      (t[512 + ((crc >>> 8) & 0xff)] ?? 0) ^
      (t[256 + ((crc >>> 16) & 0xff)] ?? 0) ^
      (t[crc >>> 24] ?? 0);
  }
  for (; i < end; i++) crc = (t[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((value, i) => bytes[i] === value);
}

export interface PngChunk {
  readonly type: string;
  /** Offset of the chunk's length field; the chunk spans `offset` to `end`. */
  readonly offset: number;
  readonly end: number;
  readonly data: Uint8Array;
  /** The CRC stored in the file; see `isIntact`. */
  readonly crc: number;
  /** Type and data, the bytes the CRC covers. */
  readonly covered: Uint8Array;
}

/**
 * Whether a chunk's stored CRC matches its bytes. Checked on demand, not while walking the
 * file: the image data can be megabytes that nobody here needs to verify.
 */
export function isIntact(chunk: PngChunk): boolean {
  return crc32(chunk.covered) === chunk.crc;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >>> 24) & 0xff;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/**
 * The chunks of a PNG in file order, or null when the bytes are not a whole PNG (no signature,
 * a length running past the end, no IEND). Never throws: the bytes may come from anyone.
 */
export function readChunks(bytes: Uint8Array): PngChunk[] | null {
  if (!isPng(bytes)) return null;
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    chunks.push({
      type,
      offset: at,
      end,
      data: bytes.subarray(at + 8, at + 8 + length),
      crc: readUint32(bytes, at + 8 + length),
      covered: bytes.subarray(at + 4, at + 8 + length),
    });
    at = end;
    if (type === 'IEND') return chunks;
  }
  return null;
}

/** Width and height from the IHDR chunk, which the spec puts first. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const ihdr = readChunks(bytes)?.[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length < 8) return null;
  return { width: readUint32(ihdr.data, 0), height: readUint32(ihdr.data, 4) };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/** In slices: spreading megabytes into one call would overflow the stack. */
function fromLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/** A keyword is 1-79 printable Latin-1 characters without leading, trailing or double spaces. */
function checkKeyword(keyword: string): void {
  if (!/^[\x21-\x7e\xa1-\xff](?:[\x21-\x7e\xa1-\xff]| (?! ))*$/.test(keyword)) {
    throw new Error(`"${keyword}" is not a valid PNG text keyword.`);
  }
  if (keyword.length > 79) throw new Error('A PNG text keyword has at most 79 characters.');
}

/** The keyword of a tEXt/iTXt chunk: the bytes before its first NUL. */
function keywordOf(data: Uint8Array): { keyword: string; rest: number } | null {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return null;
  return { keyword: String.fromCharCode(...data.subarray(0, nul)), rest: nul + 1 };
}

/** A whole uncompressed iTXt chunk (UTF-8) holding `text` under `keyword`. */
export function createTextChunk(keyword: string, text: string): Uint8Array {
  checkKeyword(keyword);
  const body = new TextEncoder().encode(text);
  // keyword NUL · compression flag 0 · method 0 · language "" NUL · translated keyword "" NUL
  const head = latin1(keyword);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set(body, head.length + 5);
  return chunk('iTXt', data);
}

/**
 * A copy of the PNG with `text` stored under `keyword` as an uncompressed iTXt chunk (UTF-8,
 * so any diagram name survives) just before IEND. Chunks already holding that keyword are
 * dropped, so exporting twice never leaves two diagrams in one file.
 */
export function addTextChunk(
  bytes: Uint8Array,
  keyword: string,
  text: string,
): Uint8Array<ArrayBuffer> {
  const added = createTextChunk(keyword, text);
  const chunks = readChunks(bytes);
  if (!chunks) throw new Error('The bytes are not a complete PNG image.');

  const kept = chunks.filter(
    (c) => !((c.type === 'tEXt' || c.type === 'iTXt') && keywordOf(c.data)?.keyword === keyword),
  );
  const iend = kept[kept.length - 1];
  if (!iend) throw new Error('The PNG has no IEND chunk.');
  const size =
    PNG_SIGNATURE.length + kept.reduce((total, c) => total + c.end - c.offset, 0) + added.length;
  const out = new Uint8Array(size);
  out.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  for (const c of kept) {
    if (c === iend) {
      out.set(added, at);
      at += added.length;
    }
    out.set(bytes.subarray(c.offset, c.end), at);
    at += c.end - c.offset;
  }
  return out;
}

export type TextChunkResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'not-png' | 'missing' | 'damaged' | 'compressed' };

/**
 * The text stored under `keyword` in a tEXt (Latin-1) or iTXt (UTF-8) chunk. A chunk whose
 * CRC does not match is reported as damaged rather than read: a cut or edited file must not
 * be half-opened. Compressed iTXt is not read (our export never writes it).
 */
export function readTextChunk(bytes: Uint8Array, keyword: string): TextChunkResult {
  const chunks = readChunks(bytes);
  if (!chunks) return { ok: false, reason: isPng(bytes) ? 'damaged' : 'not-png' };
  for (const c of chunks) {
    if (c.type !== 'tEXt' && c.type !== 'iTXt') continue;
    const head = keywordOf(c.data);
    if (head?.keyword !== keyword) continue;
    if (!isIntact(c)) return { ok: false, reason: 'damaged' };
    if (c.type === 'tEXt') {
      return { ok: true, text: fromLatin1(c.data.subarray(head.rest)) };
    }
    const compressed = c.data[head.rest] !== 0;
    if (compressed) return { ok: false, reason: 'compressed' };
    // Skip compression flag and method, then the language tag and translated keyword.
    const language = c.data.indexOf(0, head.rest + 2);
    const translated = language === -1 ? -1 : c.data.indexOf(0, language + 1);
    if (translated === -1) return { ok: false, reason: 'damaged' };
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(
        c.data.subarray(translated + 1),
      );
      return { ok: true, text };
    } catch {
      return { ok: false, reason: 'damaged' };
    }
  }
  return { ok: false, reason: 'missing' };
}

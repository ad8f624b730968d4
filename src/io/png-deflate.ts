/**
 * A zlib stream (RFC 1950/1951) for filtered PNG rows, in plain TypeScript: literals and runs
 * of zero bytes only (what zlib calls its Z_RLE strategy), each block with its own Huffman
 * codes. The filter hands over symbols, not bytes: a diagram filtered with Paeth is mostly
 * zeros, and its runs are found a whole pixel at a time, where zlib reads every byte (about
 * 2 ns a byte even for zeros: 100 ms for a 16-megapixel picture before any real work).
 */

/** Symbols per block before a new one starts: a block's codes fit its part of the picture. */
const BLOCK_SYMBOLS = 1 << 16;
const END_OF_BLOCK = 256;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Symbols at or above this are matches of length `symbol - MATCH`; below, literal bytes. */
export const MATCH = 0x10000;
const ADLER_MOD = 65_521;
/** The order in which code-length code lengths are stored (RFC 1951 §3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const CODE_LENGTH_EXTRA: Readonly<Record<number, number>> = { 16: 2, 17: 3, 18: 7 };

/** Length code (257–285), extra bits and base, per match length 3–258 (RFC 1951 §3.2.5). */
const LENGTH_CODE = new Uint16Array(MAX_MATCH + 1);
const LENGTH_EXTRA = new Uint8Array(MAX_MATCH + 1);
const LENGTH_BASE = new Uint16Array(MAX_MATCH + 1);
{
  const extraBits = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
  ];
  let length = MIN_MATCH;
  extraBits.forEach((bits, i) => {
    const base = length;
    for (let k = 0; k < 1 << bits && length < MAX_MATCH; k++, length++) {
      LENGTH_CODE[length] = 257 + i;
      LENGTH_EXTRA[length] = bits;
      LENGTH_BASE[length] = base;
    }
  });
  // 258 has a code of its own rather than the last step of code 284.
  LENGTH_CODE[MAX_MATCH] = 285;
  LENGTH_BASE[MAX_MATCH] = MAX_MATCH;
}

/**
 * Code lengths of a Huffman code for `freq`, none longer than `limit`. At least two symbols get
 * a code: zlib refuses an incomplete code-length code. Past the limit the weights are halved
 * and the code rebuilt, which costs a little size and is always valid.
 */
export function huffmanLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
  const lengths = new Uint8Array(freq.length);
  const symbols: number[] = [];
  for (let s = 0; s < freq.length; s++) if ((freq[s] ?? 0) > 0) symbols.push(s);
  for (let s = 0; symbols.length < 2; s++) if (!symbols.includes(s)) symbols.push(s);
  let weights = symbols.map((s) => Math.max(1, freq[s] ?? 0));
  for (;;) {
    const order = symbols.map((_, i) => i).sort((a, b) => (weights[a] ?? 0) - (weights[b] ?? 0));
    const leaves = order.length;
    const nodes = 2 * leaves - 1;
    const weight = new Float64Array(nodes);
    const parent = new Int32Array(nodes);
    order.forEach((index, i) => (weight[i] = weights[index] ?? 0));
    // Two queues: the sorted leaves, and the inner nodes, which are made in increasing weight.
    let leaf = 0;
    let inner = leaves;
    const smallest = (made: number) =>
      leaf < leaves && (inner >= made || (weight[leaf] ?? 0) <= (weight[inner] ?? 0))
        ? leaf++
        : inner++;
    for (let made = leaves; made < nodes; made++) {
      const a = smallest(made);
      const b = smallest(made);
      weight[made] = (weight[a] ?? 0) + (weight[b] ?? 0);
      parent[a] = made;
      parent[b] = made;
    }
    const depth = new Uint8Array(nodes);
    let longest = 0;
    for (let node = nodes - 2; node >= 0; node--) {
      depth[node] = (depth[parent[node] ?? 0] ?? 0) + 1;
      if (node < leaves) longest = Math.max(longest, depth[node] ?? 0);
    }
    if (longest <= limit) {
      order.forEach((index, i) => (lengths[symbols[index] ?? 0] = depth[i] ?? 0));
      return lengths;
    }
    weights = weights.map((w) => Math.ceil(w / 2));
  }
}

/** Canonical codes for `lengths` (RFC 1951 §3.2.2), bit-reversed: deflate packs bits LSB first. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const length of lengths) count[length] = (count[length] ?? 0) + 1;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + (count[bits - 1] ?? 0)) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  lengths.forEach((length, symbol) => {
    if (length === 0) return;
    let value = next[length] ?? 0;
    next[length] = value + 1;
    let reversed = 0;
    for (let i = 0; i < length; i++, value >>= 1) reversed = (reversed << 1) | (value & 1);
    codes[symbol] = reversed;
  });
  return codes;
}

/** Both alphabets' code lengths, run-length coded with symbols 16–18 (RFC 1951 §3.2.7). */
function codeLengthSymbols(lengths: Uint8Array): [symbol: number, extra: number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lengths.length;) {
    const value = lengths[i] ?? 0;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === value) run++;
    i += run;
    if (value === 0) {
      for (; run >= 11; run -= Math.min(run, 138)) out.push([18, Math.min(run, 138) - 11]);
      if (run >= 3) {
        out.push([17, run - 3]);
        run = 0;
      }
    } else {
      out.push([value, 0]);
      for (run--; run >= 3; run -= Math.min(run, 6)) out.push([16, Math.min(run, 6) - 3]);
    }
    for (; run > 0; run--) out.push([value, 0]);
  }
  return out;
}

/**
 * Pushes `count` (≥ 1) zero bytes: a literal zero, then matches that copy the byte before
 * (distance 1). Returns the new number of symbols.
 */
export function pushZeros(symbols: Uint32Array, freq: Uint32Array, size: number, count: number) {
  let at = size;
  let literals = 1;
  symbols[at++] = 0;
  let left = count - 1;
  while (left >= MIN_MATCH) {
    // Never leave 1 or 2 bytes after a full-length match: those would be literals.
    const length = left > MAX_MATCH + 2 ? MAX_MATCH : left > MAX_MATCH ? left - MIN_MATCH : left;
    const code = LENGTH_CODE[length] ?? 0;
    symbols[at++] = MATCH + length;
    freq[code] = (freq[code] ?? 0) + 1;
    left -= length;
  }
  for (; left > 0; left--, literals++) symbols[at++] = 0;
  freq[0] = (freq[0] ?? 0) + literals;
  return at;
}

/**
 * Writer and checksum state between blocks: byte offset, pending bits and how many, and the
 * two Adler-32 sums.
 */
type WriterState = [at: number, pending: number, count: number, a: number, b: number];

/**
 * The block's symbols as bits, with the Adler-32 of the bytes they stand for. A free function
 * with everything in locals: the hot loop of the encoder. `bytes` has room for 3 bytes a
 * symbol (15 + 5 + 1 bits, with 7 pending) and 3 more.
 */
function writeSymbols(
  symbols: Uint32Array,
  size: number,
  codes: Uint16Array,
  lengths: Uint8Array,
  matchBits: Uint32Array,
  matchCount: Uint8Array,
  bytes: Uint8Array,
  [start, bits, bitCount, sumA, sumB]: WriterState,
): WriterState {
  let at = start;
  let pending = bits;
  let count = bitCount;
  let a = sumA;
  let b = sumB;
  // One flat loop: V8 optimises it whole (nested loops here were compiled for the inner loop
  // only, and thrown away at every exit from it). The sums stay small integers: `b` is
  // reduced at each match, both every 1,024 symbols.
  for (let i = 0; i < size; i++) {
    const symbol = symbols[i] ?? 0;
    if (symbol < MATCH) {
      pending |= (codes[symbol] ?? 0) << count;
      count += lengths[symbol] ?? 0;
      a += symbol;
      b += a;
    } else {
      const length = symbol - MATCH;
      pending |= (matchBits[length] ?? 0) << count;
      count += matchCount[length] ?? 0;
      // Zeros leave the first sum as it is and add it to the second once per byte.
      b = (b + length * a) % ADLER_MOD;
    }
    // Branch-free: three bytes stored every time, as many kept as are whole.
    bytes[at] = pending;
    bytes[at + 1] = pending >>> 8;
    bytes[at + 2] = pending >>> 16;
    const whole = count >>> 3;
    at += whole;
    pending >>>= whole << 3;
    count &= 7;
    if ((i & 1023) === 1023) {
      a %= ADLER_MOD;
      b %= ADLER_MOD;
    }
  }
  a %= ADLER_MOD;
  b %= ADLER_MOD;
  return [at, pending, count, a, b];
}

/**
 * The zlib stream of a PNG's filtered rows. The filter writes symbols straight into `symbols`
 * (a literal byte, or `MATCH + length` for a distance-1 match), counts them in `freq`, and
 * calls `endRow`; there is always room for `rowSymbols` more.
 */
export class ZeroRunDeflater {
  readonly symbols: Uint32Array;
  readonly freq = new Uint32Array(286);
  size = 0;
  private bytes = new Uint8Array(1 << 20);
  private at = 0;
  private pending = 0;
  private count = 0;
  private adlerA = 1;
  private adlerB = 0;

  constructor(rowSymbols: number) {
    this.symbols = new Uint32Array(BLOCK_SYMBOLS + rowSymbols);
    // CMF: deflate, 32 KB window; FLG: no dictionary, check bits so CMF·256 + FLG ≡ 0 mod 31.
    this.write(0x78, 8);
    this.write(0x01, 8);
  }

  endRow(): void {
    if (this.size >= BLOCK_SYMBOLS) this.block(false);
  }

  /** Ends the stream: the last block, then the Adler-32 of every byte it holds. */
  finish(): Uint8Array<ArrayBuffer> {
    this.block(true);
    if (this.count > 0) this.write(0, 8 - this.count);
    const { adlerA: a, adlerB: b } = this;
    for (const byte of [b >>> 8, b & 0xff, a >>> 8, a & 0xff]) this.write(byte, 8);
    return this.bytes.subarray(0, this.at);
  }

  /** `bits` bits of `value` (at most 24 bits at a time). */
  private write(value: number, bits: number): void {
    this.reserve(4);
    this.pending |= value << this.count;
    this.count += bits;
    while (this.count >= 8) {
      this.bytes[this.at++] = this.pending & 0xff;
      this.pending >>>= 8;
      this.count -= 8;
    }
  }

  private reserve(room: number): void {
    if (this.at + room <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (this.at + room > size) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }

  /** A block with its own (dynamic) Huffman codes, RFC 1951 §3.2.7. */
  private block(last: boolean): void {
    const { freq } = this;
    freq[END_OF_BLOCK] = 1;
    const litLengths = huffmanLengths(freq, 15);
    const litCodes = canonicalCodes(litLengths);
    let literalCodes = 286;
    while (literalCodes > 257 && litLengths[literalCodes - 1] === 0) literalCodes--;
    // Two distance codes of one bit each: only code 0 (distance 1) is used, but every
    // inflater accepts a complete code.
    const all = new Uint8Array(literalCodes + 2);
    all.set(litLengths.subarray(0, literalCodes));
    all.fill(1, literalCodes);
    const header = codeLengthSymbols(all);
    const headerFreq = new Uint32Array(19);
    for (const [symbol] of header) headerFreq[symbol] = (headerFreq[symbol] ?? 0) + 1;
    const headerLengths = huffmanLengths(headerFreq, 7);
    const headerCodes = canonicalCodes(headerLengths);
    let stored = 19;
    while (stored > 4 && headerLengths[CODE_LENGTH_ORDER[stored - 1] ?? 0] === 0) stored--;

    this.write(last ? 1 : 0, 1);
    this.write(2, 2);
    this.write(literalCodes - 257, 5);
    this.write(1, 5);
    this.write(stored - 4, 4);
    for (let i = 0; i < stored; i++) this.write(headerLengths[CODE_LENGTH_ORDER[i] ?? 0] ?? 0, 3);
    for (const [symbol, extra] of header) {
      this.write(headerCodes[symbol] ?? 0, headerLengths[symbol] ?? 0);
      const extraBits = CODE_LENGTH_EXTRA[symbol];
      if (extraBits) this.write(extra, extraBits);
    }
    // A match is written as one value: its length code, extra bits and the 1-bit distance 0.
    const matchBits = new Uint32Array(MAX_MATCH + 1);
    const matchCount = new Uint8Array(MAX_MATCH + 1);
    for (let length = MIN_MATCH; length <= MAX_MATCH; length++) {
      const code = LENGTH_CODE[length] ?? 0;
      const codeBits = litLengths[code] ?? 0;
      matchBits[length] =
        (litCodes[code] ?? 0) | ((length - (LENGTH_BASE[length] ?? 0)) << codeBits);
      matchCount[length] = codeBits + (LENGTH_EXTRA[length] ?? 0) + 1;
    }
    this.reserve(this.size * 3 + 8);
    const state = writeSymbols(
      this.symbols,
      this.size,
      litCodes,
      litLengths,
      matchBits,
      matchCount,
      this.bytes,
      [this.at, this.pending, this.count, this.adlerA, this.adlerB],
    );
    [this.at, this.pending, this.count, this.adlerA, this.adlerB] = state;
    this.write(litCodes[END_OF_BLOCK] ?? 0, litLengths[END_OF_BLOCK] ?? 0);
    this.size = 0;
    freq.fill(0);
  }
}

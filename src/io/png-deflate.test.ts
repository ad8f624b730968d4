import fc from 'fast-check';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { huffmanLengths, pushZeros, ZeroRunDeflater } from './png-deflate';

/** Byte-for-byte equality that stays fast on megabytes (`toEqual` walks them one by one). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** Kraft sum of a code: exactly 1 when the code is complete. */
const kraft = (lengths: Uint8Array) =>
  [...lengths].reduce((sum, length) => sum + (length ? 2 ** -length : 0), 0);

/** Deflates `bytes` the way the PNG filter drives the deflater, `rowLength` bytes a row. */
function deflate(bytes: Uint8Array, rowLength: number): Uint8Array {
  const out = new ZeroRunDeflater(rowLength);
  for (let start = 0; start < bytes.length; start += rowLength) {
    const row = bytes.subarray(start, start + rowLength);
    let zeros = 0;
    for (const byte of row) {
      if (byte === 0) {
        zeros++;
        continue;
      }
      if (zeros > 0) out.size = pushZeros(out.symbols, out.freq, out.size, zeros);
      zeros = 0;
      out.symbols[out.size++] = byte;
      out.freq[byte] = (out.freq[byte] ?? 0) + 1;
    }
    if (zeros > 0) out.size = pushZeros(out.symbols, out.freq, out.size, zeros);
    out.endRow();
  }
  return out.finish();
}

describe('huffmanLengths', () => {
  it('gives a complete code that respects the length limit', () => {
    // Fibonacci frequencies make the deepest unlimited Huffman tree there is.
    const fibonacci = [1, 1];
    while (fibonacci.length < 30) fibonacci.push(fibonacci.at(-1)! + fibonacci.at(-2)!);
    for (const limit of [7, 15]) {
      const lengths = huffmanLengths(fibonacci, limit);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
      expect(kraft(lengths)).toBe(1);
    }
  });

  it('gives shorter codes to more frequent symbols and none to unused ones', () => {
    const lengths = huffmanLengths([100, 0, 10, 10, 1, 0], 15);
    expect(lengths[0]).toBe(1);
    expect(lengths[1]).toBe(0);
    expect(lengths[5]).toBe(0);
    expect(lengths[4]).toBeGreaterThanOrEqual(lengths[2]!);
    expect(kraft(lengths)).toBe(1);
  });

  it('always codes at least two symbols, since inflaters refuse a one-code code', () => {
    expect(kraft(huffmanLengths([0, 0, 5, 0], 7))).toBe(1);
    expect(kraft(huffmanLengths([0, 0, 0, 0], 7))).toBe(1);
  });

  it('gives a complete code within the limit for any frequencies (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 2, maxLength: 286 }),
        fc.constantFrom(7, 15),
        (freq, limit) => {
          const lengths = huffmanLengths(freq, limit);
          expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
          expect(kraft(lengths)).toBe(1);
          freq.forEach((f, i) => f > 0 && expect(lengths[i]).toBeGreaterThan(0));
        },
      ),
    );
  });
});

describe('ZeroRunDeflater', () => {
  it('writes a zlib stream that zlib inflates back, checksum and all', () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i % 97 < 60 ? 0 : (i * 31) % 256));
    const out = deflate(bytes, 100);
    expect([...out.subarray(0, 2)]).toEqual([0x78, 0x01]);
    expect(new Uint8Array(inflateSync(out))).toEqual(bytes);
  });

  it('codes zero runs of every awkward length around the 258-byte match limit', () => {
    for (const run of [1, 2, 3, 4, 257, 258, 259, 260, 261, 262, 516, 517, 518, 519, 40_000]) {
      const bytes = new Uint8Array(run + 2);
      bytes[0] = 7;
      bytes[run + 1] = 9;
      expect(new Uint8Array(inflateSync(deflate(bytes, bytes.length)))).toEqual(bytes);
    }
  });

  it('starts new blocks with their own codes as the symbols pile up', () => {
    // Over a million symbols of noise, then mostly zeros: many blocks, codes of every shape.
    const noise = Uint8Array.from(
      { length: 1_200_000 },
      (_, i) => ((i * 2654435761) >>> 13) & 0xff,
    );
    const quiet = Uint8Array.from({ length: 600_000 }, (_, i) => (i % 1000 === 0 ? 200 : 0));
    const bytes = new Uint8Array(noise.length + quiet.length);
    bytes.set(noise);
    bytes.set(quiet, noise.length);
    const out = deflate(bytes, 30_000);
    expect(same(inflateSync(out), bytes)).toBe(true);
    // 1.8 MB of which a third is zeros: the noise stays about its size, the zeros vanish.
    expect(out.length).toBeLessThan(1_250_000);
  });

  it('inflates back whatever the bytes (property)', () => {
    const byte = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 255 }));
    const run = fc.tuple(byte, fc.integer({ min: 1, max: 600 }));
    fc.assert(
      fc.property(
        fc.array(run, { maxLength: 40 }),
        fc.integer({ min: 1, max: 4000 }),
        (runs, row) => {
          const bytes = Uint8Array.from(
            runs.flatMap(([value, length]) => Array(length).fill(value)),
          );
          expect(new Uint8Array(inflateSync(deflate(bytes, row)))).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});

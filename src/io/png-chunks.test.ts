import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  addTextChunk,
  crc32,
  isIntact,
  isPng,
  readChunks,
  readPngSize,
  readTextChunk,
  PNG_SIGNATURE,
} from './png-chunks';

/** A 1×1 transparent PNG as written by a common encoder, CRCs and all. */
const KNOWN_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);

/** A 3×2 RGB PNG built here with zlib, so the test does not trust the code it checks. */
function buildPng(width: number, height: number, extra: Uint8Array[] = []): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(zlibCrc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x7f);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from(PNG_SIGNATURE),
      chunk('IHDR', ihdr),
      ...extra.map((data) => chunk('tEXt', data)),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

describe('crc32', () => {
  it('gives the standard check value and matches zlib', () => {
    const digits = new TextEncoder().encode('123456789');
    expect(crc32(digits)).toBe(0xcbf43926);
    const random = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256);
    expect(crc32(random)).toBe(zlibCrc32(random));
  });

  it('matches zlib over any range, whatever its length and where it starts', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24);
    for (const start of [0, 1, 2, 3, 5]) {
      for (let end = start; end <= 40; end++) {
        expect(crc32(bytes, start, end)).toBe(zlibCrc32(bytes.subarray(start, end)));
      }
      expect(crc32(bytes, start)).toBe(zlibCrc32(bytes.subarray(start)));
    }
  });

  it('agrees with every CRC stored in a known PNG', () => {
    const chunks = readChunks(KNOWN_PNG);
    expect(chunks?.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks?.every((c) => isIntact(c))).toBe(true);
    // IEND has no data, so its CRC is the same in every PNG ever written.
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('readPngSize', () => {
  it('reads width and height from IHDR', () => {
    expect(readPngSize(KNOWN_PNG)).toEqual({ width: 1, height: 1 });
    expect(readPngSize(buildPng(3, 2))).toEqual({ width: 3, height: 2 });
    expect(readPngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('addTextChunk and readTextChunk', () => {
  const diagram = JSON.stringify({ name: 'Acme — FY26 ✓ 日本', nodes: [] });

  it('round-trips UTF-8 text in an iTXt chunk placed just before IEND', () => {
    const png = buildPng(3, 2);
    const out = addTextChunk(png, 'gtm-blueprint', diagram);
    const chunks = readChunks(out);
    expect(chunks?.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(chunks?.every((c) => isIntact(c))).toBe(true);
    expect(readTextChunk(out, 'gtm-blueprint')).toEqual({ ok: true, text: diagram });
    expect(readPngSize(out)).toEqual({ width: 3, height: 2 });
    // The input is left as it was.
    expect(readChunks(png)?.length).toBe(3);
  });

  it('writes the CRC zlib computes over type and data', () => {
    const out = addTextChunk(KNOWN_PNG, 'gtm-blueprint', 'x');
    const itxt = readChunks(out)?.find((c) => c.type === 'iTXt');
    expect(itxt).toBeDefined();
    const stored = Buffer.from(out).readUInt32BE(itxt!.end - 4);
    expect(stored).toBe(zlibCrc32(out.subarray(itxt!.offset + 4, itxt!.end - 4)));
  });

  it('replaces an earlier chunk with the same keyword instead of adding a second', () => {
    const once = addTextChunk(buildPng(2, 2), 'gtm-blueprint', 'first');
    const twice = addTextChunk(once, 'gtm-blueprint', 'second');
    expect(readChunks(twice)?.filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(readTextChunk(twice, 'gtm-blueprint')).toEqual({ ok: true, text: 'second' });
  });

  it('reads a Latin-1 tEXt chunk written by another tool', () => {
    const data = new Uint8Array([...Buffer.from('gtm-blueprint\0caf\xe9', 'latin1')]);
    const png = buildPng(1, 1, [data]);
    expect(readTextChunk(png, 'gtm-blueprint')).toEqual({ ok: true, text: 'café' });
    expect(readTextChunk(png, 'Comment')).toEqual({ ok: false, reason: 'missing' });
  });

  it('says why nothing could be read', () => {
    expect(readTextChunk(KNOWN_PNG, 'gtm-blueprint')).toEqual({ ok: false, reason: 'missing' });
    expect(readTextChunk(new TextEncoder().encode('{"format":1}'), 'gtm-blueprint')).toEqual({
      ok: false,
      reason: 'not-png',
    });
    const out = addTextChunk(buildPng(2, 2), 'gtm-blueprint', diagram);
    expect(readTextChunk(out.subarray(0, out.length - 20), 'gtm-blueprint')).toEqual({
      ok: false,
      reason: 'damaged',
    });
    const tampered = out.slice();
    const itxt = readChunks(tampered)!.find((c) => c.type === 'iTXt')!;
    const at = itxt.offset + 8 + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    expect(readTextChunk(tampered, 'gtm-blueprint')).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses bad keywords and non-PNG input', () => {
    expect(() => addTextChunk(KNOWN_PNG, '', 'x')).toThrow();
    expect(() => addTextChunk(KNOWN_PNG, ' lead', 'x')).toThrow();
    expect(() => addTextChunk(KNOWN_PNG, 'a'.repeat(80), 'x')).toThrow();
    expect(() => addTextChunk(new Uint8Array(20), 'gtm-blueprint', 'x')).toThrow();
  });

  it('handles megabytes of text', () => {
    const big = 'é'.repeat(2_000_000);
    const out = addTextChunk(buildPng(1, 1), 'gtm-blueprint', big);
    expect(readTextChunk(out, 'gtm-blueprint')).toEqual({ ok: true, text: big });
    const latin = buildPng(1, 1, [
      Uint8Array.from(Buffer.concat([Buffer.from('k\0'), Buffer.alloc(1_000_000, 0x61)])),
    ]);
    const read = readTextChunk(latin, 'k');
    expect(read.ok && read.text.length).toBe(1_000_000);
  });

  it('knows a PNG by its signature', () => {
    expect(isPng(KNOWN_PNG)).toBe(true);
    expect(isPng(KNOWN_PNG.subarray(1))).toBe(false);
  });
});

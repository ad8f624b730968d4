import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isIntact, readChunks, readPngSize } from './png-chunks';
import { encodePng } from './png-encode';

function pixels(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out.set([(i * 37) % 256, (i * 11) % 256, (i * 3 + 200) % 256, 255], i * 4);
  }
  return out;
}

/** Decodes what encodePng writes (RGB, filter Sub on every row) with Node's zlib. */
function decode(png: Uint8Array, width: number, height: number): Uint8Array {
  const idat = readChunks(png)!.filter((c) => c.type === 'IDAT');
  const raw = inflateSync(Buffer.concat(idat.map((c) => c.data)));
  const stride = width * 3 + 1;
  expect(raw.length).toBe(stride * height);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(1);
    const previous = [0, 0, 0];
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const value = ((raw[y * stride + 1 + x * 3 + c] ?? 0) + (previous[c] ?? 0)) & 0xff;
        previous[c] = value;
        out[(y * width + x) * 4 + c] = value;
      }
      out[(y * width + x) * 4 + 3] = 255;
    }
  }
  return out;
}

describe('encodePng', () => {
  it('writes an opaque RGB PNG whose pixels decode back exactly, across strips', async () => {
    const width = 7;
    const height = 150;
    const source = pixels(width, height);
    const reads: number[][] = [];
    const png = await encodePng(
      (y, rows) => {
        reads.push([y, rows]);
        return source.subarray(y * width * 4, (y + rows) * width * 4);
      },
      width,
      height,
    );
    expect(reads).toEqual([
      [0, 64],
      [64, 64],
      [128, 22],
    ]);
    expect(readPngSize(png)).toEqual({ width, height });
    const chunks = readChunks(png)!;
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every(isIntact)).toBe(true);
    expect([...chunks[0]!.data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    expect(decode(png, width, height)).toEqual(source);
  });

  it('compresses the flat areas a diagram is mostly made of', async () => {
    const width = 2000;
    const height = 500;
    const white = new Uint8Array(width * height * 4).fill(255);
    const png = await encodePng(
      (y, rows) => white.subarray(y * width * 4, (y + rows) * width * 4),
      width,
      height,
    );
    expect(png.length).toBeLessThan(10_000);
  });

  it('refuses an impossible size', async () => {
    await expect(encodePng(() => new Uint8Array(0), 0, 10)).rejects.toThrow(/whole, positive/);
    await expect(encodePng(() => new Uint8Array(0), 1.5, 10)).rejects.toThrow(/whole, positive/);
  });
});

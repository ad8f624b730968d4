/**
 * Just enough of the Hocuspocus wire format to route a message before Hocuspocus applies it:
 * `varString documentName, varUint type, …`, and for sync messages `varUint subtype,
 * varUint8Array update` (lib0 encoding). Written here so the server depends on lib0's format,
 * not on its module layout.
 */

/** Hocuspocus 3 message types (server/src/types.ts). */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

/** y-protocols sync subtypes. */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export interface Header {
  readonly documentName: string;
  readonly type: number;
  /** Sync subtype, for sync messages. */
  readonly subtype?: number;
  /** The Yjs update carried by a sync step 2 or update message. */
  readonly update?: Uint8Array;
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new RangeError('truncated');
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 49) throw new RangeError('varUint too long');
    }
  }

  bytesOf(): Uint8Array {
    const length = this.varUint();
    if (this.offset + length > this.bytes.length) throw new RangeError('truncated');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesOf());
  }
}

/** The routing part of a message; throws a RangeError or TypeError on malformed bytes. */
export function readHeader(bytes: Uint8Array): Header {
  const reader = new Reader(bytes);
  const documentName = reader.varString();
  const type = reader.varUint();
  if (type !== MESSAGE.sync && type !== MESSAGE.syncReply) return { documentName, type };
  const subtype = reader.varUint();
  if (subtype === SYNC.step2 || subtype === SYNC.update) {
    return { documentName, type, subtype, update: reader.bytesOf() };
  }
  return { documentName, type, subtype };
}

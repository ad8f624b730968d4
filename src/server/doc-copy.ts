import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';

/** Structs per piece: about a millisecond of Y.applyUpdate on this server. */
const PIECE_STRUCTS = 200;

export interface DocCopy {
  readonly doc: Y.Doc;
  /**
   * Copies pieces until `until` (a performance.now() time); true once the copy holds everything
   * the source holds at this moment. Past that the caller must follow the source's updates,
   * from the same synchronous turn, or the copy falls behind.
   */
  step(until: number): boolean;
  /** Upper bound of the copy's encoded size: the sum of every piece applied. */
  readonly bytes: number;
}

/**
 * A copy of a Y.Doc made a few hundred structs at a time, so copying a large room does not hold
 * the event loop for the whole of it (5,000 cards: 140–200 ms in one Y.applyUpdate). Each piece
 * is an ordinary v1 update holding a run of one client's structs, written the way Yjs writes
 * them (`writeStructs` in Yjs's encoding.js, which is not exported). The source may change
 * between pieces: the last step applies what the copy still lacks as Yjs computes it from the
 * copy's state vector, with the source's whole delete set, so the result is the source's state
 * whatever happened in between. A piece whose structs point at another client's structs not yet
 * copied waits in the copy's pending structs until they come, as any out-of-order update does.
 */
export function createDocCopy(source: Y.Doc): DocCopy {
  const doc = new Y.Doc({ gc: true });
  /** Clients still to copy, with the clock copied up to (the copy's own state may lag: pending). */
  const clients = [...source.store.clients.keys()];
  let client = clients.pop();
  let clock = 0;
  let bytes = 0;
  let done = false;

  function piece(id: number): void {
    const structs = source.store.clients.get(id);
    const last = structs?.at(-1);
    if (!structs || !last || clock >= last.id.clock + last.length) {
      client = clients.pop();
      clock = 0;
      return;
    }
    const start = Y.findIndexSS(structs, clock);
    const end = Math.min(structs.length, start + PIECE_STRUCTS);
    const encoder = new Y.UpdateEncoderV1();
    // writeLen and writeClient both write a var-uint to the rest of the update.
    encoder.writeLen(1);
    encoder.writeLen(end - start);
    encoder.writeClient(id);
    encoder.writeLen(clock);
    for (let i = start; i < end; i++) {
      const struct = structs[i]!;
      struct.write(encoder, i === start ? clock - struct.id.clock : 0);
    }
    // An empty delete set: the last step brings the source's.
    encoder.writeLen(0);
    const update = encoder.toUint8Array();
    Y.applyUpdate(doc, update);
    bytes += update.length;
    const next = structs[end - 1]!;
    clock = next.id.clock + next.length;
  }

  return {
    doc,
    get bytes() {
      return bytes;
    },
    step(until) {
      if (done) return true;
      while (client !== undefined) {
        piece(client);
        if (performance.now() >= until) return false;
      }
      const rest = Y.encodeStateAsUpdate(source, Y.encodeStateVector(doc));
      Y.applyUpdate(doc, rest);
      bytes += rest.length;
      done = true;
      return true;
    },
  };
}

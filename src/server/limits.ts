import { MAX_FILE_BYTES } from '../model/version';

/** What one peer may send; every limit has a refusal reason and a log line. */
export interface Limits {
  /** Largest websocket message (ws `maxPayload`); a bigger one closes the socket. */
  readonly maxMessageBytes: number;
  /** The diagram as a file: the same 5 MB a file may have. */
  readonly maxDiagramBytes: number;
  /** The room's Yjs state, history included (tombstones make it larger than the file). */
  readonly maxStateBytes: number;
  /** Awareness (presence) and stateless messages: small by nature. */
  readonly maxPresenceBytes: number;
  readonly maxConnectionsPerRoom: number;
  /** Rooms one websocket may join (Hocuspocus multiplexes documents over one socket). */
  readonly maxRoomsPerSocket: number;
  /** Messages per second per socket, sustained, and the burst allowed above it. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxDiagramBytes: MAX_FILE_BYTES,
  maxStateBytes: 2 * MAX_FILE_BYTES,
  maxPresenceBytes: 64 * 1024,
  maxConnectionsPerRoom: 100,
  maxRoomsPerSocket: 8,
  // The editor sends presence 25 times a second at most, pointer and drag together
  // (store/shared/presence-sender.ts), besides document updates.
  messagesPerSecond: 120,
  messageBurst: 360,
};

/** A token bucket: `take()` is false once a peer goes past the rate and the burst. */
export function createRateLimiter(perSecond: number, burst: number, now = () => Date.now()) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

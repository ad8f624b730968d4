import type { Point } from './room-state';

/** The part of a y-protocols Awareness the sender needs. */
export interface LocalAwareness {
  getLocalState(): Record<string, unknown> | null;
  setLocalState(state: Record<string, unknown> | null): void;
}

/**
 * How often presence goes out while the pointer moves: 25 messages a second. A drag used to send
 * its positions and the pointer apart, each once a frame (up to 120 messages a second, the
 * server's whole per-socket rate, see server/limits.ts).
 */
export const PRESENCE_INTERVAL_MS = 40;

export interface PresenceSender {
  cursor(point: Point | null): void;
  /** The positions of an open drag, or null once it ends (sent at once, after its last ones). */
  drag(positions: ReadonlyMap<string, Point> | null): void;
  stop(): void;
}

/**
 * Sends this tab's pointer and drag as one awareness state, at most once per `interval`: the
 * first change after a pause goes at once (no added latency), later ones at the end of the
 * interval with the latest values. The end of a drag is never held back: its last positions go
 * first, then `drag: null`, both before the drop's document change, so others keep the card
 * exactly where the drop commits it.
 */
export function createPresenceSender(
  awareness: LocalAwareness,
  interval = PRESENCE_INTERVAL_MS,
): PresenceSender {
  let pending: { cursor?: unknown; drag?: unknown } = {};
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (!('cursor' in pending) && !('drag' in pending)) return false;
    const state = awareness.getLocalState();
    // Null once the room is left: nothing more is said.
    if (state) awareness.setLocalState({ ...state, ...pending });
    pending = {};
    return true;
  };
  const tick = () => {
    timer = flush() ? setTimeout(tick, interval) : null;
  };
  const queue = (field: 'cursor' | 'drag', value: unknown) => {
    pending[field] = value;
    if (timer === null) tick();
  };

  return {
    cursor(point) {
      queue('cursor', point ? [point.x, point.y] : null);
    },
    drag(positions) {
      if (positions) {
        queue('drag', Object.fromEntries([...positions].map(([id, p]) => [id, [p.x, p.y]])));
        return;
      }
      if (pending.drag) flush();
      pending.drag = null;
      flush();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = {};
    },
  };
}

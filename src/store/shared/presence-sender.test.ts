import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPresenceSender, PRESENCE_INTERVAL_MS, type LocalAwareness } from './presence-sender';

function fakeAwareness() {
  let state: Record<string, unknown> | null = { user: { name: 'Ann' } };
  const sent: Record<string, unknown>[] = [];
  const awareness: LocalAwareness = {
    getLocalState: () => state,
    setLocalState: (next) => {
      state = next;
      if (next) sent.push(next);
    },
  };
  return { awareness, sent, leave: () => (state = null) };
}

const at = (x: number) => new Map([['card', { x, y: 0 }]]);

describe('createPresenceSender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first change at once and at most one message per interval after it', () => {
    const { awareness, sent } = fakeAwareness();
    const presence = createPresenceSender(awareness);
    // A drag at 60 frames a second for one second: pointer and positions every frame.
    for (let frame = 0; frame < 60; frame++) {
      presence.cursor({ x: frame, y: 0 });
      presence.drag(at(frame));
      if (frame === 0) expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(1000 / PRESENCE_INTERVAL_MS) + 1);
    expect(sent.length).toBeGreaterThan(15);
    // The latest values always go out, and the user's name stays in the state.
    expect(sent.at(-1)).toEqual({
      user: { name: 'Ann' },
      cursor: [59, 0],
      drag: { card: [59, 0] },
    });
  });

  it('sends the last positions of a drag before its end, at once', () => {
    const { awareness, sent } = fakeAwareness();
    const presence = createPresenceSender(awareness);
    presence.drag(at(10));
    presence.drag(at(20));
    presence.drag(at(30));
    presence.drag(null);
    expect(sent.map((s) => s.drag)).toEqual([{ card: [10, 0] }, { card: [30, 0] }, null]);
  });

  it('says nothing once the room is left or it is stopped', () => {
    const { awareness, sent, leave } = fakeAwareness();
    const presence = createPresenceSender(awareness);
    presence.cursor({ x: 1, y: 1 });
    presence.cursor({ x: 2, y: 2 });
    presence.stop();
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS * 2);
    leave();
    presence.cursor({ x: 3, y: 3 });
    expect(sent.map((s) => s.cursor)).toEqual([[1, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { mayDeleteOnLeave, ROOM_COPY_MAX_AGE_MS, sweepRoomCopies } from './room-copy-retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 4);
const none = new Set<string>();

describe('sweepRoomCopies', () => {
  it('deletes copies of rooms not opened for more than 30 days', () => {
    const result = sweepRoomCopies(
      [
        { room: 'old', openedAt: NOW - 31 * DAY },
        { room: 'recent', openedAt: NOW - 29 * DAY },
        { room: 'edge', openedAt: NOW - ROOM_COPY_MAX_AGE_MS },
      ],
      NOW,
      none,
    );
    expect(result).toEqual({ remove: ['old'], stamp: [] });
  });

  it('never deletes a copy holding edits the server has not confirmed, however old', () => {
    const result = sweepRoomCopies([{ room: 'offline', openedAt: 0, unsynced: true }], NOW, none);
    expect(result).toEqual({ remove: [], stamp: [] });
  });

  it('leaves alone a room open in this tab', () => {
    const result = sweepRoomCopies([{ room: 'open', openedAt: 0 }], NOW, new Set(['open']));
    expect(result.remove).toEqual([]);
  });

  it('starts the clock for copies of unknown age instead of deleting them', () => {
    const result = sweepRoomCopies(
      [{ room: 'unknown' }, { room: 'garbled', openedAt: Number.NaN }],
      NOW,
      none,
    );
    expect(result).toEqual({ remove: [], stamp: ['unknown', 'garbled'] });
  });

  it('keeps a copy stamped in the future (a clock set back)', () => {
    expect(sweepRoomCopies([{ room: 'r', openedAt: NOW + DAY }], NOW, none).remove).toEqual([]);
  });

  it('takes a custom age', () => {
    const result = sweepRoomCopies([{ room: 'r', openedAt: NOW - 2 * DAY }], NOW, none, DAY);
    expect(result.remove).toEqual(['r']);
  });
});

describe('mayDeleteOnLeave', () => {
  it('deletes a copy the server has all of', () => {
    expect(mayDeleteOnLeave({ pending: 0 })).toBe(true);
    expect(mayDeleteOnLeave({ pending: 0, unsynced: false })).toBe(true);
  });

  it('keeps a copy with changes pending now or left unsynced by an earlier visit', () => {
    expect(mayDeleteOnLeave({ pending: 2 })).toBe(false);
    expect(mayDeleteOnLeave({ pending: 0, unsynced: true })).toBe(false);
  });
});

/**
 * Which of this browser's room copies (the IndexedDB database each room keeps, so a room opens
 * offline and offline edits survive a closed tab) may be deleted. Pure: the caller brings what
 * room-prefs.ts remembers and the clock. A copy holding edits the server has not confirmed is
 * never deleted, however old: it is the only place those edits exist.
 */

/** A room not opened for this long loses its copy; the server keeps the room itself. */
export const ROOM_COPY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface RoomCopyFacts {
  readonly room: string;
  /** When this browser last opened (or left) the room; unknown for copies made before it was kept. */
  readonly openedAt?: number | undefined;
  /** Own edits were made that the server has not confirmed yet. */
  readonly unsynced?: boolean | undefined;
}

export interface RoomCopySweep {
  readonly remove: readonly string[];
  /** Copies of unknown age: their clock starts now, so they go in ROOM_COPY_MAX_AGE_MS. */
  readonly stamp: readonly string[];
}

/** At start-up: the copies to delete, and those whose age starts being counted now. */
export function sweepRoomCopies(
  copies: readonly RoomCopyFacts[],
  now: number,
  /** Rooms open or being opened in this tab. */
  inUse: ReadonlySet<string>,
  maxAgeMs = ROOM_COPY_MAX_AGE_MS,
): RoomCopySweep {
  const remove: string[] = [];
  const stamp: string[] = [];
  for (const copy of copies) {
    if (copy.unsynced === true || inUse.has(copy.room)) continue;
    if (copy.openedAt === undefined || !Number.isFinite(copy.openedAt)) stamp.push(copy.room);
    else if (now - copy.openedAt > maxAgeMs) remove.push(copy.room);
  }
  return { remove, stamp };
}

/** As the room is left or its link stops working: its copy goes unless it holds unconfirmed edits. */
export function mayDeleteOnLeave(copy: {
  pending: number;
  unsynced?: boolean | undefined;
}): boolean {
  return copy.pending === 0 && copy.unsynced !== true;
}

import { forgetRoomCopy, listRememberedRooms, readRoom, writeRoom } from './room-prefs';
import { sweepRoomCopies } from './room-copy-retention';

/**
 * This browser's copies of rooms: one IndexedDB database per room, written by y-indexeddb in the
 * room code. A tab holds a shared Web Lock named after the database while the room is open, so
 * another tab deleting copies skips the ones in use (a delete would otherwise wait for the open
 * connection to close and then drop the copy, offline edits and all).
 */
const PREFIX = 'gtm-room-';

export const roomCopyName = (room: string): string => `${PREFIX}${room}`;

const locks = (): LockManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.locks;

/** Marks the room's copy in use until the returned release resolves. */
export function holdRoomCopy(room: string): () => Promise<void> {
  const manager = locks();
  if (!manager) return () => Promise.resolve();
  let release: () => void = () => undefined;
  const held = manager
    .request(roomCopyName(room), { mode: 'shared' }, () => new Promise<void>((r) => (release = r)))
    .catch(() => undefined);
  return () => {
    release();
    return held;
  };
}

function deleteDatabase(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve(true);
      request.onerror = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

/**
 * Deletes the room's copy unless another tab has the room open (then it stays, and goes when
 * that tab leaves or in a later sweep). Resolves with whether it was deleted.
 */
export async function deleteRoomCopy(room: string): Promise<boolean> {
  const name = roomCopyName(room);
  const manager = locks();
  const deleted = manager
    ? await manager
        .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) =>
          lock ? deleteDatabase(name) : false,
        )
        .catch(() => false)
    : await deleteDatabase(name);
  if (deleted) forgetRoomCopy(room);
  return deleted;
}

/** Rooms with a copy here; from what room-prefs remembers where the browser cannot list them. */
async function listRoomCopies(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return listRememberedRooms();
  const databases = await indexedDB.databases();
  return databases.flatMap(({ name }) =>
    name?.startsWith(PREFIX) ? [name.slice(PREFIX.length)] : [],
  );
}

/** Deletes the copies of rooms not opened for a month (room-copy-retention.ts). */
export async function sweepOldRoomCopies(now: number, inUse: ReadonlySet<string>): Promise<void> {
  const rooms = await listRoomCopies().catch(() => []);
  const { remove, stamp } = sweepRoomCopies(
    rooms.map((room) => ({ room, ...readRoom(room) })),
    now,
    inUse,
  );
  for (const room of stamp) writeRoom(room, { openedAt: now });
  for (const room of remove) await deleteRoomCopy(room);
}

/**
 * What this browser remembers about rooms, in localStorage: its presence colour, and per room
 * whether its link edits or views (so a room reopened offline is editable before the server
 * answers) and the room's links when this browser created them (shown again under Share); and
 * for the room's copy in IndexedDB, when it was last opened and whether it holds edits the server
 * has not confirmed (room-copy-retention.ts decides from these which copies go).
 * The name shown to others is the comment author name (author-name.ts): asked once for both.
 * Storage can be blocked; then nothing is remembered and the editor asks or waits again.
 */
const COLOR_KEY = 'gtm-blueprint:presence-color';
const ROOM_PREFIX = 'gtm-blueprint:room:';
const ROOM_KEY = (room: string) => `${ROOM_PREFIX}${room}`;

export interface RememberedRoom {
  readonly role?: 'edit' | 'view';
  readonly editUrl?: string;
  readonly viewUrl?: string;
  /** Epoch ms this browser last opened or left the room. */
  readonly openedAt?: number;
  /** Own edits the server has not confirmed are in the room's copy here. */
  readonly unsynced?: boolean;
}

function get(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function set(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Remembered for this page only.
  }
}

export function readPresenceColor(): string | null {
  const color = get(COLOR_KEY);
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : null;
}

export function writePresenceColor(color: string): void {
  set(COLOR_KEY, color);
}

export function readRoom(room: string): RememberedRoom {
  const text = get(ROOM_KEY(room));
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const out: { -readonly [K in keyof RememberedRoom]: RememberedRoom[K] } = {};
    if (value.role === 'edit' || value.role === 'view') out.role = value.role;
    if (typeof value.editUrl === 'string') out.editUrl = value.editUrl;
    if (typeof value.viewUrl === 'string') out.viewUrl = value.viewUrl;
    if (typeof value.openedAt === 'number' && Number.isFinite(value.openedAt))
      out.openedAt = value.openedAt;
    if (value.unsynced === true) out.unsynced = true;
    return out;
  } catch {
    return {};
  }
}

export function writeRoom(room: string, patch: RememberedRoom): void {
  set(ROOM_KEY(room), JSON.stringify({ ...readRoom(room), ...patch }));
}

/** The room's copy was deleted: nothing about it is left to sweep; role and links stay. */
export function forgetRoomCopy(room: string): void {
  const { openedAt: _openedAt, unsynced: _unsynced, ...rest } = readRoom(room);
  set(ROOM_KEY(room), JSON.stringify(rest));
}

/** Rooms this browser remembers anything about (where `indexedDB.databases()` is missing). */
export function listRememberedRooms(): string[] {
  const rooms: string[] = [];
  try {
    const storage = globalThis.localStorage;
    if (!storage) return rooms;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(ROOM_PREFIX)) rooms.push(key.slice(ROOM_PREFIX.length));
    }
  } catch {
    // Storage blocked: nothing is remembered.
  }
  return rooms;
}

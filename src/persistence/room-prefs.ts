/**
 * What this browser remembers about rooms, in localStorage: its presence colour, and per room
 * whether its link edits or views (so a room reopened offline is editable before the server
 * answers) and the room's links when this browser created them (shown again under Share).
 * The name shown to others is the comment author name (author-name.ts): asked once for both.
 * Storage can be blocked; then nothing is remembered and the editor asks or waits again.
 */
const COLOR_KEY = 'gtm-blueprint:presence-color';
const ROOM_KEY = (room: string) => `gtm-blueprint:room:${room}`;

export interface RememberedRoom {
  readonly role?: 'edit' | 'view';
  readonly editUrl?: string;
  readonly viewUrl?: string;
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
    const out: { role?: 'edit' | 'view'; editUrl?: string; viewUrl?: string } = {};
    if (value.role === 'edit' || value.role === 'view') out.role = value.role;
    if (typeof value.editUrl === 'string') out.editUrl = value.editUrl;
    if (typeof value.viewUrl === 'string') out.viewUrl = value.viewUrl;
    return out;
  } catch {
    return {};
  }
}

export function writeRoom(room: string, patch: RememberedRoom): void {
  set(ROOM_KEY(room), JSON.stringify({ ...readRoom(room), ...patch }));
}

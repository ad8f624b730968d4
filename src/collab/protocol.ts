/**
 * What the editor and the co-editing server agree on besides the Y.Doc layout: where the
 * websocket is, how a room link reads, and the reasons the server gives when it closes a room's
 * connection (the provider's `close` event carries them as `event.reason`).
 */

/** The Hocuspocus websocket, on the same origin as the app. */
export const COLLAB_PATH = '/collab';
export const ROOMS_API_PATH = '/api/rooms';

export type RoomRole = 'edit' | 'view';

/** Why the server closed a room connection; the client shows its own words for each. */
export const CLOSE_REASONS = {
  /** The token is unknown, revoked, or not for this room. */
  unauthorized: 'gtm:unauthorized',
  /** The link was replaced (Stop sharing / new links): the holder must ask for a new one. */
  revoked: 'gtm:revoked',
  /** An update would make the diagram invalid; it was not applied and nobody saw it. */
  invalidDocument: 'gtm:invalid-document',
  /** The diagram would grow past the 5 MB file limit. */
  tooLarge: 'gtm:too-large',
  /** More messages per second than a person editing ever sends. */
  rateLimited: 'gtm:rate-limited',
  /** The room already has as many connections as the server allows. */
  roomFull: 'gtm:room-full',
  /** A message the protocol does not allow (or could not be read). */
  badMessage: 'gtm:bad-message',
} as const;
export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS];

export interface RoomLink {
  readonly room: string;
  readonly token: string;
}

/** Room ids and tokens are base64url, 22 characters or more (at least 128 random bits). */
const ROOM_PART = /^[A-Za-z0-9_-]{22,64}$/;

export function isRoomPart(value: string): boolean {
  return ROOM_PART.test(value);
}

/** `room=<id>&token=<token>`: the URL fragment of a room link (never sent to a server). */
export function roomFragment(link: RoomLink): string {
  return `room=${link.room}&token=${link.token}`;
}

/** The room link in a URL fragment (`#room=…&token=…`), or null when there is none. */
export function parseRoomFragment(hash: string): RoomLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const room = params.get('room');
  const token = params.get('token');
  if (room === null || token === null || !isRoomPart(room) || !isRoomPart(token)) return null;
  return { room, token };
}

import { createStore } from 'zustand/vanilla';

/** Colours for people in a room, distinct on white and from the layers' own colours. */
export const PRESENCE_COLORS = ['#c026d3', '#0891b2', '#ea580c', '#16a34a', '#7c3aed', '#db2777'];

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Someone else in the room, as their awareness state says (all of it untrusted). */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly selection: readonly string[];
  /** Where their pointer is, in flow coordinates; null when it is off the canvas. */
  readonly cursor: Point | null;
  /** Cards they are dragging right now, where they are on their screen. */
  readonly drag: ReadonlyMap<string, Point> | null;
}

/** The diagram id the editor gives a room while it is open (versions are routed by it). */
export const roomDiagramId = (room: string): string => `room:${room}`;

export type RoomConnection = 'connecting' | 'connected' | 'offline' | 'closed';

export interface RoomState {
  /** The room open in this tab, or null for a diagram of this browser only. */
  readonly room: { readonly id: string; readonly role: 'edit' | 'view' } | null;
  readonly opening: boolean;
  readonly connection: RoomConnection;
  /** Own changes the server has not confirmed yet. */
  readonly pending: number;
  readonly peers: readonly Peer[];
  readonly me: { readonly name: string; readonly color: string } | null;
  /** Links of the room when known here (this browser created it or renewed them). */
  readonly links: { readonly editUrl: string; readonly viewUrl: string | null } | null;
  /** Why the room closed (revoked link, refused edit) or could not open. */
  readonly problem: string | null;
  readonly linksOpen: boolean;
  readonly askName: boolean;
}

export const INITIAL_ROOM_STATE: RoomState = {
  room: null,
  opening: false,
  connection: 'closed',
  pending: 0,
  peers: [],
  me: null,
  links: null,
  problem: null,
  linksOpen: false,
  askName: false,
};

/**
 * The co-editing state the UI shows (presence, connection, links). It lives apart from the
 * editor store: it is not the document, and it changes at pointer speed while others move.
 */
export const roomState = createStore<RoomState>()(() => INITIAL_ROOM_STATE);

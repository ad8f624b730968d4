import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { DOCUMENT_KEY, EDGES_KEY, NODES_KEY } from '../../collab/layout';
import { CLOSE_REASONS, COLLAB_PATH, type RoomLink } from '../../collab/protocol';
import { RoomSocket } from '../../collab/room-socket';
import { repairCount, watchForRepairs, type Repair } from '../../collab/repair';
import { createId } from '../../model/factories';
import type { Diagram } from '../../model/schema';
import { deleteRoomCopy, holdRoomCopy, roomCopyName } from '../../persistence/room-copies';
import { mayDeleteOnLeave } from '../../persistence/room-copy-retention';
import { readRoom, writeRoom } from '../../persistence/room-prefs';
import { createLocalDocument } from '../document/local-document';
import type { EditorStore } from '../editor-store';
import { createSharedDocument, LocalEdit, type SharedDocument } from './shared-document';
import { createPresenceSender } from './presence-sender';
import {
  INITIAL_ROOM_STATE,
  PRESENCE_COLORS,
  roomDiagramId,
  roomState,
  type Peer,
  type Point,
} from './room-state';

/** What the room needs from the tab: suspend the library's autosave while the room is open. */
export interface RoomHost {
  readonly store: EditorStore;
  /** The room keeps its own copy (IndexedDB); the library neither saves nor follows it. */
  suspendLibrary(): void;
  resumeLibrary(): void;
}

/** What leaving kept: this browser's copy of the room stays while it holds unconfirmed edits. */
export interface LeftRoom {
  readonly copyKept: boolean;
  /** Own changes the server had not confirmed (made offline), kept in that copy. */
  readonly pending: number;
}

export interface OpenRoom {
  readonly id: string;
  readonly token: string;
  /** Left, or closed by opening another diagram in its place. */
  readonly closed: boolean;
  setCursor(point: Point | null): void;
  /** Tells the others in the room that its versions changed, so their History lists again. */
  announceVersions(): void;
  /**
   * Leaves the room for good: the tab goes on with the room's last diagram as a new local one
   * (its own id and a fresh undo history, saved by the library), and this browser's copy of the
   * room is deleted unless it holds edits the server has not confirmed.
   */
  leave(): LeftRoom;
  /** Disconnects and keeps this browser's copy (the room reopens on new links, or another opens). */
  close(): void;
}

/** Says what a close reason means to the person whose connection it closed. */
const CLOSED_TEXT: Record<string, string> = {
  [CLOSE_REASONS.revoked]:
    'This link was replaced by whoever shares the diagram, so you are no longer connected. Ask them for the new link; what you see stays here, read-only.',
  [CLOSE_REASONS.unauthorized]:
    'This link does not open the room any more (it was replaced, or it is not a room link). Ask for a new one.',
  [CLOSE_REASONS.invalidDocument]:
    'The server refused your last change because it would break the diagram; it was not shared.',
  [CLOSE_REASONS.tooLarge]:
    'The server refused your last change: the diagram would pass the 5 MB limit.',
  [CLOSE_REASONS.roomFull]: 'The room is full. Try again later.',
};

/** What a repair removed, for the person whose copy it repaired (collab/repair.ts says why). */
function repairText(repair: Repair): string {
  const parts = [
    [repair.edges, 'edge', 'edges'],
    [repair.threads, 'comment thread', 'comment threads'],
    [repair.stageMappings, 'CRM stage mapping', 'CRM stage mappings'],
  ] as const;
  const removed = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  const list =
    removed.length > 1 ? `${removed.slice(0, -1).join(', ')} and ${removed.at(-1)}` : removed[0];
  return `Two edits crossed: a card or edge was deleted while something was joined to it. The deletion stands, so ${list} pointing at it ${repairCount(repair) === 1 ? 'was' : 'were'} removed.`;
}

/** A refusal this soon after a repair is the one the repair answers; its notice says enough. */
const REPAIR_EXPLAINS_MS = 10_000;

function colorFor(seed: number): string {
  return PRESENCE_COLORS[Math.abs(seed) % PRESENCE_COLORS.length] as string;
}

function isEmpty(ydoc: Y.Doc): boolean {
  return (
    ydoc.getMap(NODES_KEY).size === 0 &&
    ydoc.getMap(EDGES_KEY).size === 0 &&
    ydoc.getMap(DOCUMENT_KEY).size === 0
  );
}

/**
 * Joins a room: its doc is read from IndexedDB first (so a room opened offline shows what this
 * browser last had, and edits made offline are kept there), then synced with the server. The
 * store's backend becomes the shared document once the doc holds a diagram.
 */
export async function openRoom(
  host: RoomHost,
  link: RoomLink,
  options: { role: 'edit' | 'view' | null; name: string; color: string },
): Promise<OpenRoom> {
  const { store } = host;
  const ydoc = new Y.Doc();
  let role: 'edit' | 'view' = options.role ?? 'view';
  let closed = false;
  /** Resolves once the room failed or closed: whatever the opening waits for will not come. */
  let stopping = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      stopping = true;
      resolve();
    };
  });
  let repairedAt = -Infinity;
  // Before IndexedDB and the provider write into the doc, so no change from either goes unrepaired.
  const stopRepairs = watchForRepairs(ydoc, {
    canWrite: () => role === 'edit' && !closed,
    isOwnEdit: (origin) => origin instanceof LocalEdit || origin instanceof Y.UndoManager,
    onRepaired: (repair) => {
      repairedAt = performance.now();
      store.getState().setNotice({ kind: 'warning', text: repairText(repair) });
    },
  });
  const local = new IndexeddbPersistence(roomCopyName(link.room), ydoc);
  // Start-up sweeps copies of rooms not opened for a while, and skips those open in some tab.
  writeRoom(link.room, { openedAt: Date.now() });
  const releaseCopy = holdRoomCopy(link.room);
  /** Whether room-prefs says this copy holds unconfirmed edits (maybe from an earlier visit). */
  let flaggedUnsynced = readRoom(link.room).unsynced === true;
  let copyDropped = false;
  roomState.setState({
    ...INITIAL_ROOM_STATE,
    room: { id: link.room, role },
    opening: true,
    connection: 'connecting',
    me: { name: options.name, color: options.color },
    links: roomState.getState().links,
    linksOpen: roomState.getState().linksOpen,
  });

  const url = new URL(COLLAB_PATH, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  // Stays closed once left, even if the server had just closed it (room-socket.ts).
  const socket = new RoomSocket({
    url: url.href,
    // Jittered backoff so a restarted server is not met by every tab at once.
    delay: 500 + Math.floor(Math.random() * 500),
    minDelay: 500,
    maxDelay: 10_000,
    factor: 1.6,
  });
  let shared: SharedDocument | null = null;
  let unsynced = 0;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: link.room,
    token: link.token,
    document: ydoc,
    onAuthenticated: ({ scope }) => {
      const next = scope === 'readonly' ? 'view' : 'edit';
      writeRoom(link.room, { role: next });
      if (next !== role) {
        role = next;
        if (shared) adopt();
      }
      roomState.setState({ room: { id: link.room, role } });
    },
    onAuthenticationFailed: () => fail(CLOSED_TEXT[CLOSE_REASONS.unauthorized] as string),
    onStatus: ({ status }) => {
      if (closed) return;
      roomState.setState({
        connection:
          status === 'connected' ? 'connected' : navigator.onLine ? 'connecting' : 'offline',
      });
    },
    onClose: ({ event }) => {
      const text = CLOSED_TEXT[event.reason];
      if (!text) return;
      if (event.reason === CLOSE_REASONS.revoked || event.reason === CLOSE_REASONS.unauthorized)
        fail(text);
      else if (
        event.reason !== CLOSE_REASONS.invalidDocument ||
        performance.now() - repairedAt > REPAIR_EXPLAINS_MS
      )
        store.getState().setNotice({ kind: 'warning', text });
    },
    onUnsyncedChanges: () => updatePending(),
  });
  // A provider given its own websocket connects only once attached.
  provider.attach();

  // Own edits not yet confirmed: counted here, since the provider's own count restarts on
  // every reconnect. Reset once the server has everything (synced, nothing unsynced).
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin instanceof LocalEdit || origin instanceof Y.UndoManager) {
      unsynced += 1;
      updatePending();
    }
  };
  ydoc.on('update', onUpdate);
  function updatePending() {
    const confirmed = provider.isSynced && !provider.hasUnsyncedChanges;
    if (confirmed) unsynced = 0;
    roomState.setState({ pending: unsynced });
    // Edits from an earlier visit count until this one has synced: they went out on connect.
    const holdsUnconfirmed = unsynced > 0 || (flaggedUnsynced && !confirmed);
    if (holdsUnconfirmed !== flaggedUnsynced && !closed) {
      flaggedUnsynced = holdsUnconfirmed;
      writeRoom(link.room, { unsynced: holdsUnconfirmed });
    }
  }
  provider.on('synced', () => updatePending());

  // The browser knows first when the network goes: say so at once, reconnect when it is back.
  const onOffline = () => {
    roomState.setState({ connection: 'offline' });
    socket.disconnect();
  };
  const onOnline = () => void socket.connect();
  addEventListener('offline', onOffline);
  addEventListener('online', onOnline);

  const awareness = provider.awareness;
  awareness?.setLocalStateField('user', { name: options.name, color: options.color });
  // The pointer and a drag go out together, 25 times a second at most (presence-sender.ts).
  const presence = awareness ? createPresenceSender(awareness) : null;
  // Each peer's last "versions changed" stamp. Anyone can set it, so re-listing is throttled.
  const versionStamps = new Map<number, number>();
  let relist: ReturnType<typeof setTimeout> | null = null;
  const onAwareness = () => {
    if (!awareness) return;
    const peers: Peer[] = [];
    // Two people who picked the same colour are told apart here: a taken colour gives way
    // to the next free one (on this screen; each screen sorts it out for itself).
    const taken = new Set([options.color]);
    const states = [...awareness.getStates()].sort(([a], [b]) => a - b);
    for (const [clientId, state] of states) {
      if (clientId === ydoc.clientID) continue;
      const stamp = state.versions;
      if (typeof stamp === 'number' && versionStamps.get(clientId) !== stamp) {
        versionStamps.set(clientId, stamp);
        relist ??= setTimeout(() => {
          relist = null;
          if (!closed) void store.getState().refreshVersions();
        }, 500);
      }
      const peer = readPeer(clientId, state);
      if (!peer) continue;
      const color = taken.has(peer.color)
        ? (PRESENCE_COLORS.find((c) => !taken.has(c)) ?? peer.color)
        : peer.color;
      taken.add(color);
      peers.push({ ...peer, color });
    }
    roomState.setState({ peers });
  };
  awareness?.on('change', onAwareness);
  const offSelection = store.subscribe((state, previous) => {
    if (state.selection !== previous.selection)
      awareness?.setLocalStateField('selection', [
        ...state.selection.nodes,
        ...state.selection.edges,
      ]);
  });

  function fail(text: string) {
    if (closed) return;
    stop();
    roomState.setState({
      problem: text,
      connection: 'closed',
      room: { id: link.room, role: 'view' },
    });
    store.getState().setNotice({ kind: 'warning', text });
    role = 'view';
    // Destroyed, not disconnected: a socket the server just closed has a reconnect queued,
    // which a disconnect does not cancel (room-socket.ts), and this token will not open again.
    provider.destroy();
    socket.destroy();
    // The link no longer opens the room, so its copy here is of no use (unless it is the only
    // place some edits are: a new link to the same room still sends them).
    dropCopy();
    if (shared) adopt();
  }

  /** Deletes this browser's copy of the room, unless it holds edits the server lacks. */
  function dropCopy(): boolean {
    if (copyDropped) return true;
    if (!mayDeleteOnLeave({ pending: unsynced, unsynced: flaggedUnsynced })) return false;
    copyDropped = true;
    void Promise.all([local.destroy(), releaseCopy()]).then(() => deleteRoomCopy(link.room));
    return true;
  }

  /** Puts (or puts again, as the role changed) the shared document under the store. */
  function adopt() {
    const next = createSharedDocument(ydoc, {
      readOnly: role === 'view',
      onLoad: (diagram) => leave(diagram),
      onGesture: (positions) => presence?.drag(positions),
    });
    const previous = store.getState().switchBackend(next, roomDiagramId(link.room));
    if (previous === shared) shared?.destroy();
    shared = next;
  }

  /** `keep`: saved to the library at once (leaving); otherwise another diagram is opening. */
  function leave(diagram: Diagram, keep = false): LeftRoom {
    const pending = unsynced;
    const copyKept = !dropCopy();
    close();
    // An id of its own: the library saves it as a new diagram, beside the one shared first.
    const document = createLocalDocument(diagram);
    store.getState().switchBackend(document, createId('d'));
    // A new object, so autosave (resumed by close) sees a change and saves it now. Only once
    // the id is the new one: automatic versions would otherwise take it for a room edit.
    if (keep) document.load({ ...diagram });
    return { copyKept, pending };
  }

  function close() {
    if (closed) return;
    closed = true;
    stop();
    if (!copyDropped) writeRoom(link.room, { openedAt: Date.now() });
    void releaseCopy();
    removeEventListener('offline', onOffline);
    removeEventListener('online', onOnline);
    offSelection();
    presence?.stop();
    if (relist) clearTimeout(relist);
    ydoc.off('update', onUpdate);
    stopRepairs();
    provider.destroy();
    socket.destroy();
    void local.destroy();
    shared?.destroy();
    roomState.setState(INITIAL_ROOM_STATE);
    host.resumeLibrary();
    if (location.hash.includes('room=')) history.replaceState(null, '', location.pathname);
  }

  // A refusal can come before IndexedDB has read the copy, and if it deletes that copy (or the
  // room is closed) whenSynced never resolves. A copy kept for its unsent edits is still read,
  // to be shown read-only.
  await Promise.race([
    local.whenSynced,
    stopped.then(() => (copyDropped || closed ? undefined : local.whenSynced)),
  ]);
  if (isEmpty(ydoc) && !stopping) {
    // Nothing kept here yet: the server's copy is the room (never seeded from this tab).
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!isEmpty(ydoc) || stopping) {
          ydoc.off('update', check);
          provider.off('synced', check);
          resolve();
        }
      };
      ydoc.on('update', check);
      provider.on('synced', check);
      void stopped.then(check);
    });
  }
  if (isEmpty(ydoc)) {
    const problem = roomState.getState().problem;
    // Nothing to show: stop the provider, IndexedDB and listeners, and drop the dead link.
    close();
    throw new Error(problem ?? 'The room could not be opened.');
  }
  host.suspendLibrary();
  adopt();
  roomState.setState({ opening: false });

  return {
    id: link.room,
    token: link.token,
    get closed() {
      return closed;
    },
    setCursor(point) {
      presence?.cursor(point);
    },
    announceVersions() {
      awareness?.setLocalStateField('versions', Date.now());
    },
    leave: () => leave(store.getState().diagram, true),
    close,
  };
}

function point(value: unknown): Point | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [x, y] = value as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? { x, y }
    : null;
}

/** A peer's awareness state, read defensively: anyone in the room can set anything there. */
function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const color =
    typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
      ? user.color
      : colorFor(clientId);
  const selection = Array.isArray(state.selection)
    ? state.selection.filter((id): id is string => typeof id === 'string').slice(0, 500)
    : [];
  let drag: Map<string, Point> | null = null;
  if (state.drag && typeof state.drag === 'object') {
    drag = new Map();
    for (const [id, value] of Object.entries(state.drag as Record<string, unknown>).slice(0, 500)) {
      const p = point(value);
      if (p) drag.set(id, p);
    }
  }
  return {
    clientId,
    name: user.name.slice(0, 60) || 'Someone',
    color,
    selection,
    cursor: point(state.cursor),
    drag,
  };
}

import { parseRoomFragment, type RoomLink } from '../../collab/protocol';
import { createRoom, renewRoomLinks, type RoomLinks } from '../../collab/room-api';
import { readAuthorName } from '../../persistence/author-name';
import {
  readPresenceColor,
  readRoom,
  writePresenceColor,
  writeRoom,
} from '../../persistence/room-prefs';
import type { LeftRoom, OpenRoom, RoomHost } from './room-connection';
import type { VersionStore } from '../../persistence/versions';
import {
  INITIAL_ROOM_STATE,
  PRESENCE_COLORS,
  roomDiagramId,
  roomState,
  type Point,
} from './room-state';
import { createRoomVersionStore } from './room-versions';

/**
 * Rooms as the editor sees them: open one from a `#room=…&token=…` link, turn the open diagram
 * into one (Share → Invite), renew its links, leave it. The Yjs, Hocuspocus and IndexedDB code
 * is in room-connection.ts, loaded by `import()` only when a room opens, so a tab that never
 * joins one never downloads it.
 */
const loadConnection = () => import('./room-connection');

/** Deletes copies of rooms not opened for a month, once start-up is over (room-copies.ts). */
function sweepWhenIdle(inUse: () => ReadonlySet<string>): void {
  const sweep = () =>
    void import('../../persistence/room-copies')
      .then((m) => m.sweepOldRoomCopies(Date.now(), inUse()))
      .catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(sweep, { timeout: 10_000 });
  else setTimeout(sweep, 5_000);
}

function leftText({ copyKept, pending }: LeftRoom): string {
  const left =
    'You left the room. This copy is yours now, saved in Diagrams: your changes stay here, and the room’s no longer arrive.';
  if (!copyKept) return left;
  return `${left} ${pending === 1 ? 'One change' : pending > 1 ? `${pending} changes` : 'Changes'} made offline had not reached the room; this browser keeps them and sends them the next time you open the room’s link.`;
}

export interface Rooms {
  /** Opens the room of the page's address, if it names one (start-up, hashchange). */
  openFromLocation(): Promise<void>;
  /** Turns the open diagram into a room (or keeps the open one) and shows both links. */
  share(): Promise<void>;
  /** Revokes both links (holders are disconnected) and shows new ones. */
  renewLinks(): Promise<void>;
  /** Goes on with the room's diagram as a local one, without reloading the page. */
  leave(): void;
  setCursor(point: Point | null): void;
  /** The name asked for once; resolves the join waiting for it. */
  provideName(name: string): void;
  /** Where the versions of `diagramId` live when it is the room open here: the server's database. */
  versionsFor(diagramId: string): VersionStore | null;
}

export function createRooms(host: RoomHost): Rooms {
  const { store } = host;
  let open: OpenRoom | null = null;
  let waitingForName: ((name: string) => void) | null = null;
  /** The link being joined or open: its token reads and saves the room's versions. */
  let current: RoomLink | null = null;
  let versions: { link: RoomLink; store: VersionStore } | null = null;
  // Opened from a room link: fetch the room code while the local start-up runs.
  if (parseRoomFragment(location.hash)) void loadConnection().catch(() => null);
  sweepWhenIdle(() => {
    const rooms = [parseRoomFragment(location.hash)?.room, current?.room, open?.id];
    return new Set(rooms.filter((room): room is string => room !== undefined));
  });

  const notify = (text: string) => store.getState().setNotice({ kind: 'error', text });

  async function askName(): Promise<string> {
    const known = readAuthorName();
    if (known) return known;
    roomState.setState({ askName: true });
    return new Promise((resolve) => (waitingForName = resolve));
  }

  const color = () => readPresenceColor() ?? pickColor();

  async function join(link: RoomLink, role: 'edit' | 'view' | null): Promise<void> {
    if (open && !open.closed && open.id === link.room && open.token === link.token) return;
    current = link;
    // The bench times joining from here to the room's cards on screen.
    performance.mark('gtm-room-join');
    const name = await askName();
    const connection = await loadConnection().catch(() => null);
    if (!connection) {
      notify(
        'Co-editing could not load. Reload the page and try again; your diagram is unchanged.',
      );
      return;
    }
    open?.close();
    open = null;
    try {
      const opened = await connection.openRoom(host, link, { role, name, color: color() });
      // Left while it opened: the person still goes on with what the room showed, locally.
      if (current === null) opened.leave();
      else open = opened;
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The room could not be opened.');
    }
  }

  function showLinks(links: RoomLinks) {
    writeRoom(links.id, { role: 'edit', editUrl: links.editUrl, viewUrl: links.viewUrl });
    roomState.setState({
      links: { editUrl: links.editUrl, viewUrl: links.viewUrl },
      linksOpen: true,
    });
  }

  async function follow(links: RoomLinks) {
    const link = parseRoomFragment(new URL(links.editUrl).hash);
    if (!link) return;
    history.replaceState(null, '', `${location.pathname}#${new URL(links.editUrl).hash.slice(1)}`);
    showLinks(links);
    await join(link, 'edit');
  }

  return {
    async openFromLocation() {
      const link = parseRoomFragment(location.hash);
      if (!link) return;
      const remembered = readRoom(link.room);
      if (remembered.editUrl)
        roomState.setState({
          links: { editUrl: remembered.editUrl, viewUrl: remembered.viewUrl ?? null },
        });
      await join(link, remembered.role ?? null);
    },
    async share() {
      const current = roomState.getState();
      if (current.room) {
        if (!current.links && open && current.room.role === 'edit')
          roomState.setState({ links: { editUrl: location.href, viewUrl: null } });
        roomState.setState({ linksOpen: true });
        return;
      }
      const result = await createRoom(store.getState().diagram);
      if (!result.ok) {
        notify(
          result.status === 0
            ? 'Sharing needs the GTM Blueprint server (gtm-blueprint serve), which could not be reached. Your diagram is unchanged.'
            : `${result.message} Your diagram is unchanged.`,
        );
        return;
      }
      await follow(result.value);
    },
    async renewLinks() {
      if (!open) return;
      const { id, token } = open;
      const result = await renewRoomLinks(id, token);
      if (!result.ok) {
        notify(`${result.message} The old links still work.`);
        return;
      }
      // Our own connection used the old token: the server is closing it; open the new one.
      open.close();
      open = null;
      roomState.setState({ problem: null });
      await follow(result.value);
    },
    leave() {
      const left = open && !open.closed ? open.leave() : null;
      open = null;
      current = null;
      versions = null;
      roomState.setState(INITIAL_ROOM_STATE);
      if (location.hash.includes('room=')) history.replaceState(null, '', location.pathname);
      if (left) store.getState().setNotice({ kind: 'info', text: leftText(left) });
    },
    setCursor(point) {
      open?.setCursor(point);
    },
    versionsFor(diagramId) {
      if (!current || diagramId !== roomDiagramId(current.room)) return null;
      if (versions?.link !== current) {
        versions = {
          link: current,
          store: createRoomVersionStore(current.room, current.token, {
            author: () => roomState.getState().me?.name,
            onChange: () => open?.announceVersions(),
          }),
        };
      }
      return versions.store;
    },
    provideName(name) {
      const clean = name.trim().slice(0, 60);
      if (!clean) return;
      // The editor signs comments with it too, from now on.
      store.getState().setAuthorName(clean);
      roomState.setState({ askName: false });
      waitingForName?.(clean);
      waitingForName = null;
    },
  };
}

function pickColor(): string {
  const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] as string;
  writePresenceColor(color);
  return color;
}

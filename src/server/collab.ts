import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Connection, type Document, type Extension } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE_REASONS, isRoomPart, type CloseReason, type RoomRole } from '../collab/protocol';
import { createRateLimiter, type Limits } from './limits';
import { checkUpdate, prepareCheck } from './update-check';
import { logRefusal, type Logger } from './refusal-log';
import type { RoomStore } from './room-store';
import { hashToken } from './tokens';
import { MESSAGE, SYNC, readHeader, type Header } from './wire';

/** What a connection carries once its token is checked (Hocuspocus keeps it as `context`). */
interface RoomContext {
  readonly tokenHash: string;
  readonly role: RoomRole;
}

/** A refusal that Hocuspocus passes on as a reason; no `message`, so it logs nothing itself. */
class Refusal extends Error {
  constructor(readonly reason: CloseReason) {
    super('');
  }
}

/** Websocket close codes per reason (4000–4999 are the application's). */
const CLOSE_CODES: Record<CloseReason, number> = {
  [CLOSE_REASONS.unauthorized]: 4401,
  [CLOSE_REASONS.revoked]: 4401,
  [CLOSE_REASONS.invalidDocument]: 4422,
  [CLOSE_REASONS.tooLarge]: 4413,
  [CLOSE_REASONS.rateLimited]: 4429,
  [CLOSE_REASONS.roomFull]: 4503,
  [CLOSE_REASONS.badMessage]: 4400,
};

const LOAD_ORIGIN = 'gtm-load';

export interface CollabOptions {
  readonly store: RoomStore;
  readonly limits: Limits;
  readonly log: Logger;
  /** `redis://…`: instances share rooms through Hocuspocus's Redis extension. */
  readonly redisUrl?: string | undefined;
  /** How often every instance re-checks the tokens of open connections (revoked elsewhere). */
  readonly tokenCheckMs?: number;
}

export interface Collab {
  /** Takes a websocket that was upgraded on the collaboration path. */
  handleSocket(ws: WebSocket, request: IncomingMessage): void;
  /** Closes the connections of a room whose token is no longer among `valid`. */
  closeRevoked(room: string, valid: ReadonlySet<string>): number;
  /** A room's live document on this instance, if one is open. */
  openDocument(room: string): Y.Doc | undefined;
  /** Folds every open room into its snapshot (SIGTERM, tests). */
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly hocuspocus: Hocuspocus;
}

/**
 * The Hocuspocus side of the server. Every message a socket sends passes through `route` first,
 * one at a time per socket, before Hocuspocus sees it: that is where limits apply, where an edit
 * is validated against the room's diagram, and where it is written to the store's log. Only then
 * does Hocuspocus apply it, broadcast it and send the sync acknowledgement (it sends the ack
 * right after applying; MessageReceiver.readSyncMessage), so an acknowledged edit is on disk.
 */
export function createCollab(options: CollabOptions): Collab {
  const { store, limits, log } = options;
  const extensions: Extension[] = [];
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl));

  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions,
    async onAuthenticate({ documentName, token, connectionConfig }) {
      if (!isRoomPart(documentName) || typeof token !== 'string' || !isRoomPart(token)) {
        logRefusal(log, isRoomPart(documentName) ? documentName : null, 'unauthorized');
        throw new Refusal(CLOSE_REASONS.unauthorized);
      }
      const tokenHash = hashToken(token);
      const role = await store.roleOf(documentName, tokenHash);
      if (!role) {
        logRefusal(log, documentName, 'unauthorized');
        throw new Refusal(CLOSE_REASONS.unauthorized);
      }
      const open = hocuspocus.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (open >= limits.maxConnectionsPerRoom) {
        logRefusal(log, documentName, 'room-full', { connections: open });
        throw new Refusal(CLOSE_REASONS.roomFull);
      }
      // Hocuspocus itself then refuses every document change from this connection.
      if (role === 'view') connectionConfig.readOnly = true;
      const context: RoomContext = { tokenHash, role };
      return context;
    },
    async onLoadDocument({ document, documentName }) {
      const state = await store.load(documentName);
      if (!state) throw new Refusal(CLOSE_REASONS.unauthorized);
      Y.applyUpdate(document, state, LOAD_ORIGIN);
      // The edit check's copy of the room is made meanwhile, in slices (update-check.ts).
      void prepareCheck(document);
    },
    async onStoreDocument({ document, documentName }) {
      await store.compact(documentName, Y.encodeStateAsUpdate(document));
    },
  });

  function connectionOf(room: string, ws: WebSocket): Connection | undefined {
    return hocuspocus.documents.get(room)?.connections.get(ws)?.connection;
  }

  function refuse(ws: WebSocket, room: string | null, reason: CloseReason, detail = {}) {
    logRefusal(log, room, reason.replace(/^gtm:/, ''), detail);
    const code = CLOSE_CODES[reason];
    // The room's connection first, so the provider hears the reason, then the socket: the
    // provider reconnects with backoff and syncs again from what the server holds.
    if (room !== null) connectionOf(room, ws)?.close({ code, reason });
    ws.close(code, reason);
  }

  function handleSocket(ws: WebSocket, request: IncomingMessage): void {
    const limiter = createRateLimiter(limits.messagesPerSecond, limits.messageBurst);
    const rooms = new Set<string>();
    // Hocuspocus queues a room's messages until its token is checked and then emits them
    // again on the socket; those come through here a second time and are not counted twice.
    const seen = new WeakSet<object>();
    let queue = Promise.resolve();
    const emit = ws.emit.bind(ws);

    const route = async (data: Buffer): Promise<void> => {
      if (ws.readyState !== ws.OPEN) return;
      let header: Header;
      try {
        header = readHeader(data);
      } catch {
        refuse(ws, null, CLOSE_REASONS.badMessage, { bytes: data.length });
        return;
      }
      const room = header.documentName;
      if (!rooms.has(room)) {
        // Hocuspocus keeps a queue per room name until its token is checked: bounded here.
        if (rooms.size >= limits.maxRoomsPerSocket) {
          refuse(ws, null, CLOSE_REASONS.badMessage, { rooms: rooms.size });
          return;
        }
        rooms.add(room);
      }
      const connection = connectionOf(room, ws);
      switch (header.type) {
        case MESSAGE.auth:
        case MESSAGE.queryAwareness:
        case MESSAGE.close:
          break;
        case MESSAGE.awareness:
        case MESSAGE.stateless:
        case MESSAGE.broadcastStateless:
          if (data.length > limits.maxPresenceBytes) {
            refuse(ws, room, CLOSE_REASONS.tooLarge, { bytes: data.length });
            return;
          }
          if (header.type === MESSAGE.broadcastStateless && connection?.readOnly) {
            logRefusal(log, room, 'view-only', { type: 'broadcast' });
            return;
          }
          break;
        case MESSAGE.sync:
        case MESSAGE.syncReply:
          if (header.update && connection) {
            const accepted = await admitUpdate(ws, room, connection, header);
            if (!accepted) return;
          }
          break;
        default:
          refuse(ws, room, CLOSE_REASONS.badMessage, { type: header.type });
          return;
      }
      emit('message', data, true);
    };

    const intercepted = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event !== 'message') return emit(event, ...args);
      const data = args[0];
      if (!Buffer.isBuffer(data)) {
        ws.close(CLOSE_CODES[CLOSE_REASONS.badMessage], CLOSE_REASONS.badMessage);
        return true;
      }
      if (!seen.has(data)) {
        seen.add(data);
        if (!limiter.take()) {
          // Once over the limit the socket closes; messages already queued are dropped.
          refuse(ws, null, CLOSE_REASONS.rateLimited);
          return true;
        }
      }
      queue = queue
        .then(() => route(data))
        .catch((error: unknown) => {
          logRefusal(log, null, 'server-error', { error: errorName(error) });
          ws.close(1011, 'gtm:server-error');
        });
      return true;
    };
    ws.emit = intercepted as typeof ws.emit;
    hocuspocus.handleConnection(ws, request);
  }

  /** Validates an edit and writes it to the log; false when it was refused. */
  async function admitUpdate(
    ws: WebSocket,
    room: string,
    connection: Connection,
    header: Header,
  ): Promise<boolean> {
    const update = header.update!;
    const document = connection.document;
    if (connection.readOnly) {
      // Hocuspocus applies nothing from a read-only connection and answers "not synced";
      // a view link's client may still send a sync step 2 with nothing new in it.
      if (header.subtype === SYNC.update || !containsOnlyKnown(document, update)) {
        logRefusal(log, room, 'view-only', { bytes: update.length });
      }
      return true;
    }
    // Waits for the room's copy and index rather than making them at once, which would hold
    // every room on this instance for as long as a large room takes (0.4–0.6 s at 5,000 cards).
    await prepareCheck(document);
    if (ws.readyState !== ws.OPEN) return false;
    const verdict = checkUpdate(document, update, limits);
    if (verdict !== null) {
      refuse(ws, room, verdict.reason, verdict.detail);
      return false;
    }
    try {
      await store.appendUpdate(room, update);
    } catch (error) {
      logRefusal(log, room, 'storage-failed', { error: errorName(error) });
      connection.close({ code: 1011, reason: 'gtm:server-error' });
      return false;
    }
    return true;
  }

  function closeRevoked(room: string, valid: ReadonlySet<string>): number {
    const document = hocuspocus.documents.get(room);
    if (!document) return 0;
    let closed = 0;
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<RoomContext>;
      if (context.tokenHash !== undefined && !valid.has(context.tokenHash)) {
        logRefusal(log, room, 'revoked');
        const code = CLOSE_CODES[CLOSE_REASONS.revoked];
        connection.close({ code, reason: CLOSE_REASONS.revoked });
        connection.webSocket.close(code, CLOSE_REASONS.revoked);
        closed++;
      }
    }
    return closed;
  }

  // Links renewed on another instance: each instance re-checks its open rooms now and then.
  const sweep = setInterval(() => {
    for (const name of hocuspocus.documents.keys()) {
      store
        .tokenHashes(name)
        .then((valid) => closeRevoked(name, valid))
        .catch(() => undefined);
    }
  }, options.tokenCheckMs ?? 5000);
  sweep.unref();

  async function flush(): Promise<void> {
    await Promise.all(
      [...hocuspocus.documents.values()].map((document: Document) =>
        store.compact(document.name, Y.encodeStateAsUpdate(document)),
      ),
    );
  }

  return {
    hocuspocus,
    handleSocket,
    closeRevoked,
    openDocument: (room) => hocuspocus.documents.get(room),
    flush,
    async close() {
      clearInterval(sweep);
      await flush().catch(() => undefined);
      hocuspocus.closeConnections();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => undefined);
    },
  };
}

/** Whether an update holds nothing the document lacks (a no-op sync from a viewer). */
function containsOnlyKnown(document: Y.Doc, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(document), update);
  } catch {
    return false;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function redisExtension(url: string): Redis {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'gtm-blueprint',
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      db: Number.isInteger(db) ? db : 0,
    },
  });
}

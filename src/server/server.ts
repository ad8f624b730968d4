import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { COLLAB_PATH } from '../collab/protocol';
import { createCollab, type Collab } from './collab';
import { createApi } from './http-api';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { openPostgresStore } from './postgres-store';
import { stderrLogger, type Logger } from './refusal-log';
import type { VersionQuota } from '../review/version-policy';
import type { RoomStore } from './room-store';
import { openSqliteStore } from './sqlite-store';
import { createStaticFiles } from './static-files';

export interface BackendOptions {
  /** Folder of the embedded SQLite database (default ./gtm-data). */
  readonly dataDir?: string;
  /** `postgres://…` (`GTM_DATABASE_URL`): rooms live in PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Table name prefix in PostgreSQL (`GTM_DATABASE_PREFIX`, default `gtm_`). */
  readonly databasePrefix?: string | undefined;
  /** `redis://…` (`GTM_REDIS_URL`): instances share rooms through Redis. */
  readonly redisUrl?: string | undefined;
  readonly createToken?: string | undefined;
  readonly publicUrl?: string | undefined;
  readonly limits?: Partial<Limits>;
  /** Versions kept per room (tests set a small one); the browser's quota by default. */
  readonly versionQuota?: VersionQuota;
  readonly log?: Logger;
  readonly tokenCheckMs?: number;
}

/** The API and the websocket, ready to attach to any Node HTTP server (ours, or Vite's). */
export interface Backend {
  /** Answers an /api request; false when the path is not the API's. */
  handleApi(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Takes an upgrade on /collab; false for other paths (Vite's HMR socket, say). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly collab: Collab;
  readonly store: RoomStore;
  /** Folds open rooms into their snapshots, closes sockets, the store and Redis. */
  close(): Promise<void>;
}

export async function createBackend(options: BackendOptions = {}): Promise<Backend> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? stderrLogger;
  const store = options.databaseUrl
    ? await openPostgresStore(options.databaseUrl, options.databasePrefix)
    : openSqliteStore(options.dataDir ?? './gtm-data');
  const collab = createCollab({
    store,
    limits,
    log,
    redisUrl: options.redisUrl,
    ...(options.tokenCheckMs === undefined ? {} : { tokenCheckMs: options.tokenCheckMs }),
  });
  const handleApi = createApi({
    store,
    collab,
    limits,
    log,
    createToken: options.createToken,
    publicUrl: options.publicUrl,
    ...(options.versionQuota ? { versionQuota: options.versionQuota } : {}),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  wss.on('connection', (ws, request: IncomingMessage) => collab.handleSocket(ws, request));
  // ws answers an oversized frame by closing with 1009; its 'error' must not reach the process.
  wss.on('wsClientError', () => undefined);

  return {
    collab,
    store,
    handleApi,
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path !== COLLAB_PATH) return false;
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', () => ws.terminate());
        wss.emit('connection', ws, request);
      });
      return true;
    },
    async close() {
      await collab.close();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await store.close();
    },
  };
}

export interface ServeOptions extends BackendOptions {
  readonly port?: number;
  readonly host?: string;
  /** The built app (default ./dist). */
  readonly distDir?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly backend: Backend;
  readonly http: Server;
  close(): Promise<void>;
}

/** `gtm-blueprint serve`: the app, the API and /collab on one port. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const backend = await createBackend(options);
  const serveStatic = createStaticFiles(options.distDir ?? './dist');
  const http = createServer((request, response) => {
    backend
      .handleApi(request, response)
      .then((handled) => (handled ? undefined : serveStatic(request, response)))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  http.on('clientError', (_error, socket) => socket.destroy());
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 4321, host, () => done());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    backend,
    http,
    async close() {
      const closed = new Promise<void>((done) => http.close(() => done()));
      await backend.close();
      http.closeAllConnections();
      await closed;
    },
  };
}

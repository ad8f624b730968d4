/**
 * Helpers for the server tests: a server in this process or as a child process, and raw
 * Hocuspocus providers in Node, over the editor's own socket (RoomSocket, which stays closed
 * once destroyed, so a test process ends when its tests do).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH, parseRoomFragment } from '../../src/collab/protocol';
import { RoomSocket } from '../../src/collab/room-socket';
import type { RoomLinks } from '../../src/collab/room-api';
import { applyDiagramToYDoc } from '../../src/collab/to-ydoc';
import { yDocToDiagram } from '../../src/collab/from-ydoc';
import type { Diagram } from '../../src/model/schema';
import { serializeDiagram } from '../../src/io/serialize';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/server';
import { cleanDiagram } from '../../src/testing/test-diagrams';

export const ROOT = resolve(import.meta.dirname, '../..');

/** `ws` throws from close() on a socket still connecting unless someone listens for errors. */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

export function tempDir(prefix = 'gtm-server-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A server in this process on a free port, with its refusal log captured. */
export async function startTestServer(
  options: ServeOptions = {},
): Promise<RunningServer & { logs: string[]; dataDir: string; stop(): Promise<void> }> {
  const dir = tempDir();
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    dataDir: dir.path,
    distDir: join(dir.path, 'no-dist'),
    log: (line) => logs.push(line),
    ...options,
  });
  return Object.assign(server, {
    logs,
    dataDir: dir.path,
    async stop() {
      await server.close();
      dir.remove();
    },
  });
}

export async function createRoom(baseUrl: string, diagram: Diagram = cleanDiagram()) {
  const response = await fetch(new URL('/api/rooms', baseUrl), {
    method: 'POST',
    body: serializeDiagram(diagram),
  });
  if (response.status !== 201)
    throw new Error(`room not created: ${response.status} ${await response.text()}`);
  const links = (await response.json()) as RoomLinks;
  return { ...links, edit: tokenOf(links.editUrl), view: tokenOf(links.viewUrl) };
}

export function tokenOf(url: string): string {
  const link = parseRoomFragment(new URL(url).hash);
  if (!link) throw new Error(`no room link in ${url}`);
  return link.token;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: RoomSocket;
  readonly closes: string[];
  readonly denied: string[];
  /** Resolves once the server has acknowledged every local change. */
  confirmed(timeoutMs?: number): Promise<void>;
  /** Edits the diagram through the minimal writer. */
  edit(change: (diagram: Diagram) => Diagram): void;
  diagram(): Diagram;
  destroy(): void;
}

/** A raw Hocuspocus provider in Node (the `ws` package as its WebSocket). */
export function connect(
  baseUrl: string,
  room: string,
  token: string,
  options: { doc?: Y.Doc; url?: string } = {},
): TestClient {
  const url = options.url ?? new URL(COLLAB_PATH, baseUrl.replace(/^http/, 'ws')).href;
  const doc = options.doc ?? new Y.Doc();
  const socket = new RoomSocket({
    url,
    WebSocketPolyfill: QuietWebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    factor: 1.5,
  });
  const closes: string[] = [];
  const denied: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: doc,
    onClose: ({ event }) => closes.push(event.reason),
    onAuthenticationFailed: ({ reason }) => denied.push(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    closes,
    denied,
    confirmed: (timeoutMs = 5000) =>
      until(() => provider.isSynced && provider.unsyncedChanges === 0, timeoutMs, 'confirmed'),
    edit(change) {
      applyDiagramToYDoc(doc, change(yDocToDiagram(doc)), 'test');
    },
    diagram: () => yDocToDiagram(doc),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function until(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function retitle(diagram: Diagram, id: string, title: string): Diagram {
  return { ...diagram, nodes: diagram.nodes.map((n) => (n.id === id ? { ...n, title } : n)) };
}

export function titleOf(diagram: Diagram, id: string): string | undefined {
  return diagram.nodes.find((n) => n.id === id)?.title;
}

/** `gtm-blueprint serve` as a child process, as people run it. */
export async function spawnServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/gtm-blueprint.mjs'), 'serve', '--port', '0', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await until(
    () => /on http:\/\/\S+\//.test(out) || child.exitCode !== null,
    30_000,
    'server start',
  );
  const match = /on (http:\/\/\S+\/)/.exec(out);
  if (!match) throw new Error(`server did not start:\n${out}`);
  return { child, url: match[1]!, output: () => out };
}

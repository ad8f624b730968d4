/**
 * Co-editing figures (issue 13): edit on one client → visible on the others over loopback,
 * server memory per idle room and per connection, and a document's size after 10,000 edits.
 * The server runs in a child process; the clients are raw Hocuspocus providers in this one.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { NODES_KEY } from '../src/collab/layout';
import { COLLAB_PATH, parseRoomFragment } from '../src/collab/protocol';
import { createRoom } from '../src/collab/room-api';
import { applyDiagramToYDoc, diagramToYDoc } from '../src/collab/to-ydoc';
import { serializeDiagram } from '../src/io/serialize';
import type { Diagram } from '../src/model/schema';
import { DEFAULT_LIMITS } from '../src/server/limits';
import { mergeStates } from '../src/server/room-store';
import { checkUpdate, checkUpdateWhole, prepareCheck } from '../src/server/update-check';
import { createSyntheticDiagram } from '../src/testing/synthetic';
import { cleanDiagram } from '../src/testing/test-diagrams';
import { round, summarize, type Summary } from './stats';

export interface CollabLatency {
  readonly name: string;
  readonly rooms: number;
  readonly clientsPerRoom: number;
  readonly cards: number;
  readonly edits: number;
  /** Client processes the rooms were dealt over (the server has one of its own). */
  readonly processes: number;
  /** One sample per receiving client per edit. */
  readonly ms: Summary;
}

/** The server's check of one edit: tried on the room's copy, judged by the file gate. */
export interface CollabCheck {
  readonly cards: number;
  /** Entry by entry (update-check.ts), once the room's copy is made. */
  readonly ms: Summary;
  /** The first edit of a room checked without `prepareCheck`: the copy made and indexed at once. */
  readonly firstMs: number;
  /**
   * The first edit of a room as the server takes it: the copy made and indexed in slices from
   * the room's load (`prepareCheck`), then the edit checked; and the longest gap between the
   * ticks of a 1 ms timer meanwhile, the most any other room waited.
   */
  readonly preparedFirstMs: number;
  readonly preparedLongestBlockMs: number;
  /** The whole diagram read through the gate on every edit (the check before issue 13's fix). */
  readonly wholeMs: Summary;
  readonly wholeFirstMs: number;
}

export interface CollabBench {
  readonly latency: CollabLatency[];
  readonly memory: {
    readonly perIdleRoomKb: number;
    readonly perConnectionKb: number;
    readonly rooms: number;
    readonly connections: number;
  };
  readonly check: CollabCheck[];
  readonly growth: {
    readonly edits: number;
    readonly fileBytes: number;
    readonly freshStateBytes: number;
    readonly stateAfterEditsBytes: number;
    readonly storedAfterCompactionBytes: number;
  };
}

interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
}

/** `ws` throws from close() on a socket still connecting unless someone listens for errors. */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('collab bench: timed out');
    await sleep(5);
  }
}

function connectClient(url: string, room: string, token: string): Client {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: new URL(COLLAB_PATH, url.replace(/^http/, 'ws')).href,
    WebSocketPolyfill: QuietWebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: doc,
  });
  provider.attach();
  return { doc, provider, socket };
}

export async function startChild(
  dataDir: string,
  execArgv: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(resolve(import.meta.dirname, 'collab-server-child.ts'), [dataDir], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((done, fail) => {
    child.once('message', (message: { type: string; url: string }) => done(message.url));
    child.once('exit', () => fail(new Error('collab bench: the server exited')));
  });
  return { child, url };
}

function serverMemory(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    child.once('message', (message: { heapUsed: number; external: number }) =>
      done(message.heapUsed + message.external),
    );
    child.send({ type: 'memory' });
  });
}

async function newRoom(url: string, diagram: Diagram): Promise<RoomLink> {
  const created = await createRoom(diagram, { baseUrl: url });
  if (!created.ok) throw new Error(`collab bench: ${created.message}`);
  const link = parseRoomFragment(new URL(created.value.editUrl).hash);
  if (!link) throw new Error('collab bench: no link');
  return { id: created.value.id, edit: link.token };
}

export interface RoomLink {
  readonly id: string;
  readonly edit: string;
}

/**
 * Every `pace` ms one client of each room retitles a card; each other client of the room
 * records when the title arrives. Titles carry a sequence number, so each sample is exact.
 * `ready` runs once every client is synced (a clients child waits there for the others).
 */
export async function editRooms(
  url: string,
  rooms: readonly RoomLink[],
  clientsPerRoom: number,
  diagram: Diagram,
  editsPerRoom: number,
  pace: number,
  ready: () => Promise<void> = async () => undefined,
): Promise<number[]> {
  const groups = rooms.map((room) =>
    Array.from({ length: clientsPerRoom }, () => connectClient(url, room.id, room.edit)),
  );
  const all = groups.flat();
  await until(() => all.every((c) => c.provider.isSynced), 60_000);
  const id = diagram.nodes[0]!.id;
  const samples: number[] = [];
  const sent = new Map<string, number>();
  for (const group of groups) {
    for (const client of group) {
      const entry = () => client.doc.getMap(NODES_KEY).get(id) as Y.Map<unknown>;
      client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) return;
        const title = entry().get('title') as string;
        const start = sent.get(title);
        if (start !== undefined) samples.push(performance.now() - start);
      });
    }
  }
  await ready();
  const expected = editsPerRoom * rooms.length * (clientsPerRoom - 1);
  // Each room's diagram as its clients' stores would hold it (every client sees every edit).
  const current = groups.map(() => diagram);
  for (let i = 0; i < editsPerRoom; i++) {
    groups.forEach((group, r) => {
      const writer = group[i % group.length]!;
      const title = `edit ${rooms[r]!.id}-${i}`;
      const d = current[r]!;
      const next = { ...d, nodes: d.nodes.map((n) => (n.id === id ? { ...n, title } : n)) };
      current[r] = next;
      sent.set(title, performance.now());
      applyDiagramToYDoc(writer.doc, next, 'bench');
    });
    await sleep(pace);
  }
  await until(() => samples.length >= expected, 30_000).catch(() => undefined);
  for (const client of all) {
    client.provider.destroy();
    client.socket.destroy();
  }
  return samples;
}

/** Runs `editRooms` in a child process of its own; resolves once its clients are synced. */
function clientsChild(args: Parameters<typeof editRooms>) {
  const child = fork(resolve(import.meta.dirname, 'collab-clients-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const samples = new Promise<number[]>((done, fail) => {
    child.on('message', (message: { type: string; samples?: number[] }) => {
      if (message.type === 'samples') done(message.samples ?? []);
    });
    child.once('exit', () => fail(new Error('collab bench: a clients child exited')));
  });
  const synced = new Promise<void>((done) => {
    child.on('message', (message: { type: string }) => {
      if (message.type === 'synced') done();
    });
  });
  child.send({ type: 'run', args: args.slice(0, 6) });
  return { child, synced, samples, go: () => child.send({ type: 'go' }) };
}

/**
 * The latency of `rooms` rooms of `clientsPerRoom` clients. With `processes` > 1 the rooms are
 * dealt over that many client processes (a room's clients stay together, so each sample is
 * timed on one clock); they share the machine's cores with the server all the same.
 */
export async function measureLatency(
  url: string,
  name: string,
  rooms: number,
  clientsPerRoom: number,
  diagram: Diagram,
  editsPerRoom: number,
  pace: number,
  processes = 1,
): Promise<CollabLatency> {
  const links: RoomLink[] = [];
  for (let r = 0; r < rooms; r++) links.push(await newRoom(url, diagram));
  let samples: number[];
  if (processes <= 1) {
    samples = await editRooms(url, links, clientsPerRoom, diagram, editsPerRoom, pace);
  } else {
    const children = Array.from({ length: processes }, (_, p) =>
      clientsChild([
        url,
        links.filter((_, r) => r % processes === p),
        clientsPerRoom,
        diagram,
        editsPerRoom,
        pace,
      ]),
    );
    await Promise.all(children.map((c) => c.synced));
    children.forEach((c) => c.go());
    samples = (await Promise.all(children.map((c) => c.samples))).flat();
  }
  return {
    name,
    rooms,
    clientsPerRoom,
    cards: diagram.nodes.length,
    edits: editsPerRoom * rooms,
    processes,
    ms: summarize(samples),
  };
}

/** Heap of the server with `rooms` idle rooms of one connection, then of ten connections each. */
async function measureMemory(child: ChildProcess, url: string) {
  const rooms = 200;
  const base = await serverMemory(child);
  const clients: Client[] = [];
  const links: { id: string; edit: string }[] = [];
  for (let r = 0; r < rooms; r++) {
    const room = await newRoom(url, cleanDiagram());
    links.push(room);
    clients.push(connectClient(url, room.id, room.edit));
  }
  await until(() => clients.every((c) => c.provider.isSynced), 60_000);
  await sleep(500);
  const withRooms = await serverMemory(child);
  for (const room of links) {
    for (let i = 0; i < 9; i++) clients.push(connectClient(url, room.id, room.edit));
  }
  await until(() => clients.every((c) => c.provider.isSynced), 60_000);
  await sleep(500);
  const withConnections = await serverMemory(child);
  for (const client of clients) {
    client.provider.destroy();
    client.socket.destroy();
  }
  return {
    rooms,
    connections: rooms * 10,
    perIdleRoomKb: round((withRooms - base) / rooms / 1024, 1),
    perConnectionKb: round((withConnections - withRooms) / (rooms * 9) / 1024, 1),
  };
}

type Check = typeof checkUpdate;

/** 70 retitles of a room's cards through `check`; the first 20 (and the copy's making) unmeasured. */
function timeCheck(diagram: Diagram, check: Check): { ms: Summary; firstMs: number } {
  const room = diagramToYDoc(diagram);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(room));
  const samples: number[] = [];
  let firstMs = 0;
  let current = diagram;
  for (let i = 0; i < 70; i++) {
    const id = current.nodes[i % current.nodes.length]!.id;
    current = {
      ...current,
      nodes: current.nodes.map((n) => (n.id === id ? { ...n, title: `t${i}` } : n)),
    };
    const before = Y.encodeStateVector(writer);
    applyDiagramToYDoc(writer, current, 'bench');
    const update = Y.encodeStateAsUpdate(writer, before);
    const start = performance.now();
    const verdict = check(room, update, DEFAULT_LIMITS);
    const ms = performance.now() - start;
    if (i === 0) firstMs = round(ms, 1);
    if (i >= 20) samples.push(ms);
    if (verdict) throw new Error(`collab bench: a valid edit was refused (${verdict.reason})`);
    Y.applyUpdate(room, update);
  }
  return { ms: summarize(samples), firstMs };
}

/** A room's first edit after `prepareCheck`, with a 1 ms timer ticking meanwhile. */
async function timePreparedFirst(diagram: Diagram) {
  const room = diagramToYDoc(diagram);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(writer);
  const id = diagram.nodes[0]!.id;
  const nodes = diagram.nodes.map((n) => (n.id === id ? { ...n, title: 'First edit' } : n));
  applyDiagramToYDoc(writer, { ...diagram, nodes }, 'bench');
  const update = Y.encodeStateAsUpdate(writer, before);
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  last = start;
  await prepareCheck(room);
  const verdict = checkUpdate(room, update, DEFAULT_LIMITS);
  const ms = performance.now() - start;
  // One more tick, so a block at the very end is seen too.
  await sleep(2);
  clearInterval(probe);
  if (verdict) throw new Error(`collab bench: a valid edit was refused (${verdict.reason})`);
  return { ms: round(ms, 1), longestBlockMs: round(longest, 1) };
}

/** The server's check of one edit: entry by entry (what the server runs) and whole, as before. */
export async function measureCheck(cards: number): Promise<CollabCheck> {
  const diagram = cards <= 18 ? cleanDiagram() : createSyntheticDiagram(cards, 2);
  // The whole read first: the first room made pays for warming up Yjs and the gate.
  const whole = timeCheck(diagram, checkUpdateWhole);
  const incremental = timeCheck(diagram, checkUpdate);
  const prepared = await timePreparedFirst(diagram);
  return {
    cards: diagram.nodes.length,
    ms: incremental.ms,
    firstMs: incremental.firstMs,
    preparedFirstMs: prepared.ms,
    preparedLongestBlockMs: prepared.longestBlockMs,
    wholeMs: whole.ms,
    wholeFirstMs: whole.firstMs,
  };
}

/** 10,000 edits of the kinds people make (titles, moves, notes, a card added and removed). */
function measureGrowth() {
  const diagram = cleanDiagram();
  const doc = diagramToYDoc(diagram);
  let current = diagram;
  const edits = 10_000;
  for (let i = 0; i < edits; i++) {
    const target = current.nodes[i % current.nodes.length]!;
    let next: Diagram;
    switch (i % 4) {
      case 0:
        next = {
          ...current,
          nodes: current.nodes.map((n) =>
            n === target ? { ...n, title: `${target.title.slice(0, 20)} ${i}` } : n,
          ),
        };
        break;
      case 1:
        next = {
          ...current,
          nodes: current.nodes.map((n) =>
            n === target ? { ...n, position: { x: (i * 7) % 2000, y: n.position.y } } : n,
          ),
        };
        break;
      case 2:
        next = {
          ...current,
          nodes: current.nodes.map((n) =>
            n === target ? ({ ...n, data: { ...n.data, notes: `note ${i}` } } as typeof n) : n,
          ),
        };
        break;
      default:
        next =
          i % 8 === 3
            ? {
                ...current,
                nodes: [
                  ...current.nodes,
                  { id: `tmp-${i}`, kind: 'tool', title: 'Temporary', position: { x: 0, y: 1200 } },
                ],
              }
            : { ...current, nodes: current.nodes.filter((n) => !n.id.startsWith('tmp-')) };
    }
    applyDiagramToYDoc(doc, next, 'bench');
    current = next;
  }
  const state = Y.encodeStateAsUpdate(doc);
  return {
    edits,
    fileBytes: Buffer.byteLength(serializeDiagram(current, { pretty: false })),
    freshStateBytes: Y.encodeStateAsUpdate(diagramToYDoc(current)).length,
    stateAfterEditsBytes: state.length,
    storedAfterCompactionBytes: mergeStates([state]).length,
  };
}

export async function runCollabBench(log: (line: string) => void): Promise<CollabBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gtm-collab-bench-'));
  const { child, url } = await startChild(dataDir);
  try {
    log('collab: 10 clients in one room…');
    const latency = [
      await measureLatency(url, '10 clients in 1 room', 1, 10, cleanDiagram(), 200, 25),
    ];
    // Each of the 200 people edits every 2 s (a busy workshop): 100 edits a second in all.
    log('collab: 200 clients over 20 rooms…');
    latency.push(
      await measureLatency(url, '200 clients over 20 rooms', 20, 10, cleanDiagram(), 50, 200),
    );
    // The same load with the clients in two processes: neither side of the bench then waits
    // on the other's event loop, but the three processes still share the machine's cores.
    log('collab: 200 clients over 20 rooms, clients in 2 processes…');
    latency.push(
      await measureLatency(
        url,
        '200 clients over 20 rooms, clients in 2 processes',
        20,
        10,
        cleanDiagram(),
        50,
        200,
        2,
      ),
    );
    log('collab: 10 clients in a room of 1,000 cards…');
    latency.push(
      await measureLatency(
        url,
        '10 clients in 1 room of 1,000 cards',
        1,
        10,
        createSyntheticDiagram(1000, 2),
        50,
        100,
      ),
    );
    log('collab: server memory…');
    const memory = await measureMemory(child, url);
    log("collab: the server's check of one edit…");
    const check = [await measureCheck(18), await measureCheck(1000), await measureCheck(5000)];
    log('collab: document size after 10,000 edits…');
    const growth = measureGrowth();
    return { latency, memory, check, growth };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/collab-bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runCollabBench((line) => process.stderr.write(`${line}\n`));
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

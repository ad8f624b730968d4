import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE_REASONS, COLLAB_PATH } from '../../src/collab/protocol';
import { EDGES_KEY, NODES_KEY } from '../../src/collab/layout';
import { parseDiagramFile } from '../../src/io/parse-file';
import {
  connect,
  createRoom,
  retitle,
  sleep,
  startTestServer,
  titleOf,
  until,
  type TestClient,
} from './helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function storedDiagram(server: Server, room: string, token: string) {
  const response = await fetch(new URL(`/api/rooms/${room}/diagram`, server.url), {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  const parsed = parseDiagramFile(await response.text());
  assert.ok(parsed.ok, 'the stored diagram is valid');
  return parsed.diagram;
}

/** What the store holds, read without this instance's memory (a fresh server would see it). */
async function persisted(server: Server, room: string) {
  const state = await server.backend.store.load(room);
  assert.ok(state);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function nodeMap(client: TestClient, id: string): Y.Map<unknown> {
  return client.doc.getMap(NODES_KEY).get(id) as Y.Map<unknown>;
}

describe('co-editing server: tokens and roles', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it("two edit links see each other's edits, and an edit is acknowledged", async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    try {
      await alice.confirmed();
      await bob.confirmed();
      const id = alice.diagram().nodes[0]!.id;
      alice.edit((d) => retitle(d, id, 'Renamed by Alice'));
      await alice.confirmed();
      await until(() => titleOf(bob.diagram(), id) === 'Renamed by Alice');
      assert.equal(
        titleOf(await storedDiagram(server, room.id, room.view), id),
        'Renamed by Alice',
      );
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });

  it('refuses a wrong token, a token of another room, and a malformed room name', async () => {
    const room = await createRoom(server.url);
    const other = await createRoom(server.url);
    const clients = [
      connect(server.url, room.id, 'A'.repeat(24)),
      connect(server.url, room.id, other.edit),
      connect(server.url, '../etc/passwd', room.edit),
    ];
    try {
      await until(() => clients.every((c) => c.denied.length > 0), 5000, 'denials');
      for (const client of clients) {
        assert.equal(client.denied[0], CLOSE_REASONS.unauthorized);
        assert.equal(client.doc.getMap(NODES_KEY).size, 0, 'nothing of the room reached it');
      }
      assert.ok(server.logs.some((l) => l.includes(`room=${room.id} reason=unauthorized`)));
    } finally {
      clients.forEach((c) => c.destroy());
    }
  });

  it('a view link reads the room, and its edits reach nobody and are not stored', async () => {
    const room = await createRoom(server.url);
    const editor = connect(server.url, room.id, room.edit);
    const viewer = connect(server.url, room.id, room.view);
    try {
      await editor.confirmed();
      await until(() => viewer.provider.isSynced, 5000, 'viewer synced');
      const id = viewer.diagram().nodes[0]!.id;
      const before = titleOf(viewer.diagram(), id);
      viewer.edit((d) => retitle(d, id, 'Viewer was here'));
      await until(() => server.logs.some((l) => l.includes(`room=${room.id} reason=view-only`)));
      // The server answered "not synced": the change stays unconfirmed on the viewer's side.
      await sleep(200);
      assert.ok(viewer.provider.unsyncedChanges > 0);
      assert.equal(titleOf(editor.diagram(), id), before);
      assert.equal(titleOf(await storedDiagram(server, room.id, room.edit), id), before);
      const stored = await persisted(server, room.id);
      assert.equal((stored.getMap(NODES_KEY).get(id) as Y.Map<unknown>).get('title'), before);
      // The editor's edits still reach the viewer (on another card: on this one the viewer's
      // own unsent title and the editor's are concurrent, and Yjs may keep either locally).
      const other = viewer.diagram().nodes[1]!.id;
      editor.edit((d) => retitle(d, other, 'Editor edit'));
      await until(() => titleOf(viewer.diagram(), other) === 'Editor edit');
    } finally {
      editor.destroy();
      viewer.destroy();
    }
  });
});

describe('co-editing server: the document is validated', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  const cases: { name: string; reason: string; corrupt(client: TestClient, id: string): void }[] = [
    {
      name: 'an unknown kind',
      reason: CLOSE_REASONS.invalidDocument,
      corrupt: (client, id) => nodeMap(client, id).set('kind', 'spaceship'),
    },
    {
      name: 'an edge to a card that is not there',
      reason: CLOSE_REASONS.invalidDocument,
      corrupt: (client, id) => {
        const edge = new Y.Map<unknown>();
        client.doc.transact(() => {
          client.doc.getMap(EDGES_KEY).set('dangling', edge);
          edge.set('source', id);
          edge.set('target', 'nowhere');
        });
      },
    },
    {
      name: 'a __proto__ key',
      reason: CLOSE_REASONS.invalidDocument,
      corrupt: (client, id) => nodeMap(client, id).set('__proto__', { polluted: 'SECRET-CONTENT' }),
    },
    {
      name: 'a 3 MB title',
      reason: CLOSE_REASONS.invalidDocument,
      corrupt: (client, id) => nodeMap(client, id).set('title', 'SECRET-CONTENT'.repeat(220_000)),
    },
    {
      name: 'a root type outside the layout',
      reason: CLOSE_REASONS.invalidDocument,
      corrupt: (client) => client.doc.getText('SECRET-CONTENT').insert(0, 'x'),
    },
  ];

  for (const { name, reason, corrupt } of cases) {
    it(`refuses ${name}: the peer is disconnected with a reason, nobody sees it, the room stays valid`, async () => {
      const room = await createRoom(server.url);
      const bad = connect(server.url, room.id, room.edit);
      const good = connect(server.url, room.id, room.edit);
      try {
        await bad.confirmed();
        await good.confirmed();
        const id = good.diagram().nodes[0]!.id;
        const before = good.diagram();
        corrupt(bad, id);
        await until(() => bad.closes.includes(reason), 5000, `close reason ${reason}`);
        assert.ok(
          server.logs.some((l) =>
            l.includes(`room=${room.id} reason=${reason.replace('gtm:', '')}`),
          ),
        );
        await sleep(100);
        assert.deepEqual(good.diagram(), before, 'the other peer saw nothing');
        assert.deepEqual(
          await storedDiagram(server, room.id, room.edit),
          await storedDiagram(server, room.id, room.view),
        );
        const stored = await persisted(server, room.id);
        assert.equal(
          (stored.getMap(NODES_KEY).get(id) as Y.Map<unknown>).get('kind'),
          before.nodes[0]!.kind,
        );
        assert.equal(stored.getMap(EDGES_KEY).has('dangling'), false);
        // The room still takes valid edits from others.
        good.edit((d) => retitle(d, id, 'Still editable'));
        await good.confirmed();
        assert.equal(
          titleOf(await storedDiagram(server, room.id, room.view), id),
          'Still editable',
        );
        assert.ok(
          !server.logs.some((l) => l.includes('SECRET-CONTENT')),
          'the log holds no content',
        );
      } finally {
        bad.destroy();
        good.destroy();
      }
    });
  }

  it('closes the socket of a 10 MB message (over the message size limit)', async () => {
    const room = await createRoom(server.url);
    const bad = connect(server.url, room.id, room.edit);
    const good = connect(server.url, room.id, room.edit);
    try {
      await bad.confirmed();
      await good.confirmed();
      const id = good.diagram().nodes[0]!.id;
      const closed = new Promise<number>((done) =>
        bad.socket.on('disconnect', ({ event }: { event: { code: number } }) => done(event.code)),
      );
      nodeMap(bad, id).set('title', 'x'.repeat(10 * 1024 * 1024));
      assert.equal(await closed, 1009);
      await sleep(100);
      assert.notEqual(titleOf(good.diagram(), id)?.length, 10 * 1024 * 1024);
    } finally {
      bad.destroy();
      good.destroy();
    }
  });
});

describe('co-editing server: limits', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer({
      limits: {
        maxConnectionsPerRoom: 2,
        messagesPerSecond: 20,
        messageBurst: 40,
        maxStateBytes: 40_000,
      },
    });
  });
  after(() => server.stop());

  it("refuses a connection past the room's limit", async () => {
    const room = await createRoom(server.url);
    const first = connect(server.url, room.id, room.edit);
    const second = connect(server.url, room.id, room.view);
    try {
      await first.confirmed();
      await second.confirmed();
      const third = connect(server.url, room.id, room.edit);
      try {
        await until(() => third.denied.length > 0, 5000, 'room full');
        assert.equal(third.denied[0], CLOSE_REASONS.roomFull);
        assert.ok(server.logs.some((l) => l.includes(`room=${room.id} reason=room-full`)));
      } finally {
        third.destroy();
      }
    } finally {
      first.destroy();
      second.destroy();
    }
  });

  it('closes a socket that sends more messages per second than allowed', async () => {
    const room = await createRoom(server.url);
    const flooder = connect(server.url, room.id, room.edit);
    try {
      await flooder.confirmed();
      const closed = new Promise<number>((done) =>
        flooder.socket.on('disconnect', ({ event }: { event: { code: number } }) =>
          done(event.code),
        ),
      );
      for (let i = 0; i < 100; i++) flooder.provider.setAwarenessField('cursor', { x: i, y: i });
      assert.equal(await closed, 4429);
      assert.ok(server.logs.some((l) => l.includes('reason=rate-limited')));
      // The provider comes back after its backoff. (Destroying a provider in the middle of a
      // reconnect leaves it holding the test process open: a provider quirk, not the server.)
      await flooder.confirmed();
    } finally {
      flooder.destroy();
    }
  });

  it('refuses an edit that grows the room past its size limit, and keeps the room', async () => {
    const room = await createRoom(server.url);
    const writer = connect(server.url, room.id, room.edit);
    try {
      await writer.confirmed();
      const ids = writer.diagram().nodes.map((n) => n.id);
      // Valid notes of 2,000 characters on every card: far past 40 KB of state.
      writer.edit((d) => ({
        ...d,
        nodes: d.nodes.map(
          (n) => ({ ...n, data: { ...n.data, notes: 'n'.repeat(2000) } }) as typeof n,
        ),
      }));
      await until(() => writer.closes.includes(CLOSE_REASONS.tooLarge), 5000, 'too large');
      const stored = await storedDiagram(server, room.id, room.view);
      assert.deepEqual(
        stored.nodes.map((n) => n.id),
        [...ids].sort(),
      );
      assert.ok(stored.nodes.every((n) => n.data?.notes !== 'n'.repeat(2000)));
    } finally {
      writer.destroy();
    }
  });
});

describe('co-editing server: hostile bytes', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  function rawSocket(): Promise<WebSocket> {
    const ws = new WebSocket(new URL(COLLAB_PATH, server.url.replace('http', 'ws')).href);
    return new Promise((done, fail) => {
      ws.once('open', () => done(ws));
      ws.once('error', fail);
    });
  }

  it('survives random bytes, truncated messages and garbage after a valid header', async () => {
    const room = await createRoom(server.url);
    const name = new TextEncoder().encode(room.id);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    for (let round = 0; round < 40; round++) {
      const ws = await rawSocket();
      ws.on('error', () => undefined);
      const type = round % 9;
      // Some messages start as a real one would (room name, message type), then go wrong.
      const header = Uint8Array.from([name.length, ...name, type, round % 3]);
      for (const message of [
        bytes(1 + (round % 50)),
        Buffer.concat([header, bytes(round * 7)]),
        header.subarray(0, round % header.length),
      ]) {
        if (ws.readyState === ws.OPEN) ws.send(message);
      }
      await sleep(5);
      ws.terminate();
    }
    await sleep(100);
    // The process is alive and the room works.
    const client = connect(server.url, room.id, room.edit);
    try {
      await client.confirmed();
      assert.ok(client.diagram().nodes.length > 0);
    } finally {
      client.destroy();
    }
  });
});

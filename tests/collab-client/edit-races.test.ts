/**
 * Two edits that are each valid and invalid together, against a real server: a card deleted
 * while someone else joins an edge to it, opens a thread on it or maps a CRM stage to it. The
 * server refuses the edit that would leave the room dangling; the client that made it repairs
 * its copy (`watchForRepairs`) and the room converges, with nothing left pointing at nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDiagramFile } from '../../src/io/parse-file';
import { watchForRepairs, type Repair } from '../../src/collab/repair';
import type { CommentThread, Diagram } from '../../src/model/schema';
import { addEdges, edge, removeNodes } from '../../src/testing/test-diagrams';
import { connect, createRoom, startTestServer, until, type TestClient } from '../server/helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const GONE = 'stage-discovery';

function thread(id: string, target: CommentThread['target']): CommentThread {
  return {
    id,
    target,
    messages: [
      {
        id: `${id}-m`,
        author: 'Bob',
        text: 'Is this stage needed?',
        createdAt: '2026-12-04T10:00:00Z',
      },
    ],
  };
}

/** Bob's client: what the editor installs on a room's doc when it may edit. */
function repairing(client: TestClient): Repair[] {
  const repairs: Repair[] = [];
  watchForRepairs(client.doc, {
    canWrite: () => true,
    isOwnEdit: (origin) => origin === 'test',
    onRepaired: (repair) => repairs.push(repair),
  });
  return repairs;
}

async function stored(server: Server, room: { id: string; view: string }): Promise<Diagram> {
  const response = await fetch(new URL(`/api/rooms/${room.id}/diagram`, server.url), {
    headers: { authorization: `Bearer ${room.view}` },
  });
  const parsed = parseDiagramFile(await response.text());
  assert.ok(parsed.ok, 'the stored room is a valid file');
  return parsed.diagram;
}

const refusals = (server: Server, room: string) =>
  server.logs.filter((line) => line.includes(`room=${room} reason=invalid-document`)).length;

const pointsAtGone = (d: Diagram) =>
  d.edges.some((e) => e.source === GONE || e.target === GONE) ||
  (d.comments ?? []).some((t) => t.target.type === 'node' && t.target.id === GONE) ||
  Object.values(d.actuals?.stageMap ?? {}).includes(GONE);

describe('edits racing a delete', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('an edge, a thread and a stage mapping made offline to a card deleted meanwhile are removed, and the room converges', async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    const repairs = repairing(bob);
    try {
      await alice.confirmed();
      await bob.confirmed();
      bob.socket.disconnect();
      bob.edit((d) => ({
        ...addEdges(d, edge('e-bob', 'stage-sql', GONE, 'Booked call')),
        comments: [thread('t-bob', { type: 'node', id: GONE })],
        actuals: { stageMap: { Discovery: GONE, 'Closed Won': '@won' } },
      }));
      alice.edit((d) => removeNodes(d, GONE));
      await alice.confirmed();
      void bob.socket.connect();

      await bob.confirmed(10_000);
      await until(() => !pointsAtGone(alice.diagram()) && !pointsAtGone(bob.diagram()));
      assert.deepEqual(repairs, [{ edges: 1, threads: 1, stageMappings: 1 }]);
      const room_ = await stored(server, room);
      assert.equal(pointsAtGone(room_), false);
      assert.equal(
        room_.nodes.some((n) => n.id === GONE),
        false,
      );
      // What did not point at the deleted card stays: the other stage mapping.
      assert.deepEqual(room_.actuals?.stageMap, { 'Closed Won': '@won' });
      assert.deepEqual(bob.diagram(), alice.diagram());
      // One refusal: the server asks for Bob's changes before it sends its own, so his first
      // answer still holds the edge; the next one holds the repair too.
      assert.equal(refusals(server, room.id), 1);
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });

  it('a card deleted offline while someone joined an edge to it: the deletion wins on reconnect', async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    repairing(bob);
    try {
      await alice.confirmed();
      await bob.confirmed();
      bob.socket.disconnect();
      bob.edit((d) => removeNodes(d, GONE));
      alice.edit((d) => addEdges(d, edge('e-alice', 'stage-sql', GONE, 'Booked call')));
      await alice.confirmed();
      void bob.socket.connect();

      await bob.confirmed(10_000);
      await until(
        () => !alice.diagram().nodes.some((n) => n.id === GONE) && !pointsAtGone(alice.diagram()),
        10_000,
        'the deletion at Alice',
      );
      const room_ = await stored(server, room);
      assert.equal(
        room_.nodes.some((n) => n.id === GONE),
        false,
      );
      assert.equal(pointsAtGone(room_), false);
      assert.deepEqual(bob.diagram(), alice.diagram());
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });

  it('without the repair the refused client never converges (the case this guards)', async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    try {
      await alice.confirmed();
      await bob.confirmed();
      bob.socket.disconnect();
      bob.edit((d) => addEdges(d, edge('e-bob', 'stage-sql', GONE, 'Booked call')));
      alice.edit((d) => removeNodes(d, GONE));
      await alice.confirmed();
      void bob.socket.connect();
      await until(() => refusals(server, room.id) >= 3, 10_000, 'Bob refused again and again');
      assert.ok(bob.provider.unsyncedChanges > 0 || !bob.provider.isSynced);
      assert.equal(pointsAtGone(await stored(server, room)), false);
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as edits from '../../src/model/edits/element-edits';
import { parseDiagramFile } from '../../src/io/parse-file';
import { createSharedDocument, type SharedDocument } from '../../src/store/shared/shared-document';
import { connect, createRoom, startTestServer, until, type TestClient } from '../server/helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A browser's shared document, over a raw provider to a real server (no UI). */
function editor(client: TestClient): SharedDocument {
  return createSharedDocument(client.doc);
}

const nodeOf = (doc: SharedDocument, id: string) => doc.read().nodes.find((n) => n.id === id);

describe('shared document against a real server', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('two editors change one card’s title and notes at once, both win, undo takes back only its own', async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    try {
      await alice.confirmed();
      await bob.confirmed();
      const a = editor(alice);
      const b = editor(bob);
      const id = a.read().nodes[0]!.id;
      a.apply((d) => edits.updateNode(d, id, { title: 'Title by Alice' }), 'update-node');
      b.apply((d) => edits.setNodeField(d, id, 'notes', 'Notes by Bob'), 'update-node');
      await until(
        () =>
          nodeOf(a, id)?.title === 'Title by Alice' &&
          nodeOf(b, id)?.title === 'Title by Alice' &&
          (nodeOf(a, id)?.data as { notes?: string } | undefined)?.notes === 'Notes by Bob',
      );
      await alice.confirmed();
      await bob.confirmed();
      a.undo();
      await alice.confirmed();
      await until(() => nodeOf(b, id)?.title !== 'Title by Alice');
      assert.equal((nodeOf(b, id)?.data as { notes?: string }).notes, 'Notes by Bob');

      const response = await fetch(new URL(`/api/rooms/${room.id}/diagram`, server.url), {
        headers: { authorization: `Bearer ${room.view}` },
      });
      const stored = parseDiagramFile(await response.text());
      assert.ok(stored.ok);
      const kept = stored.diagram.nodes.find((n) => n.id === id);
      assert.notEqual(kept?.title, 'Title by Alice');
      assert.equal((kept?.data as { notes?: string }).notes, 'Notes by Bob');
      a.destroy();
      b.destroy();
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });

  it('a drag reaches the server as one update', async () => {
    const room = await createRoom(server.url);
    const alice = connect(server.url, room.id, room.edit);
    const bob = connect(server.url, room.id, room.edit);
    try {
      await alice.confirmed();
      await bob.confirmed();
      const a = editor(alice);
      const b = editor(bob);
      let updates = 0;
      bob.doc.on('update', () => updates++);
      const node = a.read().nodes[0]!;
      a.beginTransaction('gesture');
      for (let i = 1; i <= 30; i++)
        a.apply(
          (d) =>
            edits.moveNodes(
              d,
              new Map([[node.id, { x: node.position.x + i * 5, y: node.position.y }]]),
            ),
          'move-nodes',
        );
      a.endTransaction();
      await until(() => nodeOf(b, node.id)?.position.x === node.position.x + 150);
      assert.equal(updates, 1);
      a.destroy();
      b.destroy();
    } finally {
      alice.destroy();
      bob.destroy();
    }
  });
});

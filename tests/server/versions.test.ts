import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  deleteRoomVersion,
  listRoomVersions,
  readRoomVersion,
  saveRoomVersion,
} from '../../src/collab/room-api';
import { parseDiagramFile } from '../../src/io/parse-file';
import { serializeDiagram } from '../../src/io/serialize';
import { dropPostgresTables } from '../../src/server/postgres-store';
import type { ServeOptions } from '../../src/server/server';
import { cleanDiagram, removeNodes } from '../../src/testing/test-diagrams';
import { createRoom, startTestServer } from './helpers';

/** The services of the project's machines (.ci/run starts them). */
const DATABASE_URL = process.env.GTM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function post(server: Server, room: string, token: string, body: unknown) {
  return fetch(new URL(`/api/rooms/${room}/versions`, server.url), {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function names(server: Server, room: string, token: string): Promise<string[]> {
  const listed = await listRoomVersions(room, token, { baseUrl: server.url });
  assert.ok(listed.ok, listed.ok ? '' : listed.message);
  return listed.value.map((v) => v.name);
}

/** The same behaviour from both stores: SQLite (the default) and PostgreSQL. */
function versionSuite(label: string, storeOptions: () => ServeOptions, cleanUp = async () => {}) {
  describe(`room versions (${label})`, () => {
    let server: Server;
    let small: Server;
    before(async () => {
      server = await startTestServer(storeOptions());
      // The quota made small: two versions per room.
      small = await startTestServer({
        ...storeOptions(),
        versionQuota: { count: 2, bytes: 100 * 1024 * 1024 },
      });
    });
    after(async () => {
      await server.stop();
      await small.stop();
      await cleanUp();
    });

    it('an edit token saves a version with its author; either token lists it and reads the same file back', async () => {
      const room = await createRoom(server.url);
      const diagram = removeNodes(cleanDiagram(), cleanDiagram().nodes[0]!.id);
      const saved = await saveRoomVersion(
        room.id,
        room.edit,
        diagram,
        {
          name: '  Q3   review ',
          note: 'Before planning.',
          kind: 'named',
          author: 'Ana',
          findings: 2,
        },
        { baseUrl: server.url },
      );
      assert.ok(saved.ok, saved.ok ? '' : saved.message);
      assert.equal(saved.value.version.name, 'Q3 review');
      assert.equal(saved.value.version.author, 'Ana');
      // Counted by the server from the file, not taken from the client.
      assert.equal(saved.value.version.cards, diagram.nodes.length);
      assert.equal(saved.value.version.edges, diagram.edges.length);
      assert.ok(Math.abs(saved.value.version.createdAt - Date.now()) < 60_000);

      for (const token of [room.edit, room.view]) {
        const listed = await listRoomVersions(room.id, token, { baseUrl: server.url });
        assert.ok(listed.ok);
        assert.equal(listed.value.length, 1);
        const [row] = listed.value;
        assert.deepEqual(
          { name: row!.name, note: row!.note, author: row!.author, kind: row!.kind },
          { name: 'Q3 review', note: 'Before planning.', author: 'Ana', kind: 'named' },
        );
        assert.equal(row!.findings, 2);
        const read = await readRoomVersion(room.id, token, row!.id, { baseUrl: server.url });
        assert.ok(read.ok);
        assert.deepEqual(
          read.value.nodes.map((n) => n.id),
          diagram.nodes.map((n) => n.id),
        );
      }
      // The raw answer is the file itself, so it exports and audits like one.
      const id = saved.value.version.id;
      const raw = await fetch(new URL(`/api/rooms/${room.id}/versions/${id}`, server.url), {
        headers: bearer(room.view),
      });
      assert.match(raw.headers.get('content-type') ?? '', /application\/json/);
      const parsed = parseDiagramFile(await raw.text());
      assert.ok(parsed.ok);
      assert.equal(parsed.diagram.nodes.length, diagram.nodes.length);
    });

    it('a view token can neither save nor delete (403), and nothing changes', async () => {
      const room = await createRoom(server.url);
      const refused = await post(server, room.id, room.view, {
        name: 'Viewer',
        file: serializeDiagram(cleanDiagram()),
      });
      assert.equal(refused.status, 403);
      assert.match(((await refused.json()) as { error: string }).error, /edit link/);
      assert.deepEqual(await names(server, room.id, room.edit), []);

      const kept = await saveRoomVersion(
        room.id,
        room.edit,
        cleanDiagram(),
        { name: 'Kept', kind: 'named', findings: 0 },
        { baseUrl: server.url },
      );
      assert.ok(kept.ok);
      const deleted = await deleteRoomVersion(room.id, room.view, kept.value.version.id, {
        baseUrl: server.url,
      });
      assert.ok(!deleted.ok);
      assert.equal(deleted.status, 403);
      assert.deepEqual(await names(server, room.id, room.view), ['Kept']);
      assert.ok(server.logs.some((line) => /reason=version-view-token/.test(line)));

      // The edit token deletes it; then it is gone for everyone.
      const gone = await deleteRoomVersion(room.id, room.edit, kept.value.version.id, {
        baseUrl: server.url,
      });
      assert.ok(gone.ok);
      const read = await readRoomVersion(room.id, room.view, kept.value.version.id, {
        baseUrl: server.url,
      });
      assert.ok(!read.ok);
      assert.equal(read.status, 404);
    });

    it('no token, or a token of another room, opens nothing (401); versions stay in their room', async () => {
      const a = await createRoom(server.url);
      const b = await createRoom(server.url);
      const saved = await saveRoomVersion(
        a.id,
        a.edit,
        cleanDiagram(),
        { name: 'A only', kind: 'named', findings: 0 },
        { baseUrl: server.url },
      );
      assert.ok(saved.ok);
      const anonymous = await fetch(new URL(`/api/rooms/${a.id}/versions`, server.url));
      assert.equal(anonymous.status, 401);
      const crossed = await listRoomVersions(a.id, b.edit, { baseUrl: server.url });
      assert.ok(!crossed.ok);
      assert.equal(crossed.status, 401);
      assert.deepEqual(await names(server, b.id, b.edit), []);
      const elsewhere = await readRoomVersion(b.id, b.edit, saved.value.version.id, {
        baseUrl: server.url,
      });
      assert.ok(!elsewhere.ok);
      assert.equal(elsewhere.status, 404);
    });

    it('refuses an invalid file (400, with its problems) and a bad envelope, storing nothing', async () => {
      const room = await createRoom(server.url);
      const broken = JSON.parse(serializeDiagram(cleanDiagram())) as { nodes: unknown[] };
      broken.nodes.push({ id: 'x', kind: 'not-a-kind' });
      const invalid = await post(server, room.id, room.edit, {
        name: 'Broken',
        file: JSON.stringify(broken),
      });
      assert.equal(invalid.status, 400);
      const body = (await invalid.json()) as { error: string; problems: unknown[] };
      assert.match(body.error, /^The version was refused\./);
      assert.ok(body.problems.length > 0);

      const file = serializeDiagram(cleanDiagram());
      for (const envelope of [
        'not json',
        { name: 'No file' },
        { file },
        { name: 'x'.repeat(201), file },
        { name: 'Bad kind', kind: 'weekly', file },
        { name: 'Extra', file, cards: 99 },
      ]) {
        const response = await post(server, room.id, room.edit, envelope);
        assert.equal(response.status, 400, JSON.stringify(envelope).slice(0, 60));
        assert.match(
          ((await response.json()) as { error: string }).error,
          /^The version was refused/,
        );
      }
      assert.deepEqual(await names(server, room.id, room.edit), []);
    });

    it('refuses a file over 5 MB (413) without storing it', async () => {
      const room = await createRoom(server.url);
      const response = await post(server, room.id, room.edit, {
        name: 'Huge',
        file: 'x'.repeat(5 * 1024 * 1024 + 1),
      });
      assert.equal(response.status, 413);
      assert.match(((await response.json()) as { error: string }).error, /5 MB/);
      assert.deepEqual(await names(server, room.id, room.edit), []);
    });

    it('keeps to the quota: drops the oldest automatic version first, then says it is full (507)', async () => {
      const room = await createRoom(small.url);
      const save = (name: string, kind: 'auto' | 'named') =>
        saveRoomVersion(
          room.id,
          room.edit,
          cleanDiagram(),
          { name, kind, findings: 0 },
          {
            baseUrl: small.url,
          },
        );
      assert.ok((await save('Automatic 1', 'auto')).ok);
      assert.ok((await save('Named 1', 'named')).ok);
      const third = await save('Named 2', 'named');
      assert.ok(third.ok);
      assert.equal(third.value.pruned, 1);
      assert.deepEqual((await names(small, room.id, room.view)).sort(), ['Named 1', 'Named 2']);

      const full = await save('Named 3', 'named');
      assert.ok(!full.ok);
      assert.equal(full.status, 507);
      assert.match(full.message, /^Version storage for this diagram is full \(2 versions/);
      assert.match(full.message, /the diagram itself is still saved/);
      assert.ok(small.logs.some((line) => /reason=versions-full/.test(line)));
      // The room's diagram is untouched by a full version store.
      const diagram = await fetch(new URL(`/api/rooms/${room.id}/diagram`, small.url), {
        headers: bearer(room.view),
      });
      assert.equal(diagram.status, 200);
    });

    it('lets only as many concurrent saves through as the quota holds', async () => {
      const room = await createRoom(small.url);
      const results = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          saveRoomVersion(
            room.id,
            room.edit,
            cleanDiagram(),
            { name: `Racer ${i}`, kind: 'named', findings: 0 },
            { baseUrl: small.url },
          ),
        ),
      );
      assert.equal(results.filter((r) => r.ok).length, 2);
      assert.deepEqual(
        results.filter((r) => !r.ok).map((r) => r.status),
        [507, 507],
      );
      assert.equal((await names(small, room.id, room.edit)).length, 2);
    });
  });
}

versionSuite('SQLite', () => ({}));

const prefix = `gtm_test_${randomBytes(4).toString('hex')}_`;
versionSuite(
  'PostgreSQL',
  () => ({ databaseUrl: DATABASE_URL, databasePrefix: prefix }),
  () => dropPostgresTables(DATABASE_URL, prefix),
);

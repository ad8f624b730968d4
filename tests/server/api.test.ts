import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLOSE_REASONS, parseRoomFragment } from '../../src/collab/protocol';
import {
  createRoom as createRoomClient,
  fetchRoomDiagram,
  renewRoomLinks,
} from '../../src/collab/room-api';
import { parseDiagramFile } from '../../src/io/parse-file';
import { serializeDiagram } from '../../src/io/serialize';
import { CSP } from '../e2e/harness';
import { CSP as SERVER_CSP } from '../../src/server/static-files';
import { cleanDiagram } from '../../src/testing/test-diagrams';
import { connect, createRoom, retitle, startTestServer, tempDir, titleOf, until } from './helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const api = (server: Server, path: string) => new URL(path, server.url);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('rooms API', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('POST /api/rooms answers 201 with an id and two links that open the app in the room', async () => {
    const response = await fetch(api(server, '/api/rooms'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: serializeDiagram(cleanDiagram()),
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), ['editUrl', 'id', 'viewUrl']);
    assert.match(body.id!, /^[A-Za-z0-9_-]{22,}$/);
    for (const url of [body.editUrl!, body.viewUrl!]) {
      assert.equal(new URL(url).origin, new URL(server.url).origin);
      assert.equal(parseRoomFragment(new URL(url).hash)?.room, body.id);
    }
    const edit = parseRoomFragment(new URL(body.editUrl!).hash)!.token;
    const view = parseRoomFragment(new URL(body.viewUrl!).hash)!.token;
    assert.notEqual(edit, view);
    // At least 128 random bits: 22 base64url characters carry 132.
    assert.ok(edit.length >= 22 && view.length >= 22);
  });

  it('GET /api/rooms/:id/diagram answers the room as a file, with either token', async () => {
    const room = await createRoom(server.url);
    for (const token of [room.edit, room.view]) {
      const response = await fetch(api(server, `/api/rooms/${room.id}/diagram`), {
        headers: bearer(token),
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const parsed = parseDiagramFile(await response.text());
      assert.ok(parsed.ok);
      assert.equal(parsed.diagram.name, cleanDiagram().name);
      assert.equal(parsed.diagram.nodes.length, cleanDiagram().nodes.length);
    }
  });

  it('answers a live edit in the diagram', async () => {
    const room = await createRoom(server.url);
    const client = connect(server.url, room.id, room.edit);
    try {
      await client.confirmed();
      const id = client.diagram().nodes[0]!.id;
      client.edit((d) => retitle(d, id, 'Live title'));
      await client.confirmed();
      const read = await fetchRoomDiagram(room.id, room.view, { baseUrl: server.url });
      assert.ok(read.ok);
      assert.equal(titleOf(read.value, id), 'Live title');
    } finally {
      client.destroy();
    }
  });

  it('refuses bad requests with a status and a sentence', async () => {
    const room = await createRoom(server.url);
    const cases: [string, RequestInit, number, RegExp][] = [
      [`/api/rooms/${room.id}/diagram`, {}, 401, /token/],
      [`/api/rooms/${room.id}/diagram`, { headers: bearer('x'.repeat(24)) }, 401, /does not open/],
      [
        `/api/rooms/${'y'.repeat(24)}/diagram`,
        { headers: bearer(room.edit) },
        401,
        /does not open/,
      ],
      [
        `/api/rooms/${room.id}/diagram`,
        { method: 'DELETE', headers: bearer(room.edit) },
        405,
        /GET/,
      ],
      ['/api/rooms', { method: 'GET' }, 405, /POST/],
      ['/api/rooms', { method: 'POST', body: '{"format":"gtm-blueprint"' }, 400, /not valid JSON/],
      [
        '/api/rooms',
        {
          method: 'POST',
          body: JSON.stringify({ ...cleanDiagram(), nodes: [{ id: 'a', kind: 'spaceship' }] }),
        },
        400,
        /kind/,
      ],
      [
        `/api/rooms/${room.id}/links`,
        { method: 'POST', headers: bearer(room.view) },
        403,
        /edit link/,
      ],
      ['/api/elsewhere', {}, 404, /no such/],
    ];
    for (const [path, init, status, message] of cases) {
      const response = await fetch(api(server, path), init);
      assert.equal(response.status, status, `${init.method ?? 'GET'} ${path}`);
      const body = (await response.json()) as { error: string };
      assert.match(body.error, message);
    }
  });

  it('answers the problems of a refused diagram by path', async () => {
    const bad = {
      ...cleanDiagram(),
      edges: [{ id: 'e', source: cleanDiagram().nodes[0]!.id, target: 'ghost' }],
    };
    const response = await fetch(api(server, '/api/rooms'), {
      method: 'POST',
      body: JSON.stringify(bad),
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { problems: { path: string }[] };
    assert.deepEqual(
      body.problems.map((p) => p.path),
      ['edges[0].target'],
    );
  });

  it('refuses a body over 5 MB with 413, counted as it streams (no length given)', async () => {
    const status = await new Promise<number>((done, fail) => {
      const req = httpRequest(api(server, '/api/rooms'), {
        method: 'POST',
        headers: { 'transfer-encoding': 'chunked' },
      });
      let answered = 0;
      req.on('response', (response) => {
        answered = response.statusCode ?? 0;
        response.resume();
        done(answered);
      });
      // The server closes the connection once it has answered; writing on is then refused.
      req.on('error', (error) => (answered ? done(answered) : fail(error)));
      const chunk = Buffer.alloc(512 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 12 && !answered && req.write(chunk)) sent++;
        if (answered) return;
        if (sent < 12) req.once('drain', () => (sent++, pump()));
        else req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    const declared = await fetch(api(server, '/api/rooms'), {
      method: 'POST',
      body: 'x'.repeat(5 * 1024 * 1024 + 1),
    });
    assert.equal(declared.status, 413);
  });

  it('new links revoke both old tokens and disconnect their holders', async () => {
    const room = await createRoom(server.url);
    const editor = connect(server.url, room.id, room.edit);
    const viewer = connect(server.url, room.id, room.view);
    try {
      await editor.confirmed();
      await viewer.confirmed();
      const renewed = await renewRoomLinks(room.id, room.edit, { baseUrl: server.url });
      assert.ok(renewed.ok);
      assert.equal(renewed.value.id, room.id);
      await until(
        () =>
          editor.closes.includes(CLOSE_REASONS.revoked) &&
          viewer.closes.includes(CLOSE_REASONS.revoked),
        5000,
        'revoked',
      );
      // Reconnecting with an old link is refused; the API refuses the old tokens too.
      await until(
        () => editor.denied.includes(CLOSE_REASONS.unauthorized),
        5000,
        'old link refused',
      );
      for (const old of [room.edit, room.view]) {
        const response = await fetch(api(server, `/api/rooms/${room.id}/diagram`), {
          headers: bearer(old),
        });
        assert.equal(response.status, 401);
      }
      assert.ok(server.logs.some((l) => l.includes(`room=${room.id} reason=revoked`)));
      const edit = parseRoomFragment(new URL(renewed.value.editUrl).hash)!.token;
      const fresh = connect(server.url, room.id, edit);
      try {
        await fresh.confirmed();
        assert.equal(fresh.diagram().nodes.length, cleanDiagram().nodes.length);
      } finally {
        fresh.destroy();
      }
    } finally {
      editor.destroy();
      viewer.destroy();
    }
  });

  it('the client helper creates a room from a diagram', async () => {
    const created = await createRoomClient(cleanDiagram(), { baseUrl: server.url });
    assert.ok(created.ok);
    const refused = await createRoomClient(
      { ...cleanDiagram(), name: 'x'.repeat(500) },
      { baseUrl: server.url },
    );
    assert.ok(!refused.ok);
    assert.equal(refused.status, 400);
    assert.match(refused.message, /name/);
  });
});

describe('rooms API: who may create rooms', () => {
  it('with GTM_CREATE_TOKEN set, creating needs that token', async () => {
    const server = await startTestServer({ createToken: 'let-me-in-please-0123456789' });
    try {
      const body = serializeDiagram(cleanDiagram());
      const none = await fetch(api(server, '/api/rooms'), { method: 'POST', body });
      assert.equal(none.status, 401);
      const wrong = await fetch(api(server, '/api/rooms'), {
        method: 'POST',
        body,
        headers: bearer('nope'),
      });
      assert.equal(wrong.status, 401);
      const right = await createRoomClient(cleanDiagram(), {
        baseUrl: server.url,
        createToken: 'let-me-in-please-0123456789',
      });
      assert.ok(right.ok);
    } finally {
      await server.stop();
    }
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;

  it(
    "without it, only the server's own machine (loopback) may create rooms",
    { skip: external ? false : 'no non-loopback address on this machine' },
    async () => {
      const server = await startTestServer({ host: '0.0.0.0' });
      try {
        const body = serializeDiagram(cleanDiagram());
        const remote = await fetch(`http://${external}:${server.port}/api/rooms`, {
          method: 'POST',
          body,
        });
        assert.equal(remote.status, 403);
        assert.match(((await remote.json()) as { error: string }).error, /GTM_CREATE_TOKEN/);
        const local = await fetch(`http://127.0.0.1:${server.port}/api/rooms`, {
          method: 'POST',
          body,
        });
        assert.equal(local.status, 201);
      } finally {
        await server.stop();
      }
    },
  );
});

describe('the built app', () => {
  let server: Server;
  const dist = tempDir('gtm-dist-');
  before(async () => {
    mkdirSync(join(dist.path, 'assets'));
    writeFileSync(join(dist.path, 'index.html'), '<!doctype html><title>GTM</title>');
    writeFileSync(join(dist.path, 'assets/app-1234.js'), 'console.log(1)');
    server = await startTestServer({ distDir: dist.path });
  });
  after(async () => {
    await server.stop();
    dist.remove();
  });

  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path, method: 'GET' },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', fail);
      req.end();
    });

  it('serves files under the same CSP as the browser tests, and index.html for app routes', async () => {
    assert.equal(SERVER_CSP, CSP);
    const asset = await fetch(api(server, '/assets/app-1234.js'));
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('content-security-policy'), CSP);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    const route = await fetch(api(server, '/some/app/route'));
    assert.equal(route.status, 200);
    assert.match(await route.text(), /<title>GTM<\/title>/);
    assert.equal(route.headers.get('content-security-policy'), CSP);
  });

  it('never serves a file outside the built app', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc/passwd',
    ]) {
      const { status, body } = await raw(path);
      assert.ok(!body.includes('"name": "gtm-blueprint"') && !body.includes('root:'), path);
      assert.ok(
        status === 403 || (status === 200 && body.includes('<title>GTM')),
        `${path}: ${status}`,
      );
    }
  });
});

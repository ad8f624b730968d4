import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fetchRoomDiagram } from '../../src/collab/room-api';
import { createRoom, connect, retitle, spawnServer, tempDir, titleOf, until } from './helpers';

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

describe('crash safety (a real server process)', () => {
  it('every acknowledged edit survives kill -9; unacknowledged ones come back from the client', async () => {
    const data = tempDir();
    const args = ['--data', data.path, '--dist', join(data.path, 'no-dist')];
    let server = await spawnServer(args);
    const port = new URL(server.url).port;
    // Room 1 checks the log: its client is gone before the restart, so nothing is replayed.
    // Room 2 checks replay: its client edits while the server is down and stays connected.
    const logged = await createRoom(server.url);
    const replayed = await createRoom(server.url);
    const writer = connect(server.url, logged.id, logged.edit);
    const offline = connect(server.url, replayed.id, replayed.edit);
    try {
      await writer.confirmed();
      await offline.confirmed();
      const ids = writer.diagram().nodes.map((n) => n.id);
      // Each edit is acknowledged, then the process is killed at once: compaction (2 s
      // debounce) has not run, so only the write-ahead log holds them.
      for (let i = 0; i < 30; i++) {
        writer.edit((d) => retitle(d, ids[i % ids.length]!, `confirmed ${i}`));
        await writer.confirmed();
      }
      server.child.kill('SIGKILL');
      assert.equal((await exited(server.child)).signal, 'SIGKILL');
      writer.destroy();

      offline.edit((d) => retitle(d, ids[0]!, 'made while the server was down'));
      assert.ok(offline.provider.unsyncedChanges > 0);

      server = await spawnServer(['--port', port, ...args]);
      const read = await fetchRoomDiagram(logged.id, logged.view, { baseUrl: server.url });
      assert.ok(read.ok);
      for (let i = Math.max(0, 30 - ids.length); i < 30; i++) {
        assert.equal(titleOf(read.value, ids[i % ids.length]!), `confirmed ${i}`, `edit ${i}`);
      }
      // The provider reconnects on its own and sends what the server never acknowledged.
      await offline.confirmed(15_000);
      const after = await fetchRoomDiagram(replayed.id, replayed.view, { baseUrl: server.url });
      assert.ok(after.ok);
      assert.equal(titleOf(after.value, ids[0]!), 'made while the server was down');
    } finally {
      writer.destroy();
      offline.destroy();
      server.child.kill('SIGKILL');
      await exited(server.child);
      data.remove();
    }
  });

  it('SIGTERM folds every open room into its snapshot and exits 0', async () => {
    const data = tempDir();
    const server = await spawnServer(['--data', data.path, '--dist', join(data.path, 'no-dist')]);
    const room = await createRoom(server.url);
    const client = connect(server.url, room.id, room.edit);
    try {
      await client.confirmed();
      const id = client.diagram().nodes[0]!.id;
      client.edit((d) => retitle(d, id, 'before SIGTERM'));
      await client.confirmed();
      server.child.kill('SIGTERM');
      const { code } = await exited(server.child);
      assert.equal(code, 0);
      assert.match(server.output(), /Stopped; every room is stored/);
      const db = new Database(join(data.path, 'rooms.sqlite'), { readonly: true });
      try {
        const log = db.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number };
        assert.equal(log.n, 0, 'the log was folded into the snapshot');
      } finally {
        db.close();
      }
      const again = await spawnServer(['--data', data.path, '--dist', join(data.path, 'no-dist')]);
      try {
        const read = await fetchRoomDiagram(room.id, room.view, { baseUrl: again.url });
        assert.ok(read.ok);
        assert.equal(titleOf(read.value, id), 'before SIGTERM');
      } finally {
        again.child.kill('SIGKILL');
        await exited(again.child);
      }
    } finally {
      client.destroy();
      data.remove();
    }
  });

  it('keeps running when a client vanishes mid-message', async () => {
    const data = tempDir();
    const server = await spawnServer(['--data', data.path, '--dist', join(data.path, 'no-dist')]);
    try {
      const room = await createRoom(server.url);
      for (let i = 0; i < 5; i++) {
        const client = connect(server.url, room.id, room.edit);
        await client.confirmed();
        client.edit((d) => retitle(d, d.nodes[0]!.id, `edit ${i}`));
        client.destroy();
      }
      const check = connect(server.url, room.id, room.edit);
      await check.confirmed();
      await until(() => check.diagram().nodes.length > 0);
      check.destroy();
      assert.equal(server.child.exitCode, null);
    } finally {
      server.child.kill('SIGKILL');
      await exited(server.child);
      data.remove();
    }
  });
});

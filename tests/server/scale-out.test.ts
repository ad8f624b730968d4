import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fetchRoomDiagram } from '../../src/collab/room-api';
import { dropPostgresTables } from '../../src/server/postgres-store';
import { connect, createRoom, retitle, spawnServer, tempDir, titleOf, until } from './helpers';

/** The services of the project's machines (.ci/run starts them). */
const DATABASE_URL = process.env.GTM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.GTM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

describe('two instances on one PostgreSQL and one Redis', () => {
  // Tables of this run only, dropped afterwards.
  const prefix = `gtm_test_${randomBytes(4).toString('hex')}_`;
  const data = tempDir();
  const env = {
    GTM_DATABASE_URL: DATABASE_URL,
    GTM_DATABASE_PREFIX: prefix,
    GTM_REDIS_URL: REDIS_URL,
  };
  const args = ['--data', data.path, '--dist', join(data.path, 'no-dist')];
  const children: ChildProcess[] = [];
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await dropPostgresTables(DATABASE_URL, prefix);
    data.remove();
  });

  it('a client on each edits one room; killing one instance loses no confirmed edit and its client moves to the other', async () => {
    const first = await spawnServer(args, env);
    children.push(first.child);
    const second = await spawnServer(args, env);
    children.push(second.child);
    const room = await createRoom(first.url);
    const alice = connect(first.url, room.id, room.edit);
    const bob = connect(second.url, room.id, room.edit);
    let moved: ReturnType<typeof connect> | null = null;
    try {
      await alice.confirmed();
      await bob.confirmed();
      const [a, b, c] = alice.diagram().nodes.map((n) => n.id);
      assert.ok(a && b && c);

      // Edits cross instances through Redis, both ways.
      alice.edit((d) => retitle(d, a, 'Alice on instance 1'));
      bob.edit((d) => retitle(d, b, 'Bob on instance 2'));
      await until(() => titleOf(bob.diagram(), a) === 'Alice on instance 1', 10_000, 'A → B');
      await until(() => titleOf(alice.diagram(), b) === 'Bob on instance 2', 10_000, 'B → A');

      // Confirmed by instance 1, which is then killed before it compacts anything.
      for (let i = 0; i < 10; i++) {
        alice.edit((d) => retitle(d, c, `Alice confirmed ${i}`));
        await alice.confirmed();
      }
      first.child.kill('SIGKILL');
      await exited(first.child);
      alice.edit((d) => retitle(d, a, 'Alice while her instance was down'));

      // Her client reconnects to the surviving instance with the same document (as a load
      // balancer would send it) and sends what was never acknowledged.
      alice.destroy();
      moved = connect(second.url, room.id, room.edit, { doc: alice.doc });
      await moved.confirmed(10_000);
      await until(
        () => titleOf(bob.diagram(), a) === 'Alice while her instance was down',
        10_000,
        'moved edit',
      );
      assert.equal(titleOf(bob.diagram(), c), 'Alice confirmed 9');

      // And it is in PostgreSQL: a third instance started fresh reads every confirmed edit.
      second.child.kill('SIGKILL');
      await exited(second.child);
      const third = await spawnServer(args, env);
      children.push(third.child);
      const read = await fetchRoomDiagram(room.id, room.view, { baseUrl: third.url });
      assert.ok(read.ok);
      assert.equal(titleOf(read.value, a), 'Alice while her instance was down');
      assert.equal(titleOf(read.value, b), 'Bob on instance 2');
      assert.equal(titleOf(read.value, c), 'Alice confirmed 9');
    } finally {
      alice.destroy();
      bob.destroy();
      moved?.destroy();
    }
  });
});

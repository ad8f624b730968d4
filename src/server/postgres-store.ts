import pg from 'pg';
import type { RoomRole } from '../collab/protocol';
import {
  mergeStates,
  VERSION_COLUMNS,
  versionColumns,
  versionRow,
  type RoomStore,
  type TokenRecord,
  type VersionColumns,
} from './room-store';

/**
 * Rooms in PostgreSQL, shared by every server instance. `prefix` names the tables (tests use a
 * prefix of their own per run). A row is durable once its INSERT commits, before the ack.
 */
export async function openPostgresStore(url: string, prefix = 'gtm_'): Promise<RoomStore> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix))
    throw new Error('The table prefix must be lower-case letters, digits and "_".');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const rooms = `${prefix}rooms`;
  const tokens = `${prefix}room_tokens`;
  const updates = `${prefix}room_updates`;
  const versions = `${prefix}room_versions`;
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${rooms} (
      id TEXT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), state BYTEA NOT NULL);
    CREATE TABLE IF NOT EXISTS ${tokens} (
      hash TEXT PRIMARY KEY, room TEXT NOT NULL REFERENCES ${rooms}(id), role TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS ${tokens}_room ON ${tokens}(room);
    CREATE TABLE IF NOT EXISTS ${updates} (
      seq BIGSERIAL PRIMARY KEY, room TEXT NOT NULL, data BYTEA NOT NULL);
    CREATE INDEX IF NOT EXISTS ${updates}_room ON ${updates}(room, seq);
    CREATE TABLE IF NOT EXISTS ${versions} (
      id TEXT PRIMARY KEY, room TEXT NOT NULL REFERENCES ${rooms}(id), created_at BIGINT NOT NULL,
      kind TEXT NOT NULL, name TEXT NOT NULL, note TEXT, author TEXT, cards INTEGER NOT NULL,
      edges INTEGER NOT NULL, findings INTEGER NOT NULL, bytes BIGINT NOT NULL,
      reviewed_on TEXT, file TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS ${versions}_room ON ${versions}(room, created_at);
  `);
  const listVersionsSql = `SELECT ${VERSION_COLUMNS} FROM ${versions} WHERE room = $1 ORDER BY created_at DESC, id DESC`;

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function insertTokens(client: pg.PoolClient, room: string, list: readonly TokenRecord[]) {
    for (const token of list) {
      await client.query(`INSERT INTO ${tokens} (hash, room, role) VALUES ($1, $2, $3)`, [
        token.hash,
        room,
        token.role,
      ]);
    }
  }

  return {
    createRoom: (room, state, list) =>
      inTransaction(async (client) => {
        await client.query(`INSERT INTO ${rooms} (id, state) VALUES ($1, $2)`, [
          room,
          Buffer.from(state),
        ]);
        await insertTokens(client, room, list);
      }),
    roleOf: async (room, hash) => {
      const result = await pool.query<{ role: RoomRole }>(
        `SELECT role FROM ${tokens} WHERE room = $1 AND hash = $2`,
        [room, hash],
      );
      return result.rows[0]?.role ?? null;
    },
    tokenHashes: async (room) => {
      const result = await pool.query<{ hash: string }>(
        `SELECT hash FROM ${tokens} WHERE room = $1`,
        [room],
      );
      return new Set(result.rows.map((row) => row.hash));
    },
    replaceTokens: (room, list) =>
      inTransaction(async (client) => {
        await client.query(`DELETE FROM ${tokens} WHERE room = $1`, [room]);
        await insertTokens(client, room, list);
      }),
    appendUpdate: async (room, update) => {
      await pool.query(`INSERT INTO ${updates} (room, data) VALUES ($1, $2)`, [
        room,
        Buffer.from(update),
      ]);
    },
    load: async (room) => {
      const stored = await pool.query<{ state: Buffer }>(
        `SELECT state FROM ${rooms} WHERE id = $1`,
        [room],
      );
      const row = stored.rows[0];
      if (!row) return null;
      const log = await pool.query<{ data: Buffer }>(
        `SELECT data FROM ${updates} WHERE room = $1 ORDER BY seq`,
        [room],
      );
      return mergeStates([row.state, ...log.rows.map((r) => r.data)]);
    },
    compact: (room, state) =>
      inTransaction(async (client) => {
        // The row lock makes instances compact one at a time.
        const stored = await client.query<{ state: Buffer }>(
          `SELECT state FROM ${rooms} WHERE id = $1 FOR UPDATE`,
          [room],
        );
        const row = stored.rows[0];
        if (!row) return;
        const log = await client.query<{ seq: string; data: Buffer }>(
          `SELECT seq, data FROM ${updates} WHERE room = $1 ORDER BY seq`,
          [room],
        );
        const merged = mergeStates([row.state, ...log.rows.map((r) => r.data), state]);
        await client.query(`UPDATE ${rooms} SET state = $1 WHERE id = $2`, [
          Buffer.from(merged),
          room,
        ]);
        if (log.rows.length > 0) {
          await client.query(`DELETE FROM ${updates} WHERE seq = ANY($1::bigint[])`, [
            log.rows.map((r) => r.seq),
          ]);
        }
      }),
    listVersions: async (room) => {
      const result = await pool.query<VersionColumns>(listVersionsSql, [room]);
      return result.rows.map(versionRow);
    },
    readVersion: async (room, id) => {
      const result = await pool.query<VersionColumns & { file: string }>(
        `SELECT ${VERSION_COLUMNS}, file FROM ${versions} WHERE room = $1 AND id = $2`,
        [room, id],
      );
      const found = result.rows[0];
      return found ? { row: versionRow(found), text: found.file } : null;
    },
    saveVersion: (room, row, text, plan) =>
      inTransaction(async (client) => {
        // The room's row lock makes saves to one room take turns across instances, so two
        // cannot both pass the quota.
        await client.query(`SELECT id FROM ${rooms} WHERE id = $1 FOR UPDATE`, [room]);
        const existing = (await client.query<VersionColumns>(listVersionsSql, [room])).rows.map(
          versionRow,
        );
        const { drop, fits } = plan(existing);
        if (!fits) {
          let bytes = 0;
          for (const v of existing) bytes += v.bytes;
          return { saved: false, count: existing.length, bytes };
        }
        if (drop.length > 0) {
          await client.query(`DELETE FROM ${versions} WHERE room = $1 AND id = ANY($2::text[])`, [
            room,
            [...drop],
          ]);
        }
        await client.query(
          `INSERT INTO ${versions} (${VERSION_COLUMNS}, room, file)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [...versionColumns(row), room, text],
        );
        return { saved: true, pruned: drop.length };
      }),
    deleteVersion: async (room, id) => {
      const result = await pool.query(`DELETE FROM ${versions} WHERE room = $1 AND id = $2`, [
        room,
        id,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    close: () => pool.end(),
  };
}

/** Drops the tables of a prefix (tests clean up after themselves). */
export async function dropPostgresTables(url: string, prefix: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error('bad prefix');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `DROP TABLE IF EXISTS ${prefix}room_versions, ${prefix}room_updates, ${prefix}room_tokens, ${prefix}rooms`,
    );
  } finally {
    await client.end();
  }
}

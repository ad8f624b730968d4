import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RoomRole } from '../collab/protocol';
import {
  mergeStates,
  VERSION_COLUMNS,
  versionColumns,
  versionRow,
  type RoomStore,
  type RoomVersionRow,
  type SaveVersionOutcome,
  type TokenRecord,
  type VersionColumns,
  type VersionPlan,
} from './room-store';

/**
 * The embedded default: one SQLite file in the data folder. WAL journal with synchronous=NORMAL:
 * a committed row survives a crash of the process (kill -9); after a power cut the last
 * transactions may be lost (FULL would fsync every edit).
 */
export function openSqliteStore(dataDir: string): RoomStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'rooms.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS rooms (
      id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, state BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS room_tokens (
      hash TEXT PRIMARY KEY, room TEXT NOT NULL REFERENCES rooms(id), role TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS room_tokens_room ON room_tokens(room);
    CREATE TABLE IF NOT EXISTS room_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS room_updates_room ON room_updates(room, seq);
    CREATE TABLE IF NOT EXISTS room_versions (
      id TEXT PRIMARY KEY, room TEXT NOT NULL REFERENCES rooms(id), created_at INTEGER NOT NULL,
      kind TEXT NOT NULL, name TEXT NOT NULL, note TEXT, author TEXT, cards INTEGER NOT NULL,
      edges INTEGER NOT NULL, findings INTEGER NOT NULL, bytes INTEGER NOT NULL,
      reviewed_on TEXT, file TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS room_versions_room ON room_versions(room, created_at);
  `);
  const insertRoom = db.prepare('INSERT INTO rooms (id, created_at, state) VALUES (?, ?, ?)');
  const insertToken = db.prepare('INSERT INTO room_tokens (hash, room, role) VALUES (?, ?, ?)');
  const deleteTokens = db.prepare('DELETE FROM room_tokens WHERE room = ?');
  const selectRole = db.prepare<[string, string], { role: RoomRole }>(
    'SELECT role FROM room_tokens WHERE room = ? AND hash = ?',
  );
  const selectHashes = db.prepare<[string], { hash: string }>(
    'SELECT hash FROM room_tokens WHERE room = ?',
  );
  const insertUpdate = db.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)');
  const selectState = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM rooms WHERE id = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM room_updates WHERE room = ? ORDER BY seq',
  );
  const updateState = db.prepare('UPDATE rooms SET state = ? WHERE id = ?');
  const deleteUpdate = db.prepare('DELETE FROM room_updates WHERE seq = ?');

  const selectVersions = db.prepare<[string], VersionColumns>(
    `SELECT ${VERSION_COLUMNS} FROM room_versions WHERE room = ? ORDER BY created_at DESC, id DESC`,
  );
  const selectVersion = db.prepare<[string, string], VersionColumns & { file: string }>(
    `SELECT ${VERSION_COLUMNS}, file FROM room_versions WHERE room = ? AND id = ?`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO room_versions (${VERSION_COLUMNS}, room, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteVersion = db.prepare('DELETE FROM room_versions WHERE room = ? AND id = ?');

  const create = db.transaction(
    (room: string, state: Uint8Array, tokens: readonly TokenRecord[]) => {
      insertRoom.run(room, Date.now(), state);
      for (const token of tokens) insertToken.run(token.hash, room, token.role);
    },
  );
  const replace = db.transaction((room: string, tokens: readonly TokenRecord[]) => {
    deleteTokens.run(room);
    for (const token of tokens) insertToken.run(token.hash, room, token.role);
  });
  const compact = db.transaction((room: string, state: Uint8Array) => {
    const stored = selectState.get(room);
    if (!stored) return;
    const rows = selectUpdates.all(room);
    updateState.run(mergeStates([stored.state, ...rows.map((row) => row.data), state]), room);
    for (const row of rows) deleteUpdate.run(row.seq);
  });

  // better-sqlite3 runs one transaction at a time, so the plan and the writes cannot interleave
  // with another save.
  const saveVersion = db.transaction(
    (room: string, row: RoomVersionRow, text: string, plan: VersionPlan): SaveVersionOutcome => {
      const existing = selectVersions.all(room).map(versionRow);
      const { drop, fits } = plan(existing);
      if (!fits) {
        let bytes = 0;
        for (const v of existing) bytes += v.bytes;
        return { saved: false, count: existing.length, bytes };
      }
      for (const id of drop) deleteVersion.run(room, id);
      insertVersion.run(...versionColumns(row), room, text);
      return { saved: true, pruned: drop.length };
    },
  );

  return {
    createRoom: async (room, state, tokens) => void create(room, state, tokens),
    roleOf: async (room, hash) => selectRole.get(room, hash)?.role ?? null,
    tokenHashes: async (room) => new Set(selectHashes.all(room).map((row) => row.hash)),
    replaceTokens: async (room, tokens) => void replace(room, tokens),
    appendUpdate: async (room, update) => void insertUpdate.run(room, update),
    load: async (room) => {
      const stored = selectState.get(room);
      if (!stored) return null;
      const rows = selectUpdates.all(room);
      return rows.length === 0
        ? new Uint8Array(stored.state)
        : mergeStates([stored.state, ...rows.map((r) => r.data)]);
    },
    compact: async (room, state) => void compact(room, state),
    listVersions: async (room) => selectVersions.all(room).map(versionRow),
    readVersion: async (room, id) => {
      const found = selectVersion.get(room, id);
      return found ? { row: versionRow(found), text: found.file } : null;
    },
    saveVersion: async (room, row, text, plan) => saveVersion(room, row, text, plan),
    deleteVersion: async (room, id) => deleteVersion.run(room, id).changes > 0,
    close: async () => void db.close(),
  };
}

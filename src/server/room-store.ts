import * as Y from 'yjs';
import type { RoomRole } from '../collab/protocol';

export interface TokenRecord {
  /** SHA-256 of the token (hex); the token itself is never stored. */
  readonly hash: string;
  readonly role: RoomRole;
}

/**
 * Where rooms live: a snapshot per room plus an append-only log of the updates accepted since.
 * Every update is appended before the server applies and acknowledges it (write-ahead), and a
 * debounced compaction folds the log into the snapshot. SQLite and PostgreSQL implement it.
 */
export interface RoomStore {
  createRoom(room: string, state: Uint8Array, tokens: readonly TokenRecord[]): Promise<void>;
  /** The role a token hash grants in a room, or null (unknown room or token). */
  roleOf(room: string, hash: string): Promise<RoomRole | null>;
  /** The token hashes that open a room now. */
  tokenHashes(room: string): Promise<ReadonlySet<string>>;
  /** Replaces every token of a room (the old links stop working). */
  replaceTokens(room: string, tokens: readonly TokenRecord[]): Promise<void>;
  /** Appends one accepted update; resolves once it is durable against a process crash. */
  appendUpdate(room: string, update: Uint8Array): Promise<void>;
  /** The room's whole state (snapshot and log), or null for an unknown room. */
  load(room: string): Promise<Uint8Array | null>;
  /**
   * Folds the log rows read now, and `state` (a live copy of the document), into the snapshot,
   * then deletes exactly those rows: rows another instance appends meanwhile are kept.
   */
  compact(room: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** One state from several updates, with deleted content garbage-collected. */
export function mergeStates(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

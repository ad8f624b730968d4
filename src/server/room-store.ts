import * as Y from 'yjs';
import type { RoomRole } from '../collab/protocol';
import type { VersionSummary } from '../review/version-policy';

/** A version as a room keeps it: its summary (the room is the diagram) beside the file text. */
export type RoomVersionRow = Omit<VersionSummary, 'diagramId'>;

/** What a room's versions look like to the quota: the rows kept now, to plan a save against. */
export type VersionPlan = (existing: readonly RoomVersionRow[]) => {
  readonly drop: readonly string[];
  readonly fits: boolean;
};

export type SaveVersionOutcome =
  | { readonly saved: true; readonly pruned: number }
  | { readonly saved: false; readonly count: number; readonly bytes: number };

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
  /** A room's versions, newest first, without their files. */
  listVersions(room: string): Promise<readonly RoomVersionRow[]>;
  readVersion(room: string, id: string): Promise<{ row: RoomVersionRow; text: string } | null>;
  /**
   * Plans the save against the room's versions and, when it fits, deletes what the plan drops
   * and inserts the version, in one transaction, so two savers cannot both pass the quota.
   */
  saveVersion(
    room: string,
    row: RoomVersionRow,
    text: string,
    plan: VersionPlan,
  ): Promise<SaveVersionOutcome>;
  /** False when the room has no such version. */
  deleteVersion(room: string, id: string): Promise<boolean>;
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

/** The columns of a version row in either database (the file is a column of its own). */
export const VERSION_COLUMNS =
  'id, created_at, kind, name, note, author, cards, edges, findings, bytes, reviewed_on';

export interface VersionColumns {
  readonly id: string;
  /** PostgreSQL answers BIGINT as a string. */
  readonly created_at: number | string;
  readonly kind: string;
  readonly name: string;
  readonly note: string | null;
  readonly author: string | null;
  readonly cards: number;
  readonly edges: number;
  readonly findings: number;
  readonly bytes: number | string;
  readonly reviewed_on: string | null;
}

export function versionColumns(row: RoomVersionRow): unknown[] {
  return [
    row.id,
    row.createdAt,
    row.kind,
    row.name,
    row.note ?? null,
    row.author ?? null,
    row.cards,
    row.edges,
    row.findings,
    row.bytes,
    row.reviewedOn ?? null,
  ];
}

export function versionRow(columns: VersionColumns): RoomVersionRow {
  return {
    id: columns.id,
    name: columns.name,
    ...(columns.note === null ? {} : { note: columns.note }),
    kind: columns.kind as RoomVersionRow['kind'],
    createdAt: Number(columns.created_at),
    ...(columns.author === null ? {} : { author: columns.author }),
    cards: columns.cards,
    edges: columns.edges,
    findings: columns.findings,
    bytes: Number(columns.bytes),
    ...(columns.reviewed_on === null ? {} : { reviewedOn: columns.reviewed_on }),
  };
}

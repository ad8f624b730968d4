import { parseDiagramFile } from '../io/parse-file';
import type { Problem } from '../io/problems';
import { serializeDiagram } from '../io/serialize';
import type { Diagram } from '../model/schema';
import {
  planPrune,
  VERSION_QUOTA,
  versionBytes,
  versionsFullMessage,
  type VersionKind,
  type VersionQuota,
  type VersionSummary,
} from '../review/version-policy';
import { describeStorageError, type StorageFailure } from './storage-error';

/**
 * Versions of a diagram, kept beside it in a database of their own: each as its v2 file text
 * (so any version exports, audits and diffs like a file, and is read back through the one gate)
 * plus a small summary the History panel lists without reading a single file.
 */

export { AUTO_KEEP_MS, planPrune } from '../review/version-policy';
export type { VersionKind, VersionSummary } from '../review/version-policy';

export interface NewVersion {
  readonly name: string;
  readonly note?: string;
  readonly kind: VersionKind;
  readonly author?: string;
  readonly findings: number;
  readonly reviewedOn?: string;
}

export type SaveVersionResult =
  | { ok: true; version: VersionSummary; pruned: number }
  | { ok: false; reason: 'full'; message: string }
  | StorageFailure;

export type ReadVersionResult =
  | { ok: true; diagram: Diagram; summary: VersionSummary }
  | { ok: false; reason: 'missing' | 'unreadable'; message: string; problems?: readonly Problem[] }
  | StorageFailure;

export interface VersionStore {
  /** Newest first. */
  list(diagramId: string): Promise<readonly VersionSummary[]>;
  read(id: string): Promise<ReadVersionResult>;
  save(
    diagramId: string,
    diagram: Diagram,
    version: NewVersion,
    now?: number,
  ): Promise<SaveVersionResult>;
  remove(id: string): Promise<void>;
}

const SUMMARIES = 'summaries';
const FILES = 'files';
const BY_DIAGRAM = 'by-diagram';

function requestOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let counter = 0;
function versionId(now: number): string {
  counter = (counter + 1) % 1_296;
  return `v-${now.toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 46_656).toString(36)}`;
}

export class IndexedDbVersionStore implements VersionStore {
  private opening: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly dbName = 'gtm-blueprint-versions',
    private readonly quota: VersionQuota = VERSION_QUOTA,
  ) {}

  private db(): Promise<IDBDatabase> {
    this.opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(this.dbName, 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        const summaries = db.createObjectStore(SUMMARIES, { keyPath: 'id' });
        summaries.createIndex(BY_DIAGRAM, 'diagramId');
        db.createObjectStore(FILES);
      };
      open.onsuccess = () => {
        const db = open.result;
        // Another tab upgrading (or the browser closing it) ends this connection; reopen later.
        db.onversionchange = () => db.close();
        db.onclose = () => (this.opening = null);
        resolve(db);
      };
      open.onerror = () => {
        this.opening = null;
        reject(open.error ?? new Error('Cannot open version storage'));
      };
    });
    return this.opening;
  }

  async list(diagramId: string): Promise<readonly VersionSummary[]> {
    const db = await this.db();
    const tx = db.transaction(SUMMARIES, 'readonly');
    const all = await requestOf(
      tx.objectStore(SUMMARIES).index(BY_DIAGRAM).getAll(diagramId) as IDBRequest<VersionSummary[]>,
    );
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  async read(id: string): Promise<ReadVersionResult> {
    try {
      const db = await this.db();
      const tx = db.transaction([SUMMARIES, FILES], 'readonly');
      const [summary, text] = await Promise.all([
        requestOf(tx.objectStore(SUMMARIES).get(id) as IDBRequest<VersionSummary | undefined>),
        requestOf(tx.objectStore(FILES).get(id) as IDBRequest<unknown>),
      ]);
      if (!summary || typeof text !== 'string') {
        return { ok: false, reason: 'missing', message: 'This version is no longer stored.' };
      }
      const parsed = parseDiagramFile(text);
      if (!parsed.ok) {
        return {
          ok: false,
          reason: 'unreadable',
          message: `The version "${summary.name}" cannot be read.`,
          problems: parsed.problems,
        };
      }
      return { ok: true, diagram: parsed.diagram, summary };
    } catch (error) {
      return describeStorageError(error, 'Reading the version');
    }
  }

  async save(
    diagramId: string,
    diagram: Diagram,
    version: NewVersion,
    now: number = Date.now(),
  ): Promise<SaveVersionResult> {
    // Serialised before the transaction opens, so it is never held open by the work.
    const text = serializeDiagram(diagram, { pretty: false });
    const summary: VersionSummary = {
      id: versionId(now),
      diagramId,
      name: version.name,
      ...(version.note ? { note: version.note } : {}),
      kind: version.kind,
      createdAt: now,
      ...(version.author ? { author: version.author } : {}),
      cards: diagram.nodes.length,
      edges: diagram.edges.length,
      findings: version.findings,
      bytes: versionBytes(text),
      ...(version.reviewedOn ? { reviewedOn: version.reviewedOn } : {}),
    };
    try {
      const db = await this.db();
      // The quota check and the writes are one transaction, so two tabs cannot both squeeze in.
      const tx = db.transaction([SUMMARIES, FILES], 'readwrite');
      const completed = done(tx);
      const summaries = tx.objectStore(SUMMARIES);
      const files = tx.objectStore(FILES);
      const existing = await requestOf(
        summaries.index(BY_DIAGRAM).getAll(diagramId) as IDBRequest<VersionSummary[]>,
      );
      const plan = planPrune(existing, summary, now, this.quota);
      if (!plan.fits) {
        tx.abort();
        await completed.catch(() => undefined);
        let bytes = 0;
        for (const v of existing) bytes += v.bytes;
        return { ok: false, reason: 'full', message: versionsFullMessage(existing.length, bytes) };
      }
      for (const id of plan.drop) {
        summaries.delete(id);
        files.delete(id);
      }
      summaries.put(summary);
      files.put(text, summary.id);
      await completed;
      return { ok: true, version: summary, pruned: plan.drop.length };
    } catch (error) {
      const failure = describeStorageError(error, 'Saving the version');
      return failure.reason === 'quota'
        ? {
            ...failure,
            message:
              'The browser storage is full, so this version was not saved. The diagram itself keeps saving as long as there is room; delete old versions in History to free some.',
          }
        : failure;
    }
  }

  async remove(id: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction([SUMMARIES, FILES], 'readwrite');
    tx.objectStore(SUMMARIES).delete(id);
    tx.objectStore(FILES).delete(id);
    await done(tx);
  }
}

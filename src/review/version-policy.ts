/**
 * What a kept version is and how many are kept: the same policy in the browser (IndexedDB) and
 * on the co-editing server (a room's versions), so a diagram's History behaves alike in both.
 */

/** `named`: Save version; `reviewed`: Mark as reviewed; `auto`: at most hourly while editing. */
export const VERSION_KINDS = ['named', 'reviewed', 'auto'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionSummary {
  readonly id: string;
  readonly diagramId: string;
  readonly name: string;
  readonly note?: string;
  readonly kind: VersionKind;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** Who saved it, in a shared room; absent when working alone. */
  readonly author?: string;
  readonly cards: number;
  readonly edges: number;
  readonly findings: number;
  readonly bytes: number;
  /** For a review: the `meta.lastReviewed` date it set. */
  readonly reviewedOn?: string;
}

export interface VersionQuota {
  readonly count: number;
  readonly bytes: number;
}

/** Per diagram. Generous for a quarterly habit plus hourly snapshots, small for the browser. */
export const VERSION_QUOTA: VersionQuota = { count: 1_000, bytes: 100 * 1024 * 1024 };
/** Automatic versions are kept 90 days (one quarter, one review cycle); named ones forever. */
export const AUTO_KEEP_MS = 90 * 86_400_000;

/** Length limits of what a person types about a version (the History form has the same). */
export const VERSION_TEXT_LIMITS = { name: 200, note: 2000, author: 60 } as const;

/** A version's size as the quota counts it: the file text in UTF-16, as the browser keeps it. */
export function versionBytes(fileText: string): number {
  return fileText.length * 2;
}

export function versionsFullMessage(count: number, bytes: number): string {
  const mb = Math.round(bytes / 1024 / 1024);
  return `Version storage for this diagram is full (${count.toLocaleString('en')} versions, ${mb} MB). Delete old versions in History to save new ones; the diagram itself is still saved as you work.`;
}

/**
 * Which versions to drop before saving `incoming`: automatic ones past their 90 days, then, when
 * the quota would be exceeded, the oldest automatic ones. Named and reviewed versions are never
 * dropped; if they alone fill the quota, the save is refused. Pure, for testing.
 */
export function planPrune(
  existing: readonly Pick<VersionSummary, 'id' | 'kind' | 'createdAt' | 'bytes'>[],
  incoming: { bytes: number },
  now: number,
  quota: VersionQuota = VERSION_QUOTA,
): { drop: readonly string[]; fits: boolean } {
  const drop = new Set<string>();
  for (const v of existing)
    if (v.kind === 'auto' && now - v.createdAt > AUTO_KEEP_MS) drop.add(v.id);
  let count = existing.length - drop.size + 1;
  let bytes = incoming.bytes;
  for (const v of existing) if (!drop.has(v.id)) bytes += v.bytes;
  const oldestAutoFirst = existing
    .filter((v) => v.kind === 'auto' && !drop.has(v.id))
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const v of oldestAutoFirst) {
    if (count <= quota.count && bytes <= quota.bytes) break;
    drop.add(v.id);
    count--;
    bytes -= v.bytes;
  }
  return { drop: [...drop], fits: count <= quota.count && bytes <= quota.bytes };
}

import { addCommentsAndActuals } from './001-comments-and-actuals';

/**
 * Numbered, append-only migrations. `MIGRATIONS[n]` turns a version-n file into version n+1.
 * Each is a pure function over the raw JSON (it runs before validation) with a test and an
 * old-file fixture kept forever (tests/fixtures/migrations/).
 */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: addCommentsAndActuals,
};

export type MigrationResult =
  | { ok: true; file: Record<string, unknown> }
  | { ok: false; reason: 'newer' | 'unknown'; version: number };

export function migrate(
  file: Record<string, unknown>,
  fromVersion: number,
  toVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationResult {
  if (fromVersion > toVersion) return { ok: false, reason: 'newer', version: fromVersion };
  let current = file;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: 'unknown', version };
    current = { ...step(current), version: version + 1 };
  }
  return { ok: true, file: current };
}

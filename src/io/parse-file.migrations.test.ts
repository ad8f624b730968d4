import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from './parse-file';
import { CURRENT_VERSION } from '../model/version';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/migrations', name), 'utf8');

describe('migration 1 → 2 (comments, CRM stage mapping, rule options)', () => {
  it('opens a version-1 file kept from the first release unchanged but for its number', () => {
    const original = JSON.parse(fixture('v1-sales-led.json')) as {
      nodes: unknown[];
      edges: unknown[];
      rules: unknown;
    };
    const result = parseDiagramFile(fixture('v1-sales-led.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.diagram.version).toBe(CURRENT_VERSION);
    expect(result.diagram.nodes).toEqual(original.nodes);
    expect(result.diagram.edges).toEqual(original.edges);
    expect(result.diagram.rules).toEqual(original.rules);
    expect(result.diagram.comments).toBeUndefined();
  });

  it('reads the fields version 2 adds', () => {
    const file = JSON.parse(fixture('v1-sales-led.json')) as Record<string, unknown>;
    const stageId = (file.nodes as { id: string; kind: string }[]).find(
      (node) => node.kind === 'stage',
    )?.id;
    const v2 = {
      ...file,
      version: 2,
      rules: { 'metric-drift': { level: 'warning', options: { threshold: 0.2 } } },
      comments: [
        {
          id: 't1',
          target: { type: 'node', id: stageId },
          messages: [
            { id: 'm1', author: 'Ana', text: 'Exit criteria?', createdAt: '2026-12-03T09:00:00Z' },
          ],
        },
      ],
      actuals: { stageMap: { 'Discovery (Sales)': stageId, 'Closed Won': '@won' } },
    };
    const result = parseDiagramFile(JSON.stringify(v2));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.migratedFrom).toBeUndefined();
      expect(result.diagram.comments?.[0]?.messages[0]?.author).toBe('Ana');
      expect(result.diagram.actuals?.stageMap['Closed Won']).toBe('@won');
    }
  });

  it('refuses a version-1 file that already uses a version-2 field', () => {
    const file = { ...(JSON.parse(fixture('v1-sales-led.json')) as object), comments: 'x' };
    expect(parseDiagramFile(JSON.stringify(file)).ok).toBe(false);
  });
});

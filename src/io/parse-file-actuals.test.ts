import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../model/version';
import { parseDiagramFile } from './parse-file';

/** A pipeline of two stages and one channel, with a CRM stage mapping to vary per test. */
function fileWith(stageMap: Record<string, string>): string {
  return JSON.stringify({
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Mapped',
    meta: {},
    nodes: [
      { id: 'sql', kind: 'stage', title: 'SQL', position: { x: 0, y: 900 } },
      { id: 'won', kind: 'stage', title: 'Closed won', position: { x: 300, y: 900 } },
      { id: 'cold', kind: 'channel', title: 'Cold email', position: { x: 0, y: 520 } },
    ],
    edges: [{ id: 'e1', source: 'sql', target: 'won', label: 'Signed' }],
    actuals: { stageMap, source: 'HubSpot export', importedAt: '2026-12-01' },
  });
}

describe('parseDiagramFile checks the CRM stage mapping', () => {
  it('accepts stage ids and the outcome markers', () => {
    const result = parseDiagramFile(
      fileWith({ 'Sales qualified': 'sql', 'Closed Won': '@won', Lost: '@lost', Spam: '@ignore' }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.diagram.actuals?.stageMap['Sales qualified']).toBe('sql');
  });

  it('refuses a CRM stage mapped to a node that is not in the diagram', () => {
    const result = parseDiagramFile(fileWith({ Demo: 'gone' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'actuals.stageMap.Demo',
        message: 'The CRM stage "Demo" is mapped to a node "gone" that is not in the diagram.',
      },
    ]);
  });

  it('refuses a CRM stage mapped to a card that is not a pipeline stage, quoting odd names', () => {
    const result = parseDiagramFile(fileWith({ 'Demo (Sales pipeline)': 'cold' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'actuals.stageMap["Demo (Sales pipeline)"]',
        message:
          'The CRM stage "Demo (Sales pipeline)" is mapped to "cold", a channel card; it must be a pipeline stage.',
      },
    ]);
  });

  it('refuses an outcome marker it does not know', () => {
    expect(parseDiagramFile(fileWith({ Demo: '@maybe' })).ok).toBe(false);
  });
});

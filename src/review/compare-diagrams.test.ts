import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/schema';
import { TEST_NOW } from '../testing/rule-tester';
import {
  addEdges,
  addNodes,
  cleanDiagram,
  edge,
  node,
  patchData,
  removeNodes,
  setMetric,
} from '../testing/test-diagrams';
import { escapeMarkdown } from '../io/report';
import { compareDiagrams } from './compare-diagrams';
import { comparisonToMarkdown, comparisonToText } from './comparison-report';
import { diffDiagrams, isEmptyDiff } from './diff-diagrams';

function moveNode(diagram: Diagram, id: string, dx: number): Diagram {
  return {
    ...diagram,
    nodes: diagram.nodes.map((n) =>
      n.id === id ? { ...n, position: { ...n.position, x: n.position.x + dx } } : n,
    ),
  };
}

describe('diffDiagrams', () => {
  it('finds nothing between a diagram and a copy of it', () => {
    const before = cleanDiagram();
    const diff = diffDiagrams(before, structuredClone(before));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.nodes.moved).toEqual([]);
  });

  it('keeps a card that only moved apart from changed cards', () => {
    const before = cleanDiagram();
    const diff = diffDiagrams(before, moveNode(before, 'stage-mql', 240));
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toHaveLength(1);
    expect(diff.nodes.moved[0]).toMatchObject({ id: 'stage-mql', title: 'MQL' });
    expect(diff.nodes.moved[0]?.to.x).toBe((diff.nodes.moved[0]?.from.x ?? 0) + 240);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('lists each changed field with its old and new value, and notes a move alongside', () => {
    const before = cleanDiagram();
    let after = patchData(before, 'stage-mql', { owner: 'SDR team lead' });
    after = moveNode(setMetric(after, 'stage-mql', 'mql-to-sql', 0.3), 'stage-mql', 40);
    const diff = diffDiagrams(before, after);
    expect(diff.nodes.moved).toEqual([]);
    expect(diff.nodes.changed).toHaveLength(1);
    const change = diff.nodes.changed[0];
    expect(change?.moved).toBe(true);
    const ownerBefore = before.nodes.find((n) => n.id === 'stage-mql')?.data;
    expect(change?.changes).toEqual([
      {
        field: 'data.owner',
        before: ownerBefore && 'owner' in ownerBefore ? ownerBefore.owner : undefined,
        after: 'SDR team lead',
      },
      { field: 'metrics.mql-to-sql', before: 0.4, after: 0.3 },
    ]);
  });

  it('reports a cleared field with an absent new value', () => {
    const before = cleanDiagram();
    const after = patchData(before, 'ch-cold-email', { metrics: [] });
    expect(diffDiagrams(before, after).nodes.changed[0]?.changes).toEqual([
      { field: 'metrics.reply-rate', before: 0.03, after: undefined },
      { field: 'metrics.reply-rate.source', before: 'Sequencer, last 90 days', after: undefined },
    ]);
  });

  it('finds added and removed cards and edges, and changed edges', () => {
    const before = cleanDiagram();
    let after = removeNodes(before, 'rev-sequencing');
    after = addNodes(after, node('channel', 'ch-events', 'Events'));
    after = addEdges(after, edge('e-new', 'pos-core', 'ch-events', 'Event pitch'));
    after = {
      ...after,
      edges: after.edges.map((e) => (e.id === 'e-pos-email' ? { ...e, label: 'Cold pitch' } : e)),
    };
    const diff = diffDiagrams(before, after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['ch-events']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['rev-sequencing']);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['e-new']);
    const goneEdges = before.edges.filter(
      (e) => e.source === 'rev-sequencing' || e.target === 'rev-sequencing',
    );
    expect(diff.edges.removed.map((e) => e.id)).toEqual(goneEdges.map((e) => e.id));
    expect(diff.edges.changed).toEqual([
      expect.objectContaining({
        id: 'e-pos-email',
        changes: [
          {
            field: 'label',
            before: before.edges.find((e) => e.id === 'e-pos-email')?.label,
            after: 'Cold pitch',
          },
        ],
      }),
    ]);
  });

  it('treats metrics in another order as unchanged, and reports the diagram name and meta', () => {
    const before = patchData(cleanDiagram(), 'ch-cold-email', {
      metrics: [
        { key: 'reply-rate', value: 0.03 },
        { key: 'conversion', value: 0.1 },
      ],
    });
    const after = patchData(
      { ...before, name: 'Q4 review', meta: { ...before.meta, lastReviewed: '2026-11-20' } },
      'ch-cold-email',
      {
        metrics: [
          { key: 'conversion', value: 0.1 },
          { key: 'reply-rate', value: 0.03 },
        ],
      },
    );
    const diff = diffDiagrams(before, after);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.document).toEqual([
      { field: 'name', before: before.name, after: 'Q4 review' },
      { field: 'meta.lastReviewed', before: '2026-11-01', after: '2026-11-20' },
    ]);
  });
});

describe('compareDiagrams: metric drift', () => {
  const before = cleanDiagram();
  const driftOf = (value: number) =>
    compareDiagrams(before, setMetric(before, 'stage-lead', 'lead-to-mql', value), {
      now: TEST_NOW,
    }).drift;

  it('does not count a move of 14.9%', () => {
    expect(driftOf(0.2 * 1.149)).toEqual([]);
    expect(driftOf(0.2 * 0.851)).toEqual([]);
  });

  it('does not count exactly 15%, even where floating point rounds above it', () => {
    expect(driftOf(0.23)).toEqual([]);
    expect(driftOf(0.17)).toEqual([]);
  });

  it('counts a move of 15.1% in either direction, with the values and the change', () => {
    const up = driftOf(0.2 * 1.151);
    expect(up).toHaveLength(1);
    expect(up[0]).toMatchObject({ nodeId: 'stage-lead', key: 'lead-to-mql', before: 0.2 });
    expect(up[0]?.change).toBeCloseTo(0.151, 6);
    expect(driftOf(0.2 * 0.849)[0]?.change).toBeCloseTo(-0.151, 6);
  });

  it('counts a metric that moves away from zero, and honours a custom threshold', () => {
    const zero = setMetric(before, 'stage-lead', 'lead-to-mql', 0);
    const drift = compareDiagrams(zero, before, { now: TEST_NOW }).drift;
    expect(drift[0]).toMatchObject({ before: 0, after: 0.2, change: Infinity });
    const after = setMetric(before, 'stage-lead', 'lead-to-mql', 0.25);
    expect(compareDiagrams(before, after, { now: TEST_NOW, threshold: 0.3 }).drift).toEqual([]);
  });
});

describe('compareDiagrams: audit delta and forecast', () => {
  it('splits findings into fixed, new and unchanged by rule', () => {
    const before = patchData(cleanDiagram(), 'stage-mql', { owner: '' });
    const after = patchData(cleanDiagram(), 'stage-sql', { exitCriteria: [] });
    const { audit } = compareDiagrams(before, after, { now: TEST_NOW });
    const owner = audit.rules.find((r) => r.ruleId === 'stage-missing-owner');
    const exit = audit.rules.find((r) => r.ruleId === 'stage-missing-exit-criteria');
    expect(owner?.fixed.map((f) => f.target)).toEqual([
      { type: 'node', id: 'stage-mql', field: 'owner' },
    ]);
    expect(owner?.new).toEqual([]);
    expect(exit?.new).toHaveLength(1);
    expect(exit?.fixed).toEqual([]);
    expect(audit.fixed).toBe(1);
    expect(audit.new).toBe(1);
  });

  it('keeps a finding whose message changed as unchanged', () => {
    const before = setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.05);
    const after = setMetric(cleanDiagram(), 'stage-proposal', 'win-rate', 0.06);
    const { audit } = compareDiagrams(before, after, { now: TEST_NOW });
    expect(audit.new).toBe(0);
    expect(audit.fixed).toBe(0);
    expect(audit.unchanged).toBeGreaterThan(0);
  });

  it("gives the forecast's new ARR then and now", () => {
    const before = cleanDiagram();
    const after = setMetric(before, 'stage-proposal', 'win-rate', 0.4);
    const { newArr } = compareDiagrams(before, after, { now: TEST_NOW });
    expect('value' in newArr.before && 'value' in newArr.after).toBe(true);
    if ('value' in newArr.before && 'value' in newArr.after) {
      expect(newArr.after.value).toBeCloseTo(newArr.before.value * 2, 6);
    }
  });
});

describe('comparison reports', () => {
  it('prints the three sections in text and escapes diagram text in Markdown', () => {
    const before = cleanDiagram();
    let after = patchData(before, 'stage-mql', { owner: '<img src=x onerror=alert(1)> *bold*' });
    after = setMetric(after, 'stage-lead', 'lead-to-mql', 0.3);
    const comparison = compareDiagrams(before, after, { now: TEST_NOW });
    const text = comparisonToText(comparison, { before: 'v1', after: 'v2' });
    expect(text).toContain('Changes');
    expect(text).toContain('    owner: ');
    expect(text).toMatch(/Audit: \d+ fixed, \d+ new, \d+ unchanged/);
    expect(text).toContain('Lead: Lead to MQL 20% → 30% (+50%)');
    const md = comparisonToMarkdown(comparison, { before: 'v1', after: 'v2' });
    // Whatever form the report's escaping takes, no raw tag survives into the Markdown.
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain(escapeMarkdown('<img src=x onerror=alert(1)> *bold*'));
    expect(md).toContain('\\*bold\\*');
  });
});

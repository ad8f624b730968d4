import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/schema';
import { cleanDiagram, emptyDiagram, node, setMeta } from '../testing/test-diagrams';
import { draftingView } from './drafting-view';
import { runAudit } from './engine';

const NOW = new Date('2026-12-03T12:00:00Z');

function draft(...kinds: Diagram['nodes'][number]['kind'][]): Diagram {
  return {
    ...emptyDiagram(),
    nodes: kinds.map((kind, i) => node(kind, `n${i}`, `Card ${i}`)),
  };
}

const summary = (result: ReturnType<typeof runAudit>) =>
  result.findings.map((f) => `${f.severity} ${f.ruleId}${f.fix ? ' (fix)' : ''}`);

describe('draftingView', () => {
  it('turns missing-layer errors on a draft of under five cards into guidance with the fix', () => {
    const diagram = draft('channel', 'stage');
    const audit = runAudit(diagram, { now: NOW });
    expect(audit.findings.some((f) => f.ruleId === 'missing-layer' && f.severity === 'error')).toBe(
      true,
    );
    const view = draftingView(audit, diagram, NOW);
    const layers = view.findings.filter((f) => f.ruleId === 'missing-layer');
    expect(layers.length).toBeGreaterThan(0);
    expect(layers.every((f) => f.severity === 'info' && f.fix !== undefined)).toBe(true);
    expect(view.counts.error).toBe(audit.counts.error - layers.length);
    // The audit's own result keeps its severities: CI judges the diagram as it is.
    expect(audit.findings.some((f) => f.ruleId === 'missing-layer' && f.severity === 'error')).toBe(
      true,
    );
  });

  it('leaves missing layers as errors from the fifth card on', () => {
    const diagram = draft('channel', 'stage', 'stage', 'stage', 'crm');
    const audit = runAudit(diagram, { now: NOW });
    const view = draftingView(audit, diagram, NOW);
    expect(summary(view)).toEqual(summary(audit));
    expect(view).toBe(audit);
  });

  it('holds "never reviewed" while the diagram is under a week old', () => {
    const young = setMeta(cleanDiagram(), { lastReviewed: undefined, created: '2026-11-30' });
    const audit = runAudit(young, { now: NOW });
    expect(audit.findings.map((f) => f.ruleId)).toContain('review-overdue');
    expect(draftingView(audit, young, NOW).findings.map((f) => f.ruleId)).not.toContain(
      'review-overdue',
    );

    const old = setMeta(young, { created: '2026-11-20' });
    expect(
      draftingView(runAudit(old, { now: NOW }), old, NOW).findings.map((f) => f.ruleId),
    ).toContain('review-overdue');
  });

  it('takes the start date from the caller when the file has none, and holds nothing without one', () => {
    const diagram = setMeta(cleanDiagram(), { lastReviewed: undefined });
    const audit = runAudit(diagram, { now: NOW });
    const started = new Date('2026-12-01T09:00:00Z');
    expect(draftingView(audit, diagram, NOW, { createdAt: started }).counts.info).toBe(
      audit.counts.info - 1,
    );
    expect(draftingView(audit, diagram, NOW)).toBe(audit);
  });

  it('keeps the findings of the card being filled in until the user leaves it', () => {
    const diagram = draft('channel', 'stage', 'stage', 'stage', 'crm');
    const audit = runAudit(diagram, { now: NOW });
    const onCard = audit.findings.filter((f) => f.target.type === 'node' && f.target.id === 'n1');
    expect(onCard.length).toBeGreaterThan(0);
    const view = draftingView(audit, diagram, NOW, { editingNodeId: 'n1' });
    expect(view.byNode.get('n1')).toBeUndefined();
    expect(view.findings).toHaveLength(audit.findings.length - onCard.length);
  });

  it('leaves every other finding alone', () => {
    const diagram = draft('channel', 'stage');
    const audit = runAudit(diagram, { now: NOW });
    const view = draftingView(audit, diagram, NOW);
    const others = (r: typeof audit) => r.findings.filter((f) => f.ruleId !== 'missing-layer');
    expect(others(view)).toEqual(others(audit));
  });
});

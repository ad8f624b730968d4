import { describe, expect, it, vi } from 'vitest';
import { runAudit } from './engine';
import { RULES } from './registry';
import { TEST_NOW, deepFreeze } from '../testing/rule-tester';
import {
  addEdges,
  cleanDiagram,
  edge,
  emptyDiagram,
  patchData,
  removeKinds,
  setMeta,
} from '../testing/test-diagrams';
import { defineRule } from './types';

const audit = (
  diagram: Parameters<typeof runAudit>[0],
  settings?: Record<string, 'off' | 'warning' | 'error'>,
) => runAudit(deepFreeze(diagram), settings ? { now: TEST_NOW, settings } : { now: TEST_NOW });

describe('runAudit', () => {
  it('finds nothing in the clean fixture', () => {
    const result = audit(cleanDiagram());
    expect(result.findings).toEqual([]);
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('meets an empty diagram with one finding and a way forward, not a wall of errors', () => {
    const result = audit(emptyDiagram());
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.fix?.label])).toEqual([
      ['missing-layer', 'info', 'Add a starter node to each of the five layers'],
    ]);
  });

  it('sorts by severity, then rule id, keeping report order within a rule', () => {
    const broken = patchData(
      patchData(setMeta(cleanDiagram(), { lastReviewed: undefined }), 'stage-sql', {
        owner: '',
        exitCriteria: [],
      }),
      'stage-mql',
      { owner: '', metrics: [{ key: 'mql-to-sql', value: 0.25 }] },
    );
    const findings = audit(broken).findings;
    expect(
      findings.map((f) => `${f.severity} ${f.ruleId} ${'id' in f.target ? f.target.id : ''}`),
    ).toEqual([
      'error stage-missing-exit-criteria stage-sql',
      // A lower MQL rate wins fewer deals: cold email's CAC no longer pays back in 24 months.
      'warning cac-payback ch-cold-email',
      'warning stage-missing-owner stage-mql',
      'warning stage-missing-owner stage-sql',
      'info below-benchmark stage-mql',
      'info review-overdue ',
    ]);
  });

  it('groups findings by node and edge and counts them', () => {
    const diagram = addEdges(
      patchData(cleanDiagram(), 'stage-sql', { owner: '', nextAction: '' }),
      edge('e-new', 'ch-content', 'rev-crm'),
    );
    const result = audit(diagram);
    expect(result.byNode.get('stage-sql')?.map((f) => f.ruleId)).toEqual([
      'stage-missing-next-action',
      'stage-missing-owner',
    ]);
    expect(result.byEdge.get('e-new')?.map((f) => f.ruleId)).toEqual(['unlabeled-handoff']);
    expect(result.counts).toEqual({ error: 0, warning: 3, info: 0 });
  });

  describe('settings', () => {
    const ownerless = patchData(cleanDiagram(), 'stage-sql', { owner: '' });

    it('"off" disables a rule', () => {
      expect(audit({ ...ownerless, rules: { 'stage-missing-owner': 'off' } }).findings).toEqual([]);
    });

    it('"error" and "warning" replace the default severity', () => {
      const raised = audit({ ...ownerless, rules: { 'stage-missing-owner': 'error' } });
      expect(raised.findings.map((f) => f.severity)).toEqual(['error']);
      expect(raised.counts.error).toBe(1);
    });

    it('options override the diagram settings', () => {
      const diagram = { ...ownerless, rules: { 'stage-missing-owner': 'off' as const } };
      expect(audit(diagram, { 'stage-missing-owner': 'warning' }).findings).toHaveLength(1);
    });

    it('override both levels of a rule whose severity varies per finding', () => {
      const never = setMeta(cleanDiagram(), { lastReviewed: undefined });
      expect(audit(never).findings.map((f) => f.severity)).toEqual(['info']);
      expect(audit(never, { 'review-overdue': 'error' }).findings.map((f) => f.severity)).toEqual([
        'error',
      ]);
    });
  });

  describe('one problem, one finding', () => {
    const toolsFirst = removeKinds(cleanDiagram(), 'segment', 'persona');

    it('tools-without-icp replaces missing-layer for the ICP layer', () => {
      const ids = audit(toolsFirst).findings.map((f) => f.ruleId);
      expect(ids).toContain('tools-without-icp');
      expect(ids).not.toContain('missing-layer');
    });

    it('only for the ICP subject: other missing layers are still reported', () => {
      const findings = audit(removeKinds(toolsFirst, 'positioning')).findings;
      expect(findings.filter((f) => f.ruleId === 'missing-layer').map((f) => f.message)).toEqual([
        'The Positioning layer is empty: add the message: segment, problem, differentiator and proof.',
      ]);
    });

    it('switching the specific rule off hands the problem back to the general one', () => {
      const ids = audit(toolsFirst, { 'tools-without-icp': 'off' }).findings.map((f) => f.ruleId);
      expect(ids).toContain('missing-layer');
    });

    it('overcomplicated-early-stage replaces too-many-channels on the channel count', () => {
      const seed = setMeta(
        addEdges(
          {
            ...cleanDiagram(),
            nodes: [
              ...cleanDiagram().nodes.map((n) =>
                n.kind === 'channel' ? { ...n, data: { ...n.data, metrics: [] } } : n,
              ),
              {
                id: 'ch-ads',
                kind: 'channel',
                title: 'Paid search',
                position: { x: 600, y: 576 },
                data: { metrics: [{ key: 'reply-rate', value: 0.015 }] },
              },
            ],
          },
          edge('e-ads', 'pos-core', 'ch-ads', 'Ad copy'),
        ),
        { companyStage: 'seed' },
      );
      const ids = audit(seed).findings.map((f) => f.ruleId);
      expect(ids).toContain('overcomplicated-early-stage');
      expect(ids).not.toContain('too-many-channels');
      expect(
        audit({ ...seed, meta: { ...seed.meta, companyStage: 'series-a' } }).findings.map(
          (f) => f.ruleId,
        ),
      ).toContain('too-many-channels');
    });

    it('a long sales cycle is reported by sales-cycle-too-long alone', () => {
      const slow = patchData(cleanDiagram(), 'motion-sales-led', {
        metrics: [{ key: 'sales-cycle-days', value: 200 }],
      });
      expect(audit(slow).findings.map((f) => f.ruleId)).toEqual(['sales-cycle-too-long']);
    });
  });

  it('survives a rule that throws, and reports the others', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = defineRule({
      meta: { ...RULES[0]!.meta, id: 'broken-rule', messages: { x: 'X.' } },
      check: () => {
        throw new Error('boom');
      },
    });
    const ownerless = patchData(cleanDiagram(), 'stage-sql', { owner: '' });
    const result = runAudit(ownerless, { now: TEST_NOW, rules: [broken, ...RULES] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['stage-missing-owner']);
    expect(spy).toHaveBeenCalledOnce();
    // One line with the reason, never the error object (a stack trace on a CLI user's terminal).
    expect(spy.mock.calls[0]).toEqual([
      'gtm-blueprint: rule broken-rule failed and was skipped (boom).',
    ]);
    spy.mockRestore();
  });

  it('never mutates the diagram it audits, fixes included', () => {
    const diagram = deepFreeze(removeKinds(cleanDiagram(), 'positioning'));
    const result = runAudit(diagram, { now: TEST_NOW });
    expect(() => result.findings.forEach((f) => f.fix?.apply(diagram))).not.toThrow();
  });
});

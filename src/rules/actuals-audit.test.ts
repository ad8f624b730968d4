import { describe, expect, it } from 'vitest';
import { cleanDiagram } from '../testing/test-diagrams';
import { TEST_NOW } from '../testing/rule-tester';
import type { ActualsInput } from './actuals-input';
import { runAudit } from './engine';

const actuals: ActualsInput = {
  asOf: '2026-11-30',
  source: 'HubSpot export',
  stages: [{ stageId: 'stage-mql', actual: 0.31, resolved: 212, stuck: 4 }],
};

const planVsActual = (result: ReturnType<typeof runAudit>) =>
  result.findings
    .filter((f) => f.ruleId === 'actual-off-plan' || f.ruleId === 'stuck-deals')
    .map((f) => [f.ruleId, f.severity, f.target]);

describe('the audit with imported deals', () => {
  it('stays quiet about plan vs actual until deals are handed in', () => {
    expect(planVsActual(runAudit(cleanDiagram(), { now: TEST_NOW }))).toEqual([]);
  });

  it('reports the stage off plan and its stuck deals on the stage card', () => {
    const result = runAudit(cleanDiagram(), { now: TEST_NOW, actuals });
    expect(planVsActual(result)).toEqual([
      ['actual-off-plan', 'warning', { type: 'node', id: 'stage-mql', field: 'metrics' }],
      ['stuck-deals', 'info', { type: 'node', id: 'stage-mql', field: 'maxDays' }],
    ]);
    expect(result.byNode.get('stage-mql')?.length).toBe(2);
  });

  it('follows the diagram’s threshold for actual-off-plan', () => {
    const diagram = {
      ...cleanDiagram(),
      rules: { 'actual-off-plan': { level: 'warning' as const, options: { threshold: 0.25 } } },
    };
    const ids = runAudit(diagram, { now: TEST_NOW, actuals }).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('actual-off-plan');
    expect(ids).toContain('stuck-deals');
  });

  it('applies the quick fix as the actual rate, sourced from the export', () => {
    const fix = runAudit(cleanDiagram(), { now: TEST_NOW, actuals }).findings.find(
      (f) => f.ruleId === 'actual-off-plan',
    )?.fix;
    const fixed = fix?.apply(cleanDiagram());
    const mql = fixed?.nodes.find((node) => node.id === 'stage-mql');
    expect(mql?.data?.metrics).toEqual([
      { key: 'mql-to-sql', value: 0.31, source: 'CRM export, 2026-11-30' },
    ]);
  });
});

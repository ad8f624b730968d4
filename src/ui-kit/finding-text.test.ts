import { describe, expect, it } from 'vitest';
import type { Finding } from '../rules/types';
import { ALL_SEVERITIES } from '../store/problems-view';
import { badgeSummaryOf, describeProblemCount, filterFindings, findingKey } from './finding-text';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'missing-enrichment',
  severity: 'error',
  message: 'Leads from “Cold email” reach sales without enrichment or scoring.',
  target: { type: 'node', id: 'n1' },
  ...over,
});

describe('describeProblemCount', () => {
  it('names the total and the non-zero counts, worst first', () => {
    expect(describeProblemCount({ error: 1, warning: 1, info: 0 })).toBe(
      '2 problems: 1 error, 1 warning',
    );
    expect(describeProblemCount({ error: 0, warning: 0, info: 1 })).toBe('1 problem: 1 info');
    expect(describeProblemCount({ error: 0, warning: 3, info: 2 })).toBe(
      '5 problems: 3 warnings, 2 info',
    );
    expect(describeProblemCount({ error: 0, warning: 0, info: 0 })).toBe('No problems');
  });
});

describe('badgeSummaryOf', () => {
  it('has no badge without findings', () => {
    expect(badgeSummaryOf(undefined)).toBeNull();
    expect(badgeSummaryOf([])).toBeNull();
  });

  it('takes the worst severity whatever the order', () => {
    const summary = badgeSummaryOf([
      finding({ severity: 'info', message: 'A.' }),
      finding({ severity: 'warning', message: 'B.' }),
    ]);
    expect(summary).toMatchObject({
      count: 2,
      worst: 'warning',
      label: '2 problems: 1 warning, 1 info',
    });
    expect(summary?.messages.map((m) => m.message)).toEqual(['A.', 'B.']);
  });

  it('gives the identical object for equal findings from a later audit run', () => {
    // A card's store selector relies on this to skip re-rendering while another node moves.
    const first = badgeSummaryOf([finding()]);
    const second = badgeSummaryOf([finding()]);
    expect(second).toBe(first);
    expect(badgeSummaryOf([finding({ message: 'Something else.' })])).not.toBe(first);
  });
});

describe('filterFindings', () => {
  const findings = [
    finding(),
    finding({
      ruleId: 'unlabeled-handoff',
      severity: 'warning',
      message: 'The handoff has no label.',
      target: { type: 'edge', id: 'e1' },
    }),
    finding({
      ruleId: 'missing-layer',
      message: 'The ICP layer is empty.',
      target: { type: 'diagram' },
    }),
  ];
  const all = { query: '', severities: ALL_SEVERITIES, target: null };

  it('matches the message or the rule id, ignoring case', () => {
    expect(filterFindings(findings, { ...all, query: 'LABEL' })).toEqual([findings[1]]);
    expect(filterFindings(findings, { ...all, query: 'missing-layer' })).toEqual([findings[2]]);
    expect(filterFindings(findings, { ...all, query: '  ' })).toHaveLength(3);
  });

  it('hides the severities switched off', () => {
    const severities = { ...ALL_SEVERITIES, error: false };
    expect(filterFindings(findings, { ...all, severities })).toEqual([findings[1]]);
  });

  it('narrows to one element', () => {
    expect(filterFindings(findings, { ...all, target: { type: 'node', id: 'n1' } })).toEqual([
      findings[0],
    ]);
    expect(filterFindings(findings, { ...all, target: { type: 'node', id: 'e1' } })).toEqual([]);
  });
});

describe('findingKey', () => {
  it('tells findings apart by rule, target, field and message', () => {
    const keys = new Set([
      findingKey(finding()),
      findingKey(finding({ target: { type: 'node', id: 'n2' } })),
      findingKey(finding({ target: { type: 'node', id: 'n1', field: 'owner' } })),
      findingKey(finding({ ruleId: 'other' })),
      findingKey(finding({ message: 'Other.' })),
    ]);
    expect(keys.size).toBe(5);
    expect(findingKey(finding())).toBe(findingKey(finding()));
  });
});

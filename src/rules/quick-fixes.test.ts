import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- fixes must pass the same gate as a saved file
import { parseDiagramFile } from '../io/parse-file';
import type { Diagram } from '../model/schema';
import { runAudit } from './engine';
import { TEST_NOW, deepFreeze } from '../testing/rule-tester';
import { cleanDiagram, emptyDiagram, removeEdges, removeKinds } from '../testing/test-diagrams';
import type { Finding } from './types';

function fixture(name: string): Diagram {
  const text = readFileSync(resolve(import.meta.dirname, `../../tests/fixtures/${name}`), 'utf8');
  const parsed = parseDiagramFile(text);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.diagram;
}

const sameProblem = (a: Finding) => (b: Finding) =>
  a.ruleId === b.ruleId &&
  a.message === b.message &&
  JSON.stringify(a.target) === JSON.stringify(b.target);

const cases: readonly (readonly [string, () => Diagram])[] = [
  ['the broken fixture', () => fixture('audit-broken.json')],
  ['an empty diagram', emptyDiagram],
  [
    'a diagram without a feedback loop',
    () => removeEdges(cleanDiagram(), 'e-won-seg', 'e-report-score', 'e-crm-score'),
  ],
  ['a diagram missing two layers', () => removeKinds(cleanDiagram(), 'positioning', 'channel')],
];

describe('quick fixes', () => {
  describe.each(cases)('on %s', (_name, build) => {
    const diagram = deepFreeze(build());
    const fixable = runAudit(diagram, { now: TEST_NOW }).findings.filter((f) => f.fix);

    it('has fixes to offer', () => {
      expect(fixable.length).toBeGreaterThan(0);
    });

    it.each(
      fixable.map((finding) => [`${finding.ruleId}: ${finding.fix?.label}`, finding] as const),
    )('%s clears its finding and saves as a valid file', (_label, finding) => {
      const fixed = finding.fix!.apply(diagram);
      const parsed = parseDiagramFile(JSON.stringify(fixed));
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      const after = runAudit(fixed, { now: TEST_NOW }).findings;
      expect(after.some(sameProblem(finding))).toBe(false);
    });
  });

  it('covers the fixes the editor relies on', () => {
    const labels = cases.flatMap(([, build]) =>
      runAudit(build(), { now: TEST_NOW }).findings.flatMap((f) => (f.fix ? [f.ruleId] : [])),
    );
    for (const ruleId of [
      'missing-enrichment',
      'missing-feedback-loop',
      'missing-layer',
      'stage-missing-exit-criteria',
      'stage-missing-next-action',
      'stage-missing-owner',
    ]) {
      expect(labels).toContain(ruleId);
    }
  });
});

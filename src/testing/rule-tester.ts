import { describe, expect, it } from 'vitest';
import { diagramSchema, type Diagram, type RuleSetting } from '../model/schema';
import type { ActualsInput } from '../rules/actuals-input';
import { createAuditContext, type ReviewBaseline } from '../rules/context';
import { optionsOf, toFindings } from '../rules/engine';
import type { Finding, FindingTarget, Rule, Severity } from '../rules/types';

/**
 * ESLint-style table tests for one rule. The harness enforces what every rule owes, so the
 * tables stay data: it freezes each diagram (a rule or fix that mutates its input throws),
 * needs at least one valid and one invalid case, matches findings in number and order, and
 * applies every quick fix, checking the result is a valid diagram without that finding.
 */
export interface ValidCase {
  readonly name: string;
  readonly diagram: Diagram;
  readonly now?: Date;
  /** The last reviewed version, for rules that compare against it. */
  readonly baseline?: ReviewBaseline;
  /** The rule's setting (level and options), as a diagram's `rules` would hold it. */
  readonly setting?: RuleSetting;
  /** Figures from a CRM deals export, for the plan-vs-actual rules. */
  readonly actuals?: ActualsInput;
}

export interface ExpectedFinding {
  readonly message: string;
  readonly target: FindingTarget;
  readonly severity?: Severity;
  /** The quick fix's label; leave out to skip the check, `null` to require no fix. */
  readonly fix?: string | null;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export const TEST_NOW = new Date('2026-11-20T12:00:00Z');

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Runs the rule alone: no settings, no de-duplication, and errors are not swallowed. */
export function runRuleOn(
  rule: Rule,
  diagram: Diagram,
  now: Date = TEST_NOW,
  setting?: RuleSetting,
  baseline?: ReviewBaseline,
  actuals?: ActualsInput,
): Finding[] {
  const context = createAuditContext(diagram, now, baseline, actuals);
  const options = optionsOf(rule, setting);
  return toFindings(rule, rule.check(diagram, context, options)).map(({ finding }) => finding);
}

export function testRule(
  rule: Rule,
  cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(rule.meta.id, () => {
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const diagram = deepFreeze(structuredClone(testCase.diagram));
        expect(
          runRuleOn(
            rule,
            diagram,
            testCase.now,
            testCase.setting,
            testCase.baseline,
            testCase.actuals,
          ).map((f) => f.message),
        ).toEqual([]);
      });
    }

    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const diagram = deepFreeze(structuredClone(testCase.diagram));
        const findings = runRuleOn(
          rule,
          diagram,
          testCase.now,
          testCase.setting,
          testCase.baseline,
          testCase.actuals,
        );
        expect(findings.map((finding, i) => pick(finding, testCase.errors[i]))).toEqual(
          testCase.errors.map((error) => ({ ...error })),
        );
        for (const finding of findings) {
          expect(finding.message, 'every placeholder is filled').not.toMatch(/\{\w+\}/);
          if (finding.fix) checkFix(rule, diagram, finding, testCase);
        }
      });
    }
  });
}

/** The finding reduced to the fields its expectation names, so a table lists only what matters. */
function pick(finding: Finding, expected: ExpectedFinding | undefined): Partial<ExpectedFinding> {
  const out: { -readonly [K in keyof ExpectedFinding]?: ExpectedFinding[K] } = {
    message: finding.message,
    target: finding.target,
  };
  if (expected?.severity !== undefined) out.severity = finding.severity;
  if (expected?.fix !== undefined) out.fix = finding.fix?.label ?? null;
  return out;
}

function checkFix(rule: Rule, diagram: Diagram, finding: Finding, testCase: ValidCase): void {
  const fixed = finding.fix?.apply(diagram);
  expect(fixed, `fix "${finding.fix?.label}" returns a new diagram`).not.toBe(diagram);
  const parsed = diagramSchema.safeParse(fixed);
  expect(parsed.success, `fix "${finding.fix?.label}" keeps the diagram valid`).toBe(true);
  const after = runRuleOn(
    rule,
    fixed as Diagram,
    testCase.now,
    testCase.setting,
    testCase.baseline,
    testCase.actuals,
  );
  const same = (other: Finding) =>
    other.message === finding.message &&
    JSON.stringify(other.target) === JSON.stringify(finding.target);
  expect(after.some(same), `fix "${finding.fix?.label}" clears the finding`).toBe(false);
}

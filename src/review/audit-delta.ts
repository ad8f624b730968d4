import type { AuditResult } from '../rules/engine';
import type { Finding } from '../rules/types';

interface RuleDelta {
  readonly ruleId: string;
  /** In the earlier version, gone now. */
  readonly fixed: readonly Finding[];
  /** Not in the earlier version. */
  readonly new: readonly Finding[];
  readonly unchanged: readonly Finding[];
}

export interface AuditDelta {
  /** By rule id; rules with no finding on either side are left out. */
  readonly rules: readonly RuleDelta[];
  readonly fixed: number;
  readonly new: number;
  readonly unchanged: number;
}

/**
 * A finding is the same problem in both versions when the rule and the element (and field) it
 * points at are the same, even if its message changed: "win rate 8%" becoming "win rate 7%" is
 * still the one problem, not one fixed and one new. Several findings of a rule on one element
 * are paired in order.
 */
function identity(finding: Finding): string {
  const t = finding.target;
  return t.type === 'diagram'
    ? `${finding.ruleId}|diagram`
    : `${finding.ruleId}|${t.type}|${t.id}|${t.field ?? ''}`;
}

export function auditDelta(before: AuditResult, after: AuditResult): AuditDelta {
  const waiting = new Map<string, Finding[]>();
  for (const finding of before.findings) {
    const key = identity(finding);
    const list = waiting.get(key);
    if (list) list.push(finding);
    else waiting.set(key, [finding]);
  }
  const byRule = new Map<string, { fixed: Finding[]; new: Finding[]; unchanged: Finding[] }>();
  const bucket = (ruleId: string) => {
    let entry = byRule.get(ruleId);
    if (!entry) byRule.set(ruleId, (entry = { fixed: [], new: [], unchanged: [] }));
    return entry;
  };
  for (const finding of after.findings) {
    const match = waiting.get(identity(finding));
    if (match && match.length > 0) {
      match.shift();
      bucket(finding.ruleId).unchanged.push(finding);
    } else {
      bucket(finding.ruleId).new.push(finding);
    }
  }
  for (const list of waiting.values()) {
    for (const finding of list) bucket(finding.ruleId).fixed.push(finding);
  }
  const rules = [...byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ruleId, entry]) => ({ ruleId, ...entry }));
  let fixed = 0;
  let added = 0;
  let unchanged = 0;
  for (const rule of rules) {
    fixed += rule.fixed.length;
    added += rule.new.length;
    unchanged += rule.unchanged.length;
  }
  return { rules, fixed, new: added, unchanged };
}

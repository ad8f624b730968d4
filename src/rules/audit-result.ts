import type { Finding, Severity } from './types';

// Apart from the engine (which holds every rule), so that what shows an audit can load at
// start-up while the rules themselves load beside it.

export interface AuditResult {
  /** Errors first, then warnings, then infos; by rule id within a severity. */
  readonly findings: readonly Finding[];
  readonly byNode: ReadonlyMap<string, readonly Finding[]>;
  readonly byEdge: ReadonlyMap<string, readonly Finding[]>;
  readonly counts: Readonly<Record<Severity, number>>;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings as an audit result: sorted (errors first, then by rule id), grouped and counted. */
export function toAuditResult(findings: readonly Finding[]): AuditResult {
  const sorted = [...findings].sort(compareFindings);
  return { findings: sorted, ...groupFindings(sorted) };
}

function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

function groupFindings(findings: readonly Finding[]): Omit<AuditResult, 'findings'> {
  const byNode = new Map<string, Finding[]>();
  const byEdge = new Map<string, Finding[]>();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) {
    counts[finding.severity]++;
    const target = finding.target;
    if (target.type === 'diagram') continue;
    const map = target.type === 'node' ? byNode : byEdge;
    const list = map.get(target.id);
    if (list) list.push(finding);
    else map.set(target.id, [finding]);
  }
  return { byNode, byEdge, counts };
}

import { SEVERITY_ORDER } from '../rules/audit-result';
import type { Finding, Severity } from '../rules/types';
import type { FindingFilter } from '../store/problems-view';

export { SEVERITY_ORDER };

/** Rows the Problems panel renders at once; a 1,000-node diagram can have thousands of findings. */
export const ROW_CAP = 200;

export const SEVERITY_HEADING: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

const NOUN: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** "1 error, 2 warnings": the non-zero counts, worst first. */
export function describeCounts(counts: SeverityCounts): string {
  return SEVERITY_ORDER.filter((severity) => counts[severity] > 0)
    .map((severity) => {
      const n = counts[severity];
      return `${n} ${NOUN[severity][n === 1 ? 0 : 1]}`;
    })
    .join(', ');
}

/** "2 problems: 1 error, 1 warning"; the accessible name of a badge. */
export function describeProblemCount(counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return 'No problems';
  return `${total} problem${total === 1 ? '' : 's'}: ${describeCounts(counts)}`;
}

/** What a badge shows: equal content gives the identical object (see `badgeSummaryOf`). */
export interface BadgeSummary {
  readonly count: number;
  readonly worst: Severity;
  readonly label: string;
  readonly messages: readonly { readonly severity: Severity; readonly message: string }[];
}

const byFindings = new WeakMap<readonly Finding[], BadgeSummary>();
const byContent = new Map<string, BadgeSummary>();
/** Interned summaries are few (one per distinct set of messages); the cap only guards leaks. */
const MAX_INTERNED = 5000;

/**
 * The badge of one node or edge. Every diagram version has a new audit, so its findings arrays
 * are new even when nothing about this element changed; interning by content gives each card
 * the same object back, so a store selector returning it does not re-render the card while
 * another node is dragged.
 */
export function badgeSummaryOf(findings: readonly Finding[] | undefined): BadgeSummary | null {
  if (!findings || findings.length === 0) return null;
  const cached = byFindings.get(findings);
  if (cached) return cached;
  const key = findings.map((f) => `${f.severity}\u0000${f.message}`).join('\u0001');
  let summary = byContent.get(key);
  if (!summary) {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    summary = {
      count: findings.length,
      // Findings come sorted worst first from the engine, but a badge should not rely on that.
      worst: SEVERITY_ORDER.find((severity) => counts[severity] > 0) ?? 'info',
      label: describeProblemCount(counts),
      messages: findings.map(({ severity, message }) => ({ severity, message })),
    };
    if (byContent.size >= MAX_INTERNED) byContent.clear();
    byContent.set(key, summary);
  }
  byFindings.set(findings, summary);
  return summary;
}

/** Identifies a finding across audit runs (findings are rebuilt on every diagram version). */
export function findingKey(finding: Finding): string {
  const { target } = finding;
  const where = target.type === 'diagram' ? 'diagram' : `${target.type}:${target.id}`;
  const field = target.type !== 'diagram' && target.field ? `.${target.field}` : '';
  return `${finding.ruleId}|${where}${field}|${finding.message}`;
}

/** The findings the panel lists: case-insensitive over message and rule id. */
export function filterFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
): readonly Finding[] {
  const query = filter.query.trim().toLowerCase();
  const { target } = filter;
  return findings.filter(
    (finding) =>
      filter.severities[finding.severity] &&
      (!target || (finding.target.type === target.type && finding.target.id === target.id)) &&
      (query === '' ||
        finding.message.toLowerCase().includes(query) ||
        finding.ruleId.includes(query)),
  );
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

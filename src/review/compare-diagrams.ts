import { forecastDiagram, type Estimate } from '../forecast';
import { DRIFT_THRESHOLD, findMetricDrift, type MetricDrift } from '../model/metric-drift';
import type { Diagram } from '../model/schema';
import { runAudit, type AuditResult } from '../rules/engine';
import { auditDelta, type AuditDelta } from './audit-delta';
import { diffDiagrams, type DiagramDiff } from './diff-diagrams';

/** The three sections of a review: what changed, what the audit says now, what the numbers did. */
export interface Comparison {
  readonly diff: DiagramDiff;
  readonly audit: AuditDelta;
  readonly drift: readonly MetricDrift[];
  /** The forecast's new ARR per month in the earlier version and now. */
  readonly newArr: { readonly before: Estimate; readonly after: Estimate };
  readonly currency: string;
  /** Every card's title by id, the newer version's first, so removed cards keep a name. */
  readonly titles: ReadonlyMap<string, string>;
}

export interface CompareOptions {
  /** "Today" for date rules, the same on both sides so the date alone never shows as a change. */
  readonly now?: Date;
  readonly threshold?: number;
  /** Audits already run (the editor has the current one); run here when not given. */
  readonly audits?: { readonly before?: AuditResult; readonly after?: AuditResult };
}

export function compareDiagrams(
  before: Diagram,
  after: Diagram,
  options: CompareOptions = {},
): Comparison {
  const now = options.now ?? new Date();
  const auditBefore = options.audits?.before ?? runAudit(before, { now });
  const auditAfter = options.audits?.after ?? runAudit(after, { now });
  const forecastAfter = forecastDiagram(after);
  return {
    diff: diffDiagrams(before, after),
    audit: auditDelta(auditBefore, auditAfter),
    drift: findMetricDrift(before, after, options.threshold ?? DRIFT_THRESHOLD),
    newArr: { before: forecastDiagram(before).totals.newArr, after: forecastAfter.totals.newArr },
    currency: forecastAfter.currency,
    titles: new Map([...before.nodes, ...after.nodes].map((node) => [node.id, node.title])),
  };
}

import type { Diagram } from '../model/schema';
import { toAuditResult, type AuditResult } from './audit-result';
import type { Finding } from './types';

/** Below this many cards a diagram is a draft: missing layers are where to go next, not errors. */
export const DRAFT_CARDS = 5;
/** "Never reviewed" waits this long after a diagram is started: nobody reviews a day-old draft. */
export const REVIEW_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/** The rules whose findings on a draft are the next steps to take (both name missing layers). */
const NEXT_STEP_RULES: ReadonlySet<string> = new Set(['missing-layer', 'tools-without-icp']);

export interface DraftingOptions {
  /**
   * When the diagram was started, when the caller knows better than `meta.created` (the
   * library's first save, say). With neither, "never reviewed" is not held back.
   */
  readonly createdAt?: Date;
  /** The card being filled in: its findings wait until the user leaves it. */
  readonly editingNodeId?: string;
}

/**
 * The editor's view of an audit while a diagram is being drafted: guided, not scolded. A pure
 * policy over the audit's own result, which it never changes: the CLI, CI and the report keep
 * each rule's severity.
 *
 * - Under five cards, missing-layer (and tools-without-icp) findings become guidance: info,
 *   with their quick fix.
 * - "Never reviewed" waits until the diagram is more than a week old.
 * - Findings about the card being edited wait until the user leaves it.
 * - Every other finding is left as it is.
 */
export function draftingView(
  result: AuditResult,
  diagram: Diagram,
  now: Date,
  options: DraftingOptions = {},
): AuditResult {
  const draft = diagram.nodes.length < DRAFT_CARDS;
  const holdReview = isYoung(diagram, now, options.createdAt) && !diagram.meta.lastReviewed;
  const editing = options.editingNodeId;
  let changed = false;
  const shown: Finding[] = [];
  for (const finding of result.findings) {
    if (holdReview && finding.ruleId === 'review-overdue') {
      changed = true;
      continue;
    }
    if (editing !== undefined && finding.target.type === 'node' && finding.target.id === editing) {
      changed = true;
      continue;
    }
    if (draft && NEXT_STEP_RULES.has(finding.ruleId) && finding.severity !== 'info') {
      changed = true;
      shown.push({ ...finding, severity: 'info' });
      continue;
    }
    shown.push(finding);
  }
  return changed ? toAuditResult(shown) : result;
}

function isYoung(diagram: Diagram, now: Date, createdAt: Date | undefined): boolean {
  const created = createdAt?.getTime() ?? parseDate(diagram.meta.created);
  if (created === undefined) return false;
  return now.getTime() - created < REVIEW_GRACE_DAYS * DAY_MS;
}

function parseDate(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

import { defineRule } from '../types';

/** The diagram is reviewed every quarter (domain §4 step 8, §8.11). */
export const REVIEW_DAYS = 90;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` in UTC, the form the schema stores. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const reviewOverdue = defineRule({
  meta: {
    id: 'review-overdue',
    severity: 'warning',
    layer: 'diagram',
    description: `The diagram was reviewed within the last ${REVIEW_DAYS} days.`,
    why: "A GTM diagram describes a system that drifts: channels fatigue, conversion rates move, the ICP narrows as won and lost deals come in. A diagram nobody has reviewed for a quarter describes last quarter's business, and decisions made from it inherit the gap. A metric that moved more than 15% either way since the last review is the usual sign that an update is due. A diagram that was never reviewed gets a gentler note (info) than one whose review lapsed (warning).",
    howToFix:
      'Review the diagram against the latest won/lost data and metrics, then set its last-reviewed date. The quick fix sets the date to today, for use once the review is done.',
    docs: 'docs/rules.md#review-overdue',
    messages: {
      overdue:
        'The diagram was last reviewed {days} days ago ({date}): review it against the latest won/lost data at least every {max} days.',
      never:
        'The diagram has never been reviewed: set its last-reviewed date after the first review.',
    },
  },
  check(diagram, context) {
    // A blank canvas has nothing to review yet.
    if (diagram.nodes.length === 0) return [];
    const today = isoDate(context.now);
    const fix = {
      label: `Mark as reviewed today (${today})`,
      apply: (current: typeof diagram) => ({
        ...current,
        meta: { ...current.meta, lastReviewed: today },
      }),
    };
    const reviewed = diagram.meta.lastReviewed;
    if (reviewed === undefined) {
      return [{ messageId: 'never', severity: 'info', target: { type: 'diagram' }, fix }];
    }
    const days = Math.floor((context.now.getTime() - Date.parse(reviewed)) / DAY_MS);
    if (!(days > REVIEW_DAYS)) return [];
    return [
      {
        messageId: 'overdue',
        data: { days, date: reviewed, max: REVIEW_DAYS },
        target: { type: 'diagram' },
        fix,
      },
    ];
  },
});

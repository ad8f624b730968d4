import { KIND_LABEL } from '../model/layers';
import { METRIC_LABEL, type MetricKey } from '../model/metrics';
import { toDisplayLine } from '../model/display-text';
import type { DiagramNode, Metric } from '../model/schema';
import { formatMoney } from '../forecast/format';
import type { TextMeasure } from '../io/text-measure';

/** What a card says, the same on the canvas and in the SVG/PNG export. */
export interface CardText {
  /** The card's kind, as its chip names it ("STAGE" is drawn upper-case). */
  readonly kind: string;
  /** The title, or "Untitled"; hidden and direction-changing characters removed. */
  readonly title: string;
  /** One fact a line, most telling first; each is whole, never cut inside a number. */
  readonly facts: readonly string[];
}

const DEFAULT_CURRENCY = 'USD';

/**
 * Metric names as a 196 px card line has room for them: "MQL→SQL 35%" stays whole beside the
 * stage's exit criteria, where "MQL to SQL 35%" lost its number. The inspector keeps the long names.
 */
const CARD_METRIC_LABEL: Readonly<Record<MetricKey, string>> = {
  ...METRIC_LABEL,
  'visitor-to-lead': 'Visitor→lead',
  'lead-to-mql': 'Lead→MQL',
  'mql-to-sql': 'MQL→SQL',
  'demo-to-opportunity': 'Demo→opp.',
  'sales-cycle-days': 'Cycle',
};

function formatMetric(metric: Metric): string {
  const label = CARD_METRIC_LABEL[metric.key];
  if (metric.key === 'sales-cycle-days') return `${label} ${metric.value} days`;
  return `${label} ${Math.round(metric.value * 1000) / 10}%`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const clean = (text: string | undefined | null): string | null =>
  text ? toDisplayLine(text) || null : null;

/**
 * A card's facts per kind: owner and exit criteria of a stage, volume and spend of a channel
 * with their period, a motion's ACV in the diagram's currency, a positioning's problem and
 * differentiator, then the card's metrics.
 */
export function cardText(node: DiagramNode, currency = DEFAULT_CURRENCY): CardText {
  const facts: (string | null)[] = [];
  const metrics = [...(node.data?.metrics ?? [])];
  switch (node.kind) {
    case 'segment':
      facts.push(
        [clean(node.data?.industry), clean(node.data?.employees)].filter(Boolean).join(' · ') ||
          null,
        clean(node.data?.geography),
      );
      break;
    case 'persona':
      facts.push(clean(node.data?.role?.replace(/-/g, ' ')));
      break;
    case 'positioning':
      facts.push(
        clean(node.data?.problem),
        node.data?.differentiator ? `Edge: ${clean(node.data.differentiator)}` : null,
        node.data?.proof ? `Proof: ${clean(node.data.proof)}` : null,
      );
      break;
    case 'channel': {
      const data = node.data;
      const period = data?.period ?? 'month';
      facts.push(
        data?.volume !== undefined
          ? `${data.volume.toLocaleString('en-US')} / ${period}`
          : clean(data?.channelType),
        data?.spend !== undefined ? `Spend ${formatMoney(data.spend, currency)} / ${period}` : null,
      );
      break;
    }
    case 'motion':
      facts.push(
        clean(node.data?.motionType?.replace(/-/g, ' ')),
        node.data?.acv !== undefined ? `ACV ${formatMoney(node.data.acv, currency)}` : null,
      );
      break;
    case 'stage': {
      const criteria = node.data?.exitCriteria?.length ?? 0;
      // The stage's first rate shares the criteria line: it is what the pipeline turns on, so it
      // goes first, and a line too long for the card loses criteria words, never the rate.
      const first = metrics.shift();
      facts.push(
        node.data?.owner ? `Owner: ${clean(node.data.owner)}` : null,
        [first && formatMetric(first), plural(criteria, 'exit criterion', 'exit criteria')]
          .filter(Boolean)
          .join(' · '),
        node.data?.maxDays !== undefined ? `At most ${node.data.maxDays} days` : null,
      );
      break;
    }
    default:
      facts.push(clean(node.data?.vendor));
  }
  for (const metric of metrics) facts.push(formatMetric(metric));
  const kept = facts.filter((fact): fact is string => Boolean(fact));
  if (kept.length === 0 && node.data?.notes) kept.push(toDisplayLine(node.data.notes));
  return {
    kind: KIND_LABEL[node.kind],
    title: toDisplayLine(node.title) || 'Untitled',
    facts: kept,
  };
}

/**
 * `text` cut to `maxWidth` at a word boundary, with an ellipsis: a number, a percentage or an
 * amount is shown whole or not at all ("MQL to SQL 4…" never happens).
 */
export function fitWords(
  text: string,
  font: string,
  maxWidth: number,
  measure: TextMeasure,
): { text: string; cut: boolean } {
  if (measure(text, font) <= maxWidth) return { text, cut: false };
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s·:,;/–-]+$/u, '')}…`;
    if (measure(candidate, font) <= maxWidth) return { text: candidate, cut: true };
  }
  // One word too long for the line (a long name): cut it by characters, never a number.
  const word = words[0] ?? '';
  if (/\d/.test(word)) return { text: '…', cut: true };
  const chars = Array.from(word);
  while (chars.length > 1 && measure(`${chars.join('')}…`, font) > maxWidth) chars.pop();
  return { text: `${chars.join('')}…`, cut: true };
}

import { NODE_HEIGHT, NODE_WIDTH } from '../../model/bands';
import { BADGE_COLORS } from '../../model/badge-palette';
import { LAYER_PALETTE } from '../../model/layer-palette';
import { LAYER_OF_KIND } from '../../model/layers';
import type { DiagramNode } from '../../model/schema';
import { cardText, fitWords } from '../../drawing/card-text';
import type { TextMeasure } from '../text-measure';
import { wrapText } from './text-wrap';
import { escapeXml, num, textLines } from './xml';

export const SVG_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export type BadgeSeverity = 'error' | 'warning' | 'info';
export interface SvgBadge {
  readonly count: number;
  readonly severity: BadgeSeverity;
}

const RADIUS = 10;
const PAD_LEFT = 20;
const PAD_RIGHT = 12;
const TEXT_WIDTH = NODE_WIDTH - PAD_LEFT - PAD_RIGHT;
export const INK = '#0f172a';
export const MUTED = '#475569';

export const FONT = {
  kind: `600 10px ${SVG_FONT_FAMILY}`,
  title: `600 14px ${SVG_FONT_FAMILY}`,
  detail: `400 12px ${SVG_FONT_FAMILY}`,
  label: `500 11px ${SVG_FONT_FAMILY}`,
} as const;

/**
 * One card: the layer's stripe, the kind chip, the title on up to two lines and as many of
 * the card's facts (src/drawing/card-text.ts, as the canvas shows them) as there is room for,
 * each cut at a word. A cut title or fact leaves the full text in a `<title>` tooltip.
 */
export function renderCard(
  node: DiagramNode,
  badge: SvgBadge | undefined,
  measure: TextMeasure,
  currency: string | undefined,
): string {
  const { x, y } = node.position;
  const palette = LAYER_PALETTE[LAYER_OF_KIND[node.kind]];
  const text = cardText(node, currency);
  const kind = text.kind.toUpperCase();
  // letter-spacing 0.04em at 10px adds 0.4px per character.
  const kindWidth = measure(kind, FONT.kind) + kind.length * 0.4;
  const out: string[] = [`<g data-kind="${node.kind}">`];

  const title = wrapText(text.title, FONT.title, TEXT_WIDTH, 2, measure);
  const detailBaseline = y + 46 + Math.max(1, title.lines.length) * 18 + 2;
  const room = Math.max(0, Math.floor((y + NODE_HEIGHT - 10 - detailBaseline) / 16) + 1);
  const facts = text.facts
    .slice(0, room)
    .map((fact) => fitWords(fact, FONT.detail, TEXT_WIDTH, measure));
  const cut = title.truncated || facts.some((fact) => fact.cut) || text.facts.length > room;
  if (cut) out.push(`<title>${escapeXml([text.title, ...text.facts].join(' · '))}</title>`);

  out.push(
    `<rect x="${num(x)}" y="${num(y)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${RADIUS}" fill="#ffffff" stroke="${palette.accent}" stroke-opacity="0.55" stroke-width="1.25"/>`,
    `<rect x="${num(x + 6)}" y="${num(y + 10)}" width="4" height="${NODE_HEIGHT - 20}" rx="2" fill="${palette.accent}"/>`,
    `<rect x="${num(x + PAD_LEFT - 5)}" y="${num(y + 11)}" width="${num(kindWidth + 10)}" height="17" rx="8.5" fill="${palette.soft}"/>`,
    `<text x="${num(x + PAD_LEFT)}" y="${num(y + 23)}" font-size="10" font-weight="600" letter-spacing="0.04em" fill="${palette.text}">${escapeXml(kind)}</text>`,
  );
  if (title.lines.length > 0) {
    out.push(
      textLines(
        title.lines,
        x + PAD_LEFT,
        y + 46,
        18,
        `font-size="14" font-weight="600" fill="${INK}"`,
      ),
    );
  }
  if (facts.length > 0) {
    out.push(
      textLines(
        facts.map((fact) => fact.text),
        x + PAD_LEFT,
        detailBaseline,
        16,
        `font-size="12" fill="${MUTED}"`,
      ),
    );
  }
  if (badge && badge.count > 0) out.push(renderBadge(badge, x + NODE_WIDTH - 2, y + 2));
  out.push('</g>');
  return out.join('');
}

function renderBadge(badge: SvgBadge, cx: number, cy: number): string {
  const count = badge.count > 99 ? '99+' : String(Math.floor(badge.count));
  const noun = badge.severity === 'info' ? 'suggestion' : badge.severity;
  const label = `${badge.count} ${noun}${badge.count === 1 ? '' : 's'}`;
  const r = count.length > 2 ? 13 : 11;
  return (
    `<g><title>${escapeXml(label)}</title>` +
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="${r}" fill="${BADGE_COLORS[badge.severity]}" stroke="#ffffff" stroke-width="2"/>` +
    `<text x="${num(cx)}" y="${num(cy + 4)}" font-size="11" font-weight="700" fill="#ffffff" text-anchor="middle">${count}</text></g>`
  );
}

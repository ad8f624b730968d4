import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { BADGE_COLORS } from '../model/badge-palette';
import { LAYER_PALETTE } from '../model/layer-palette';
import { LAYERS, LAYER_IDS } from '../model/layers';
import type { Diagram } from '../model/schema';
import { AVOID_CARDS_UP_TO, layoutEdges } from '../drawing/edge-layout';
import { labelRect } from '../drawing/label-placement';
import { routeBounds } from '../drawing/route-path';
import { renderCard, SVG_FONT_FAMILY, type SvgBadge } from './svg/card-drawing';
import { renderEdge, renderMarkers } from './svg/edge-drawing';
import { renderLabel } from './svg/label-drawing';
import { HEADER_HEIGHT, headerWidth, renderHeader } from './svg/legend';
import { cleanText, escapeXml } from './svg/xml';
import type { TextMeasure } from './text-measure';

export { BADGE_COLORS, SVG_FONT_FAMILY, escapeXml, type SvgBadge };
export { wrapText } from './svg/text-wrap';

export interface SvgOptions {
  readonly measure: TextMeasure;
  /** Audit findings per node id, drawn as a counter on the card's top-right corner. */
  readonly badges?: ReadonlyMap<string, SvgBadge>;
  readonly background?: string;
  /** The date in the header (YYYY-MM-DD, or a Date); today unless given, none if null. */
  readonly date?: string | Date | null;
}

const MARGIN = 40;
const MIN_WIDTH = 640;

/** A background is a colour and nothing else: hex, a name, or an rgb()/hsl() function. */
const CSS_COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|hsl)a?\([\d\s.,%/a-z]{1,40}\))$/i;

function dateText(date: SvgOptions['date']): string | null {
  if (date === null) return null;
  if (typeof date === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  return (date ?? new Date()).toISOString().slice(0, 10);
}

const count = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The whole diagram as a standalone SVG file, drawn from the model (not from the screen): a
 * header with the name, date and a legend of edge kinds, the five bands, cards, edges along
 * the routes the canvas draws (src/drawing) with their label chips where the canvas puts them,
 * and optional audit badges. Pure and deterministic for a given measurer and date. All text
 * is `<text>`, never foreignObject, so any viewer can show it.
 */
export function toSvg(
  diagram: Diagram,
  options: SvgOptions,
): { svg: string; width: number; height: number } {
  const { measure } = options;
  const currency = diagram.meta.currency;
  const name = cleanText(diagram.name) || 'GTM diagram';

  let minX = Infinity;
  let minY = 0;
  let maxX = -Infinity;
  let maxY = LAYER_IDS.length * BAND_HEIGHT;
  const include = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0 - MARGIN);
    minY = Math.min(minY, y0 - MARGIN);
    maxX = Math.max(maxX, x1 + MARGIN);
    maxY = Math.max(maxY, y1 + MARGIN);
  };
  for (const node of diagram.nodes) {
    const { x, y } = node.position;
    include(x, y, x + NODE_WIDTH, y + NODE_HEIGHT);
  }

  // Only labelled edges have chips here: the canvas's "Add label" prompts are not exported.
  const layout = layoutEdges(
    diagram.nodes,
    diagram.edges,
    undefined,
    undefined,
    diagram.nodes.length <= AVOID_CARDS_UP_TO,
  );
  const edges: string[] = [];
  const labels: string[] = [];
  for (const route of layout.routes.values()) {
    edges.push(renderEdge(route));
    include(...routeBounds(route.points));
    const placed = layout.labels.get(route.edge.id);
    if (placed && route.edge.label) {
      labels.push(renderLabel(route.edge.label, placed, measure));
      const box = labelRect(placed);
      include(box.x, box.y, box.x + box.width, box.y + box.height);
    }
  }

  if (!Number.isFinite(minX)) {
    minX = 0;
    maxX = MIN_WIDTH;
  }
  maxX = Math.max(maxX, minX + MIN_WIDTH, minX + headerWidth(name, measure));
  const left = Math.floor(minX);
  const top = Math.floor(minY) - HEADER_HEIGHT;
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY) - top;

  const bands = LAYERS.map((layer, i) => {
    const palette = LAYER_PALETTE[layer.id];
    const y = i * BAND_HEIGHT;
    const separator =
      i > 0
        ? `<line x1="${left}" y1="${y}" x2="${left + width}" y2="${y}" stroke="#e2e8f0" stroke-width="1"/>`
        : '';
    return (
      `<rect x="${left}" y="${y}" width="${width}" height="${BAND_HEIGHT}" fill="${palette.band}"/>${separator}` +
      `<text x="${left + 16}" y="${y + 28}" font-size="13" font-weight="600" fill="${palette.text}">${escapeXml(layer.label)}</text>`
    );
  }).join('');

  const nodes = diagram.nodes
    .map((node) => renderCard(node, options.badges?.get(node.id), measure, currency))
    .join('\n');
  const requested = options.background ?? '';
  const background = CSS_COLOR.test(requested) ? requested : '#ffffff';
  const date = dateText(options.date);
  const subtitle = [
    date && `Exported ${date}`,
    count(diagram.nodes.length, 'card'),
    count(layout.routes.size, 'edge'),
  ]
    .filter(Boolean)
    .join(' · ');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" font-family="${SVG_FONT_FAMILY}" role="img" aria-labelledby="gtm-title">`,
    `<title id="gtm-title">${escapeXml(name)}</title>`,
    `<defs>${renderMarkers()}</defs>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${escapeXml(background)}"/>`,
    renderHeader(name, subtitle, left, top, measure),
    `<g>${bands}</g>`,
    `<g fill="none">${edges.join('\n')}</g>`,
    `<g>${nodes}</g>`,
    // Chips last: always over cards and edges, as on the canvas.
    `<g>${labels.join('\n')}</g>`,
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width, height };
}

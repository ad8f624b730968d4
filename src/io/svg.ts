import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { KIND_LABEL, LAYERS, LAYER_IDS, LAYER_OF_KIND, type LayerId } from '../model/layers';
import { BADGE_COLORS } from '../model/badge-palette';
import { LAYER_PALETTE } from '../model/layer-palette';
import { METRIC_LABEL, isRateKey } from '../model/metrics';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind } from '../model/schema';
import type { TextMeasure } from './text-measure';

/** The shared layer palette in the shape the renderer uses (fill = chip tint, stroke = accent). */
export const LAYER_COLORS: Readonly<
  Record<LayerId, { fill: string; stroke: string; text: string; band: string }>
> = Object.fromEntries(
  LAYER_IDS.map((layer) => {
    const { accent, soft, band, text } = LAYER_PALETTE[layer];
    return [layer, { fill: soft, stroke: accent, text, band }];
  }),
) as Record<LayerId, { fill: string; stroke: string; text: string; band: string }>;

export const SVG_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export type BadgeSeverity = 'error' | 'warning' | 'info';
export interface SvgBadge {
  readonly count: number;
  readonly severity: BadgeSeverity;
}

export interface SvgOptions {
  readonly measure: TextMeasure;
  /** Audit findings per node id, drawn as a counter on the card's top-right corner. */
  readonly badges?: ReadonlyMap<string, SvgBadge>;
  readonly background?: string;
}

export { BADGE_COLORS };

const EDGE_STYLE: Readonly<Record<EdgeKind, { color: string; width: number; dash?: string }>> = {
  handoff: { color: '#334155', width: 2 },
  dataflow: { color: '#64748b', width: 1.25 },
  feedback: { color: '#6d28d9', width: 2, dash: '7 5' },
};

const MARGIN = 40;
const MIN_WIDTH = 640;
const RADIUS = 10;
const PAD_LEFT = 20;
const PAD_RIGHT = 12;
const TEXT_WIDTH = NODE_WIDTH - PAD_LEFT - PAD_RIGHT;
const INK = '#0f172a';
const MUTED = '#475569';
/** How far a loop back up (feedback) swings out to the right of the cards it joins. */
const LOOP_SWING = 90;
const LABEL_MAX_WIDTH = 160;
/** Wrapping never needs more than this many characters of a long text. */
const WRAP_INPUT_LIMIT = 400;

const FONT = {
  kind: `600 10px ${SVG_FONT_FAMILY}`,
  title: `600 14px ${SVG_FONT_FAMILY}`,
  detail: `400 12px ${SVG_FONT_FAMILY}`,
  label: `500 11px ${SVG_FONT_FAMILY}`,
} as const;

// XML 1.0 cannot hold C0 controls (other than tab/newline), lone surrogates or U+FFFE/FFFF;
// C1 controls and bidi overrides are legal but only serve to disguise text.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe as XML character data and attribute values: it can only ever be shown. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (char) => XML_ENTITY[char] ?? '');
}

/** What is drawn: invalid characters gone and all whitespace runs (newlines too) one space. */
function cleanText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/\s+/g, ' ').trim();
}

/** A background is a colour and nothing else: hex, a name, or an rgb()/hsl() function. */
const CSS_COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|hsl)a?\([\d\s.,%/a-z]{1,40}\))$/i;

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

interface Wrapped {
  readonly lines: string[];
  readonly truncated: boolean;
}

function fitWithEllipsis(text: string, font: string, maxWidth: number, measure: TextMeasure) {
  const chars = Array.from(text.trimEnd());
  while (chars.length > 0 && measure(`${chars.join('')}…`, font) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Splits a word too wide for a line at code points, never inside a surrogate pair. */
function splitWord(word: string, font: string, maxWidth: number, measure: TextMeasure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && measure(current + char, font) > maxWidth) {
      pieces.push(current);
      current = char;
    } else current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedy word wrap into at most `maxLines`, the last line ending in `…` when text is left. */
export function wrapText(
  text: string,
  font: string,
  maxWidth: number,
  maxLines: number,
  measure: TextMeasure,
): Wrapped {
  const clean = cleanText(text);
  const input = clean.length > WRAP_INPUT_LIMIT ? clean.slice(0, WRAP_INPUT_LIMIT) : clean;
  const lines: string[] = [];
  let current = '';
  for (const word of input.split(' ')) {
    if (!word) continue;
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, font) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    const pieces =
      measure(word, font) > maxWidth ? splitWord(word, font, maxWidth, measure) : [word];
    current = pieces.pop() ?? '';
    lines.push(...pieces);
    if (lines.length > maxLines) break;
  }
  if (current) lines.push(current);
  const truncated = lines.length > maxLines || input.length < clean.length;
  if (!truncated) return { lines, truncated };
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  if (last >= 0) kept[last] = fitWithEllipsis(kept[last] ?? '', font, maxWidth, measure);
  return { lines: kept, truncated };
}

function textLines(
  lines: readonly string[],
  x: number,
  firstBaseline: number,
  lineHeight: number,
  attrs: string,
): string {
  if (lines.length === 1) {
    return `<text x="${num(x)}" y="${num(firstBaseline)}" ${attrs}>${escapeXml(lines[0] ?? '')}</text>`;
  }
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${num(x)}" y="${num(firstBaseline + i * lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text ${attrs}>${spans}</text>`;
}

function formatAmount(value: number, currency: string | undefined): string {
  const rounded = Math.round(value).toLocaleString('en-US');
  return currency ? `${rounded} ${currency}` : rounded;
}

/** One line of the facts a card would show on the canvas, most telling first. */
function nodeDetail(node: DiagramNode, currency: string | undefined): string {
  const parts: string[] = [];
  switch (node.kind) {
    case 'segment':
      parts.push(node.data?.industry ?? '', node.data?.employees ?? '', node.data?.geography ?? '');
      break;
    case 'persona':
      parts.push(node.data?.role?.replace(/-/g, ' ') ?? '');
      break;
    case 'positioning':
      parts.push(node.data?.problem ?? '', node.data?.differentiator ?? '');
      break;
    case 'channel': {
      const data = node.data;
      parts.push(data?.channelType ?? '');
      if (data?.volume !== undefined) {
        parts.push(
          `${data.volume.toLocaleString('en-US')}${data.period ? ` / ${data.period}` : ''}`,
        );
      }
      if (data?.spend !== undefined) parts.push(`spend ${formatAmount(data.spend, currency)}`);
      break;
    }
    case 'motion':
      parts.push(node.data?.motionType ?? '');
      if (node.data?.acv !== undefined) parts.push(`ACV ${formatAmount(node.data.acv, currency)}`);
      break;
    case 'stage':
      if (node.data?.owner) parts.push(`owner ${node.data.owner}`);
      if (node.data?.maxDays !== undefined) parts.push(`≤ ${node.data.maxDays} days`);
      break;
    default:
      parts.push(node.data?.vendor ?? '');
  }
  for (const metric of node.data?.metrics ?? []) {
    const value = isRateKey(metric.key)
      ? `${Math.round(metric.value * 1000) / 10}%`
      : `${metric.value} days`;
    parts.push(`${METRIC_LABEL[metric.key]} ${value}`);
  }
  const detail = parts.filter((part) => part.trim()).join(' · ');
  return detail || node.data?.notes || '';
}

function renderNode(
  node: DiagramNode,
  badge: SvgBadge | undefined,
  measure: TextMeasure,
  currency: string | undefined,
): string {
  const { x, y } = node.position;
  const layer = LAYER_OF_KIND[node.kind];
  const colors = LAYER_COLORS[layer];
  const kind = KIND_LABEL[node.kind].toUpperCase();
  // letter-spacing 0.04em at 10px adds 0.4px per character.
  const kindWidth = measure(kind, FONT.kind) + kind.length * 0.4;
  const out: string[] = [`<g data-kind="${node.kind}">`];

  const title = wrapText(node.title, FONT.title, TEXT_WIDTH, 2, measure);
  const detailBaseline = y + 46 + Math.max(1, title.lines.length) * 18 + 2;
  const detailLines = Math.max(0, Math.floor((y + NODE_HEIGHT - 10 - detailBaseline) / 16) + 1);
  const detail = wrapText(
    nodeDetail(node, currency),
    FONT.detail,
    TEXT_WIDTH,
    detailLines,
    measure,
  );
  if (title.truncated || detail.truncated) {
    out.push(`<title>${escapeXml(cleanText(node.title))}</title>`);
  }

  out.push(
    `<rect x="${num(x)}" y="${num(y)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${RADIUS}" fill="#ffffff" stroke="${colors.stroke}" stroke-opacity="0.55" stroke-width="1.25"/>`,
    `<rect x="${num(x + 6)}" y="${num(y + 10)}" width="4" height="${NODE_HEIGHT - 20}" rx="2" fill="${colors.stroke}"/>`,
    `<rect x="${num(x + PAD_LEFT - 5)}" y="${num(y + 11)}" width="${num(kindWidth + 10)}" height="17" rx="8.5" fill="${colors.fill}"/>`,
    `<text x="${num(x + PAD_LEFT)}" y="${num(y + 23)}" font-size="10" font-weight="600" letter-spacing="0.04em" fill="${colors.text}">${escapeXml(kind)}</text>`,
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
  if (detail.lines.length > 0) {
    out.push(
      textLines(detail.lines, x + PAD_LEFT, detailBaseline, 16, `font-size="12" fill="${MUTED}"`),
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

type Point = readonly [number, number];

interface EdgeGeometry {
  readonly points: readonly [Point, Point, Point, Point];
}

/**
 * A cubic from source to target: down the page from the source's bottom to the target's top,
 * sideways between cards on one row, and a loop out to the right for edges that climb back
 * up (feedback), so that they do not cut through every band on the way.
 */
function edgeGeometry(source: DiagramNode, target: DiagramNode): EdgeGeometry {
  const s = source.position;
  const t = target.position;
  const sx = s.x + NODE_WIDTH / 2;
  const tx = t.x + NODE_WIDTH / 2;
  if (t.y >= s.y + NODE_HEIGHT) {
    const sy = s.y + NODE_HEIGHT;
    const k = Math.max(30, (t.y - sy) / 2);
    return {
      points: [
        [sx, sy],
        [sx, sy + k],
        [tx, t.y - k],
        [tx, t.y],
      ],
    };
  }
  if (t.y + NODE_HEIGHT <= s.y) {
    const sy = s.y + NODE_HEIGHT / 2;
    const ty = t.y + NODE_HEIGHT / 2;
    const out = Math.max(s.x, t.x) + NODE_WIDTH + LOOP_SWING;
    return {
      points: [
        [s.x + NODE_WIDTH, sy],
        [out, sy],
        [out, ty],
        [t.x + NODE_WIDTH, ty],
      ],
    };
  }
  const sy = s.y + NODE_HEIGHT / 2;
  const ty = t.y + NODE_HEIGHT / 2;
  const rightward = t.x >= s.x;
  const startX = rightward ? s.x + NODE_WIDTH : s.x;
  const endX = rightward ? t.x : t.x + NODE_WIDTH;
  const k = Math.max(30, Math.abs(endX - startX) / 2) * (rightward ? 1 : -1);
  return {
    points: [
      [startX, sy],
      [startX + k, sy],
      [endX - k, ty],
      [endX, ty],
    ],
  };
}

function pointAt([p0, p1, p2, p3]: EdgeGeometry['points'], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [
    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
  ];
}

type Box = readonly [number, number, number, number];

const CELL = 256;

/** Boxes already drawn, bucketed on a grid so that placing a thousand labels stays linear. */
function createOccupancy() {
  const cells = new Map<string, Box[]>();
  const keys = ([x0, y0, x1, y1]: Box): string[] => {
    const out: string[] = [];
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++) {
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++)
        out.push(`${cx},${cy}`);
    }
    return out;
  };
  return {
    add(box: Box) {
      for (const key of keys(box)) {
        const cell = cells.get(key);
        if (cell) cell.push(box);
        else cells.set(key, [box]);
      }
    },
    overlaps(box: Box): boolean {
      return keys(box).some((key) =>
        (cells.get(key) ?? []).some(
          (other) =>
            box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3],
        ),
      );
    },
  };
}

/** Where along its edge a label goes: the middle, unless a card or another label is there. */
const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

function renderEdge(edge: DiagramEdge, geometry: EdgeGeometry): string {
  const kind = edge.kind ?? 'handoff';
  const style = EDGE_STYLE[kind];
  const [p0, p1, p2, p3] = geometry.points;
  const d = `M${num(p0[0])},${num(p0[1])} C${num(p1[0])},${num(p1[1])} ${num(p2[0])},${num(p2[1])} ${num(p3[0])},${num(p3[1])}`;
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash} marker-end="url(#gtm-arrow-${kind})"/>`;
}

interface LabelBox {
  readonly markup: string;
  readonly box: Box;
}

function renderEdgeLabel(
  label: string,
  geometry: EdgeGeometry,
  occupied: ReturnType<typeof createOccupancy>,
  measure: TextMeasure,
): LabelBox | null {
  const wrapped = wrapText(label, FONT.label, LABEL_MAX_WIDTH, 1, measure);
  const line = wrapped.lines[0];
  if (!line) return null;
  const width = measure(line, FONT.label) + 14;
  const height = 18;
  const boxAt = (point: Point): Box => [
    point[0] - width / 2,
    point[1] - height / 2,
    point[0] + width / 2,
    point[1] + height / 2,
  ];
  const at =
    LABEL_POSITIONS.map((t) => pointAt(geometry.points, t)).find(
      (point) => !occupied.overlaps(boxAt(point)),
    ) ?? pointAt(geometry.points, 0.5);
  const box = boxAt(at);
  occupied.add(box);
  const [left, top] = box;
  const title = wrapped.truncated ? `<title>${escapeXml(cleanText(label))}</title>` : '';
  return {
    markup:
      `<g>${title}<rect x="${num(left)}" y="${num(top)}" width="${num(width)}" height="${height}" rx="9" fill="#ffffff" stroke="#cbd5e1"/>` +
      `<text x="${num(at[0])}" y="${num(at[1] + 4)}" font-size="11" font-weight="500" fill="${INK}" text-anchor="middle">${escapeXml(line)}</text></g>`,
    box,
  };
}

function markers(): string {
  return (Object.keys(EDGE_STYLE) as EdgeKind[])
    .map(
      (kind) =>
        `<marker id="gtm-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_STYLE[kind].color}"/></marker>`,
    )
    .join('');
}

/**
 * The whole diagram as a standalone SVG file, drawn from the model (not from the screen): the
 * five bands, cards, edges with their labels and optional audit badges. Pure and deterministic
 * for a given measurer. All text is `<text>`, never foreignObject, so any viewer can show it.
 */
export function toSvg(
  diagram: Diagram,
  options: SvgOptions,
): { svg: string; width: number; height: number } {
  const { measure } = options;
  const currency = diagram.meta.currency;
  const nodeById = new Map(diagram.nodes.map((node) => [node.id, node]));

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

  const occupied = createOccupancy();
  for (const { position } of diagram.nodes) {
    occupied.add([position.x, position.y, position.x + NODE_WIDTH, position.y + NODE_HEIGHT]);
  }
  const edges: string[] = [];
  const labels: string[] = [];
  for (const edge of diagram.edges) {
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!source || !target) continue;
    const geometry = edgeGeometry(source, target);
    edges.push(renderEdge(edge, geometry));
    // A cubic stays inside the hull of its control points, so these bounds contain it.
    for (const [px, py] of geometry.points) include(px, py, px, py);
    if (edge.label) {
      const label = renderEdgeLabel(edge.label, geometry, occupied, measure);
      if (label) {
        labels.push(label.markup);
        include(...label.box);
      }
    }
  }

  if (!Number.isFinite(minX)) {
    minX = 0;
    maxX = MIN_WIDTH;
  }
  maxX = Math.max(maxX, minX + MIN_WIDTH);
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);
  const left = Math.floor(minX);
  const top = Math.floor(minY);

  const bands = LAYERS.map((layer, i) => {
    const colors = LAYER_COLORS[layer.id];
    const y = i * BAND_HEIGHT;
    const separator =
      i > 0
        ? `<line x1="${left}" y1="${y}" x2="${left + width}" y2="${y}" stroke="#e2e8f0" stroke-width="1"/>`
        : '';
    return (
      `<rect x="${left}" y="${y}" width="${width}" height="${BAND_HEIGHT}" fill="${colors.band}"/>${separator}` +
      `<text x="${left + 16}" y="${y + 28}" font-size="13" font-weight="600" fill="${colors.text}">${escapeXml(layer.label)}</text>`
    );
  }).join('');

  const nodes = diagram.nodes
    .map((node) => renderNode(node, options.badges?.get(node.id), measure, currency))
    .join('\n');
  const requested = options.background ?? '';
  const background = CSS_COLOR.test(requested) ? requested : '#ffffff';
  const name = escapeXml(cleanText(diagram.name) || 'GTM diagram');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" font-family="${SVG_FONT_FAMILY}" role="img" aria-labelledby="gtm-title">`,
    `<title id="gtm-title">${name}</title>`,
    `<defs>${markers()}</defs>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${escapeXml(background)}"/>`,
    `<g>${bands}</g>`,
    `<g fill="none">${edges.join('\n')}</g>`,
    `<g>${nodes}</g>`,
    `<g>${labels.join('\n')}</g>`,
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width, height };
}

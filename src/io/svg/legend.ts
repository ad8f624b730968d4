import { EDGE_STYLE } from '../../drawing/edge-style';
import type { EdgeKind } from '../../model/schema';
import type { TextMeasure } from '../text-measure';
import { INK, MUTED, SVG_FONT_FAMILY } from './card-drawing';
import { escapeXml, num } from './xml';

/** Height of the header above the bands: title, date line and the legend of edge kinds. */
export const HEADER_HEIGHT = 76;

const NAME: Readonly<Record<EdgeKind, string>> = {
  handoff: 'Handoff',
  dataflow: 'Data flow',
  feedback: 'Feedback (round the right side)',
};
const LEGEND_FONT = `400 12px ${SVG_FONT_FAMILY}`;

/**
 * The header of an exported picture: the diagram's name, the date it was drawn and what it
 * holds, and a legend of what each kind of line means (a picture outlives the editor's tooltips).
 */
export function renderHeader(
  name: string,
  subtitle: string,
  left: number,
  top: number,
  measure: TextMeasure,
): string {
  const out = [
    `<text x="${num(left + 16)}" y="${num(top + 26)}" font-size="18" font-weight="700" fill="${INK}">${escapeXml(name)}</text>`,
    `<text x="${num(left + 16)}" y="${num(top + 46)}" font-size="12" fill="${MUTED}">${escapeXml(subtitle)}</text>`,
  ];
  let x = left + 16;
  const y = top + 64;
  for (const kind of Object.keys(EDGE_STYLE) as EdgeKind[]) {
    const style = EDGE_STYLE[kind];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    out.push(
      `<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 28)}" y2="${num(y - 4)}" stroke="${style.color}" stroke-width="${style.width}"${dash} marker-end="url(#${style.marker})"/>`,
      `<text x="${num(x + 36)}" y="${num(y)}" font-size="12" fill="${INK}">${escapeXml(NAME[kind])}</text>`,
    );
    x += 36 + measure(NAME[kind], LEGEND_FONT) + 24;
  }
  return `<g data-part="legend">${out.join('')}</g>`;
}

/** The header's width, so that the picture is never narrower than its legend. */
export function headerWidth(name: string, measure: TextMeasure): number {
  const legend = (Object.keys(EDGE_STYLE) as EdgeKind[]).reduce(
    (width, kind) => width + 36 + measure(NAME[kind], LEGEND_FONT) + 24,
    16,
  );
  return Math.max(legend, 32 + measure(name, `700 18px ${SVG_FONT_FAMILY}`));
}

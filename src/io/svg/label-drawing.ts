import { LABEL_PADDING } from '../../drawing/edge-layout';
import type { PlacedLabel } from '../../drawing/label-placement';
import type { TextMeasure } from '../text-measure';
import { FONT, INK } from './card-drawing';
import { fitWithEllipsis } from './text-wrap';
import { cleanText, escapeXml, num } from './xml';

/**
 * An edge's label chip where the shared layout placed it (src/drawing/label-placement.ts), so
 * the export puts it where the canvas does. A chip too narrow for its text ends in an ellipsis
 * and keeps the whole text in a `<title>`.
 */
export function renderLabel(label: string, placed: PlacedLabel, measure: TextMeasure): string {
  const text = cleanText(label);
  const room = placed.width - LABEL_PADDING;
  const line =
    measure(text, FONT.label) <= room ? text : fitWithEllipsis(text, FONT.label, room, measure);
  const left = placed.x - placed.width / 2;
  const top = placed.y - placed.height / 2;
  const title = line === text ? '' : `<title>${escapeXml(text)}</title>`;
  return (
    `<g data-part="label">${title}<rect x="${num(left)}" y="${num(top)}" width="${num(placed.width)}" height="${placed.height}" rx="${placed.height / 2}" fill="#ffffff" stroke="#cbd5e1"/>` +
    `<text x="${num(placed.x)}" y="${num(placed.y + 4)}" font-size="11" font-weight="500" fill="${INK}" text-anchor="middle">${escapeXml(line)}</text></g>`
  );
}

import { toDisplayLine } from '../../model/display-text';

// XML 1.0 cannot hold C0 controls (other than tab/newline), lone surrogates or U+FFFE/FFFF;
// the display-text sanitiser (model/display-text.ts) already drops the invisible and
// direction-changing characters that only serve to disguise text.
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

/** What is drawn: hidden and invalid characters gone, all whitespace runs one space. */
export function cleanText(text: string): string {
  return toDisplayLine(text.replace(INVALID_XML, '')).trim();
}

/** A coordinate with at most two decimals. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** One `<text>`, or one `<tspan>` per line, from the first baseline down. */
export function textLines(
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

import { KIND_LABEL, LAYERS, LAYER_OF_KIND, type LayerId } from '../model/layers';
import type { Diagram, DiagramNode, EdgeKind } from '../model/schema';
import { LAYER_PALETTE } from '../model/layer-palette';
import { toDisplayText } from '../model/display-text';
import { EDGE_STYLE } from '../drawing/edge-style';

/**
 * Edge kinds keep the look they have on the canvas (drawing/edge-style.ts): a handoff is the
 * plain arrow, a feedback loop is dashed (`-.->`) so the loop the audit looks for (domain §3)
 * reads without colour, and a data flow is a plain arrow drawn thinner and grey by `linkStyle`.
 */
export const MERMAID_ARROWS: Readonly<Record<EdgeKind, string>> = {
  handoff: '-->',
  dataflow: '-->',
  feedback: '-.->',
};

/**
 * Characters written as Mermaid entity codes inside labels. Beyond `"` (which ends the label)
 * these are the ones Mermaid or the Markdown around a fenced block give a meaning to: HTML
 * (`<`, `>`, `&`), edge text (`|`), shapes (`[]{}()`), statements (`;`), comments (`%`),
 * entity codes themselves (`#`) and Markdown strings (backtick). Encoding `#` first matters:
 * a title that reads `#lt;` must show those four characters, not `<`.
 */
const ENTITY: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '|': '#124;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '(': '#40;',
  ')': '#41;',
  ';': '#59;',
  '%': '#37;',
  '`': '#96;',
  '\\': '#92;',
};
const NEEDS_ENTITY = /[#"<>&|[\]{}();%`\\]/g;
// Line breaks would end the statement; other controls and bidi overrides only confuse readers.
// eslint-disable-next-line no-control-regex
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Any text as the inside of a double-quoted Mermaid label: it can only ever be shown. Invisible
 * and direction characters go first (display-text.ts), then line breaks fold to a space.
 */
export function escapeMermaidText(text: string): string {
  return toDisplayText(text)
    .replace(BREAKS_AND_CONTROLS, ' ')
    .replace(NEEDS_ENTITY, (char) => ENTITY[char] ?? '')
    .trim();
}

/** Shapes by role: pipeline stages read as steps, RevOps systems as data stores. */
function shape(node: DiagramNode, label: string): string {
  if (node.kind === 'stage') return `(["${label}"])`;
  if (LAYER_OF_KIND[node.kind] === 'revops') return `[("${label}")]`;
  return `["${label}"]`;
}

function nodeLabel(node: DiagramNode): string {
  const title = escapeMermaidText(node.title);
  const kind = KIND_LABEL[node.kind];
  if (!title || title.toLowerCase() === kind.toLowerCase()) return title || kind;
  return `${title} · ${kind}`;
}

/**
 * The diagram as a Mermaid flowchart: one subgraph per layer that has nodes, in layer order.
 * User ids never reach the output (they may be any of `A-Za-z0-9_.:-`, and `.`/`:` or a
 * trailing `o`/`x` mean something to Mermaid), so nodes get `n0, n1, …` in reading order.
 */
export function toMermaid(diagram: Diagram): string {
  const lines = ['flowchart TB'];
  const safeId = new Map<string, string>();
  const members = new Map<LayerId, string[]>();

  for (const layer of LAYERS) {
    const nodes = diagram.nodes
      .map((node, index) => ({ node, index }))
      .filter(({ node }) => LAYER_OF_KIND[node.kind] === layer.id)
      .sort(
        (a, b) =>
          a.node.position.y - b.node.position.y ||
          a.node.position.x - b.node.position.x ||
          a.index - b.index,
      );
    if (nodes.length === 0) continue;
    lines.push(`  subgraph layer_${layer.id}["${escapeMermaidText(layer.label)}"]`);
    const ids: string[] = [];
    for (const { node } of nodes) {
      const id = `n${safeId.size}`;
      safeId.set(node.id, id);
      ids.push(id);
      lines.push(`    ${id}${shape(node, nodeLabel(node))}`);
    }
    lines.push('  end');
    members.set(layer.id, ids);
  }

  // linkStyle numbers links in the order they are written, from 0.
  const linksOf: Record<EdgeKind, number[]> = { handoff: [], dataflow: [], feedback: [] };
  let links = 0;
  for (const edge of diagram.edges) {
    const source = safeId.get(edge.source);
    const target = safeId.get(edge.target);
    // The parse gate refuses dangling ends; an exporter still must not invent nodes.
    if (source === undefined || target === undefined) continue;
    const kind = edge.kind ?? 'handoff';
    const arrow = MERMAID_ARROWS[kind];
    const label = edge.label === undefined ? '' : escapeMermaidText(edge.label);
    lines.push(`  ${source} ${arrow}${label ? `|"${label}"|` : ''} ${target}`);
    linksOf[kind].push(links++);
  }
  for (const kind of ['dataflow', 'feedback'] as const) {
    if (linksOf[kind].length === 0) continue;
    const style = EDGE_STYLE[kind];
    lines.push(
      `  linkStyle ${linksOf[kind].join(',')} stroke:${style.color},stroke-width:${style.width}px`,
    );
  }

  for (const layer of LAYERS) {
    const ids = members.get(layer.id);
    if (!ids) continue;
    const palette = LAYER_PALETTE[layer.id];
    lines.push(
      `  classDef ${layer.id} fill:${palette.soft},stroke:${palette.accent},color:#0f172a`,
    );
    lines.push(`  class ${ids.join(',')} ${layer.id}`);
  }
  return `${lines.join('\n')}\n`;
}

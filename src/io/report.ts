import { KIND_LABEL, LAYERS, LAYER_OF_KIND } from '../model/layers';
import { METRIC_LABEL, isRateKey } from '../model/metrics';
import type { Diagram, DiagramNode } from '../model/schema';
import { toMermaid } from './mermaid';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Any text as inline Markdown that only shows itself: no HTML, no links or images, no
 * emphasis, and no `|` to break out of a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}()#+!|~]/g, (char) => `\\${char}`);
}

function metricsOf(node: DiagramNode): string {
  return (node.data?.metrics ?? [])
    .map((metric) => {
      const value = isRateKey(metric.key)
        ? `${Math.round(metric.value * 1000) / 10}%`
        : `${metric.value} days`;
      return `${METRIC_LABEL[metric.key]} ${value}`;
    })
    .join(', ');
}

/**
 * The diagram as a Markdown document: name, the Mermaid picture, and an inventory per layer.
 * `extras` will carry the audit findings and the forecast once those sections are written;
 * until then they are accepted and left out.
 */
export function toReport(
  diagram: Diagram,
  _extras: { audit?: unknown; forecast?: unknown } = {},
): string {
  const name = escapeMarkdown(diagram.name) || 'Untitled diagram';
  const out: string[] = [`# ${name}`, ''];
  if (diagram.meta.description) out.push(escapeMarkdown(diagram.meta.description), '');
  const facts: string[] = [];
  if (diagram.meta.companyStage) facts.push(`Company stage: ${diagram.meta.companyStage}`);
  if (diagram.meta.lastReviewed) facts.push(`Last reviewed: ${diagram.meta.lastReviewed}`);
  if (diagram.meta.currency) facts.push(`Currency: ${diagram.meta.currency}`);
  facts.push(`${diagram.nodes.length} nodes, ${diagram.edges.length} edges`);
  out.push(...facts.map((fact) => `- ${fact}`), '');

  out.push('## Diagram', '', '```mermaid', toMermaid(diagram).trimEnd(), '```', '');

  out.push('## Inventory', '');
  for (const layer of LAYERS) {
    const nodes = diagram.nodes.filter((node) => LAYER_OF_KIND[node.kind] === layer.id);
    out.push(`### ${layer.label}`, '');
    if (nodes.length === 0) {
      out.push('_No nodes in this layer._', '');
      continue;
    }
    out.push('| Title | Kind | Metrics |', '| --- | --- | --- |');
    for (const node of nodes) {
      out.push(
        `| ${escapeMarkdown(node.title) || '(untitled)'} | ${KIND_LABEL[node.kind]} | ${metricsOf(node) || '—'} |`,
      );
    }
    out.push('');
  }

  const titleOf = new Map(diagram.nodes.map((node) => [node.id, node.title]));
  if (diagram.edges.length > 0) {
    out.push('## Handoffs', '', '| From | To | Kind | Label |', '| --- | --- | --- | --- |');
    for (const edge of diagram.edges) {
      const from = escapeMarkdown(titleOf.get(edge.source) ?? edge.source);
      const to = escapeMarkdown(titleOf.get(edge.target) ?? edge.target);
      const label = edge.label ? escapeMarkdown(edge.label) : '_(no label)_';
      out.push(`| ${from} | ${to} | ${edge.kind ?? 'handoff'} | ${label} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

import { escapeMarkdown } from '../io/report';
import { KIND_LABEL } from '../model/layers';
import { METRIC_LABEL } from '../model/metrics';
import type { DiagramEdge } from '../model/schema';
import type { Finding } from '../rules/types';
import type { Comparison } from './compare-diagrams';
import { changeText, fieldLabel, metricText, moneyText, valueText } from './field-text';

export interface ComparedNames {
  readonly before: string;
  readonly after: string;
}

/** One line per change, shared by the text and Markdown forms so both list the same things. */
interface Line {
  /** Plain text: the title or label of the element. */
  readonly subject: string;
  readonly detail?: string;
  readonly changes?: readonly { field: string; before: string; after: string }[];
}

interface Section {
  readonly heading: string;
  readonly lines: readonly Line[];
  readonly empty: string;
}

function sections(comparison: Comparison, titleOf: (id: string) => string): Section[] {
  const { diff, audit, drift, newArr, currency } = comparison;
  const edgeName = (edge: Pick<DiagramEdge, 'source' | 'target' | 'label'>) =>
    `${titleOf(edge.source)} → ${titleOf(edge.target)}${edge.label ? ` (${edge.label})` : ''}`;
  const changeLines = [
    ...diff.document.map((c) => ({
      subject: 'Diagram',
      changes: [
        {
          field: fieldLabel(c.field),
          before: valueText(c.field, c.before),
          after: valueText(c.field, c.after),
        },
      ],
    })),
    ...diff.nodes.added.map((n) => ({
      subject: n.title || '(untitled)',
      detail: `added ${KIND_LABEL[n.kind]}`,
    })),
    ...diff.nodes.removed.map((n) => ({
      subject: n.title || '(untitled)',
      detail: `removed ${KIND_LABEL[n.kind]}`,
    })),
    ...diff.nodes.changed.map((n) => ({
      subject: n.title || '(untitled)',
      detail: n.moved ? 'changed (and moved)' : 'changed',
      changes: n.changes.map((c) => ({
        field: fieldLabel(c.field),
        before: valueText(c.field, c.before),
        after: valueText(c.field, c.after),
      })),
    })),
    ...diff.edges.added.map((e) => ({ subject: edgeName(e), detail: 'added handoff' })),
    ...diff.edges.removed.map((e) => ({ subject: edgeName(e), detail: 'removed handoff' })),
    ...diff.edges.changed.map((e) => ({
      subject: edgeName(e.edge),
      detail: 'changed handoff',
      changes: e.changes.map((c) => ({
        field: fieldLabel(c.field),
        before:
          c.field === 'source' || c.field === 'target'
            ? titleOf(String(c.before))
            : valueText(c.field, c.before),
        after:
          c.field === 'source' || c.field === 'target'
            ? titleOf(String(c.after))
            : valueText(c.field, c.after),
      })),
    })),
  ];
  const moved = diff.nodes.moved.length;
  const auditLines = audit.rules.map((rule) => ({
    subject: rule.ruleId,
    detail: `${rule.fixed.length} fixed, ${rule.new.length} new, ${rule.unchanged.length} unchanged`,
  }));
  const driftLines = drift.map((d) => ({
    subject: d.title || '(untitled)',
    detail: `${METRIC_LABEL[d.key]} ${metricText(d.key, d.before)} → ${metricText(d.key, d.after)} (${changeText(d.change)})`,
  }));
  return [
    {
      heading: `Changes${moved > 0 ? ` (${moved} ${moved === 1 ? 'card' : 'cards'} only moved)` : ''}`,
      lines: changeLines,
      empty: 'No cards, handoffs or settings changed.',
    },
    {
      heading: `Audit: ${audit.fixed} fixed, ${audit.new} new, ${audit.unchanged} unchanged`,
      lines: auditLines,
      empty: 'No findings in either version.',
    },
    {
      heading: `Metric drift (over the threshold): new ARR ${moneyText(newArr.before, currency)} then, ${moneyText(newArr.after, currency)} now`,
      lines: driftLines,
      empty: 'No metric moved more than the threshold.',
    },
  ];
}

function titles(comparison: Comparison): (id: string) => string {
  return (id) => comparison.titles.get(id) || id;
}

export function comparisonToText(comparison: Comparison, names: ComparedNames): string {
  const out = [`Compared "${names.before}" with "${names.after}"`];
  for (const section of sections(comparison, titles(comparison))) {
    out.push('', section.heading);
    if (section.lines.length === 0) out.push(`  ${section.empty}`);
    for (const line of section.lines) {
      out.push(`  ${line.subject}${line.detail ? `: ${line.detail}` : ''}`);
      for (const c of line.changes ?? []) out.push(`    ${c.field}: ${c.before} → ${c.after}`);
    }
  }
  return out.join('\n');
}

/** Markdown for a pull request comment; every piece of diagram text goes through escapeMarkdown. */
export function comparisonToMarkdown(comparison: Comparison, names: ComparedNames): string {
  const out = [`## ${escapeMarkdown(names.before)} → ${escapeMarkdown(names.after)}`];
  for (const section of sections(comparison, titles(comparison))) {
    out.push('', `### ${escapeMarkdown(section.heading)}`, '');
    if (section.lines.length === 0) out.push(escapeMarkdown(section.empty));
    for (const line of section.lines) {
      out.push(
        `- **${escapeMarkdown(line.subject)}**${line.detail ? `: ${escapeMarkdown(line.detail)}` : ''}`,
      );
      for (const c of line.changes ?? []) {
        out.push(
          `  - ${escapeMarkdown(c.field)}: ${escapeMarkdown(c.before)} → ${escapeMarkdown(c.after)}`,
        );
      }
    }
  }
  return out.join('\n');
}

/** The same three sections as data, for scripts (`fix` functions and title maps left out). */
export function comparisonToJson(comparison: Comparison, names: ComparedNames): string {
  const finding = (f: Finding) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    target: f.target,
  });
  const { diff, audit, drift, newArr, currency } = comparison;
  return JSON.stringify(
    {
      before: names.before,
      after: names.after,
      changes: diff,
      audit: {
        fixed: audit.fixed,
        new: audit.new,
        unchanged: audit.unchanged,
        rules: audit.rules.map((r) => ({
          ruleId: r.ruleId,
          fixed: r.fixed.map(finding),
          new: r.new.map(finding),
          unchanged: r.unchanged.map(finding),
        })),
      },
      drift,
      newArr: { ...newArr, currency },
    },
    (_key, value: unknown) => (value === Infinity ? 'Infinity' : value),
    2,
  );
}

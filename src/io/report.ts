import {
  forecastDiagram,
  forecastPeriods,
  formatCount,
  formatDays,
  formatEstimate,
  formatMoney,
  formatPercent,
  metricStatus,
  sensitivity,
  unsourcedMetrics,
  type Estimate,
  type Forecast,
  type Sensitivity,
} from '../forecast';
import type { BenchmarkZone } from '../model/benchmarks';
import { KIND_LABEL, LAYERS, LAYER_OF_KIND } from '../model/layers';
import { METRIC_LABEL, isRateKey, type MetricKey } from '../model/metrics';
import type { Diagram, DiagramNode } from '../model/schema';
import { SEVERITY_ORDER, runAudit, ruleById, type AuditResult } from '../rules/engine';
import type { Finding, Severity } from '../rules/types';
import { toMermaid } from './mermaid';
import { commentsSection } from './report-comments';
import { appendAll } from '../model/arrays';
import { toDisplayLine } from '../model/display-text';

/**
 * Bare web addresses and e-mail addresses as GitHub-flavoured Markdown would autolink them
 * (`www.`, a scheme, `name@host.tld`). They go into code spans: a code span is never linked by
 * any renderer, and it keeps the address readable and copyable. A code span ends at a backtick
 * and a table splits at `|`, so the match stops at both.
 */
const LINK_LIKE =
  /(?:\b(?:https?|ftp|mailto|xmpp|file):\/*|\bwww\.)[^\s`|<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Inline punctuation Markdown gives a meaning to, escaped wherever it appears. */
const INLINE_SYNTAX = /[\\`*_[\]{}()#+!|~<>&]/g;

/**
 * Text starting a line could open a block: a list (`-`, `+`, `1.`, `1)`), a thematic break or
 * setext underline (`---`, `===`). `#`, `>`, `*`, `|`, backticks and `~` are escaped everywhere.
 */
const BLOCK_START = /^(?:[-+=]|\d{1,9}(?=[.)]))/;

function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, (char) => `\\${char}`);
}

/**
 * Any text as inline Markdown that only shows itself: on one line, no HTML, no links, images
 * or autolinks, no emphasis, no `|` to break out of a table cell, and nothing that opens a
 * block where it starts a line. Invisible and direction characters go first (display-text.ts).
 * Backslash escapes only, never HTML entities: an entity is markup the reader sees raw.
 */
export function escapeMarkdown(text: string): string {
  const line = toDisplayLine(text);
  let out = '';
  let at = 0;
  for (const match of line.matchAll(LINK_LIKE)) {
    out += escapeInline(line.slice(at, match.index)) + `\`${match[0]}\``;
    at = match.index + match[0].length;
  }
  out += escapeInline(line.slice(at));
  const start = BLOCK_START.exec(out);
  if (!start) return out;
  // "1." → "1\." and "-" → "\-": the marker is kept, its meaning removed.
  return /\d/.test(start[0]) ? `${start[0]}\\${out.slice(start[0].length)}` : `\\${out}`;
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

export interface ReportExtras {
  /** The audit as the editor shows it; run here when not given. */
  readonly audit?: AuditResult;
  readonly forecast?: Forecast;
  readonly sensitivity?: Sensitivity;
  /** "Today" for the audit's review-date rule when the audit is run here. */
  readonly now?: Date;
}

const SEVERITY_HEADING: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Suggestions',
};

const ZONE_TEXT: Readonly<Record<BenchmarkZone, string>> = {
  within: 'Within benchmark',
  above: 'Better than benchmark',
  below: 'Worse than benchmark',
  'red-flag': 'Red flag',
  none: 'No benchmark',
};

const DRIVERS_SHOWN = 5;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function countsText(counts: Readonly<Record<Severity, number>>): string {
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.info, 'suggestion'),
  ];
  return parts.join(', ');
}

function metricValue(key: MetricKey, value: number): string {
  return key === 'sales-cycle-days' ? formatDays(value) : formatPercent(value);
}

function summary(audit: AuditResult, forecast: Forecast): string[] {
  const { totals } = forecast;
  const money = (value: number) => formatMoney(value, forecast.currency);
  const total = audit.findings.length;
  const out = ['## Summary', ''];
  out.push(
    total === 0
      ? '- Audit: no findings.'
      : `- Audit: ${plural(total, 'finding')} (${countsText(audit.counts)}).`,
  );
  out.push(
    `- Forecast: ${formatEstimate(totals.leads, formatCount)} leads / month, ` +
      `${formatEstimate(totals.won, formatCount)} won deals / month, ` +
      `${formatEstimate(totals.newArr, money)} new ARR / month.`,
  );
  if (forecast.unknowns.length > 0) {
    out.push(`- Figures shown as ? are unknown; the Forecast section says what is missing.`);
  }
  out.push('');
  return out;
}

function auditSection(audit: AuditResult): string[] {
  const out = ['## Audit', ''];
  if (audit.findings.length === 0) {
    out.push('No findings: every rule that ran is satisfied.', '');
    return out;
  }
  for (const severity of SEVERITY_ORDER) {
    const findings = audit.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    out.push(`### ${SEVERITY_HEADING[severity]} (${findings.length})`, '');
    const byRule = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = byRule.get(finding.ruleId);
      if (list) list.push(finding);
      else byRule.set(finding.ruleId, [finding]);
    }
    for (const [ruleId, list] of byRule) {
      const meta = ruleById(ruleId)?.meta;
      out.push(`#### ${escapeMarkdown(meta?.description ?? ruleId)}`, '');
      out.push(`Rule \`${ruleId.replace(/[^a-z0-9-]/g, '')}\``, '');
      appendAll(
        out,
        list.map((finding) => `- ${escapeMarkdown(finding.message)}`),
      );
      out.push('');
      if (meta) {
        out.push(`**Why it matters.** ${escapeMarkdown(meta.why)}`, '');
        out.push(`**How to fix.** ${escapeMarkdown(meta.howToFix)}`, '');
      }
    }
  }
  return out;
}

function metricsSection(diagram: Diagram): string[] {
  const rows: string[] = [];
  for (const node of diagram.nodes) {
    for (const metric of node.data?.metrics ?? []) {
      const status = metricStatus(metric.value, metric.key, diagram);
      const against = status.text
        ? `${ZONE_TEXT[status.zone]} · ${status.text}`
        : ZONE_TEXT[status.zone];
      rows.push(
        `| ${escapeMarkdown(node.title) || '(untitled)'} | ${METRIC_LABEL[metric.key]} | ${metricValue(metric.key, metric.value)} | ${escapeMarkdown(against)} |`,
      );
    }
  }
  const out = ['## Metrics', ''];
  if (rows.length === 0) {
    out.push('_No node carries a metric yet._', '');
    return out;
  }
  out.push('| Node | Metric | Value | Against benchmark |', '| --- | --- | --- | --- |');
  appendAll(out, rows);
  out.push('');
  const unsourced = unsourcedMetrics(diagram);
  if (unsourced.length > 0) {
    out.push('Assumptions (metrics with no source):', '');
    for (const metric of unsourced) {
      out.push(
        `- ${escapeMarkdown(metric.nodeTitle) || '(untitled)'}: ${METRIC_LABEL[metric.key]} ${metricValue(metric.key, metric.value)}`,
      );
    }
    out.push('');
  }
  return out;
}

function forecastSection(forecast: Forecast, drivers: Sensitivity): string[] {
  const money = (value: number) => formatMoney(value, forecast.currency);
  const show = (estimate: Estimate | null, format: (value: number) => string) =>
    estimate ? formatEstimate(estimate, format) : '—';
  // Every figure carries its unit and period, so a table cell read alone still says "per what".
  const monthly = (estimate: Estimate | null, format: (value: number) => string) =>
    estimate ? `${formatEstimate(estimate, format)} / month` : '—';
  const out = [`## Forecast`, '', `In ${forecast.currency}. ? marks an unknown figure.`, ''];

  out.push('### Channels', '');
  if (forecast.channels.length === 0) out.push('_No channels._', '');
  else {
    out.push(
      '| Channel | Volume × conversion | Leads → won | Spend · CAC |',
      '| --- | --- | --- | --- |',
    );
    for (const c of forecast.channels) {
      out.push(
        `| ${escapeMarkdown(c.title) || '(untitled)'} | ${monthly(c.volumePerMonth, formatCount)} × ${show(c.conversion, formatPercent)} | ${monthly(c.leads, formatCount)} → ${monthly(c.won, formatCount)} | ${monthly(c.spendPerMonth, money)} · CAC ${show(c.cac, money)} / won deal |`,
      );
    }
    out.push('');
  }

  out.push('### Stages', '');
  if (forecast.stages.length === 0) out.push('_No pipeline stages._', '');
  else {
    out.push('| Stage | Rate | In | Out |', '| --- | --- | --- | --- |');
    for (const s of forecast.stages) {
      const rate = s.isClose
        ? 'Close'
        : s.rateKey
          ? `${METRIC_LABEL[s.rateKey]} ${show(s.rate, formatPercent)}`
          : 'No rate';
      out.push(
        `| ${escapeMarkdown(s.title) || '(untitled)'} | ${rate} | ${monthly(s.inflow, formatCount)} | ${monthly(s.outflow, formatCount)} |`,
      );
    }
    out.push('');
  }

  const { totals } = forecast;
  const periods = forecastPeriods(forecast);
  out.push(
    '### Totals',
    '',
    '| Figure | Per month | Per quarter | Per year |',
    '| --- | --- | --- | --- |',
  );
  for (const row of periods.rows) {
    const format = row.money ? money : formatCount;
    out.push(
      `| ${row.label} | ${show(row.month, format)} / month | ${show(row.quarter, format)} / quarter | ${show(row.year, format)} / year |`,
    );
  }
  out.push(
    '',
    `- ACV: ${show(forecast.acv, money)} / year per deal`,
    `- Sales cycle: ${show(forecast.salesCycleDays, formatDays)}`,
    `- Sales velocity: ${show(totals.salesVelocity, money)} / day`,
    '',
  );
  if (forecast.unknowns.length > 0) {
    out.push('Unknown because:', '');
    appendAll(
      out,
      forecast.unknowns.map((r) => `- ${escapeMarkdown(r)}`),
    );
    out.push('');
  }
  if (forecast.notes.length > 0) {
    out.push('Notes:', '');
    appendAll(
      out,
      forecast.notes.map((n) => `- ${escapeMarkdown(n)}`),
    );
    out.push('');
  }
  if (drivers.drivers.length > 0) {
    out.push(
      `### What moves new ARR most`,
      '',
      `Each input moved ${formatPercent(drivers.delta)} down and up.`,
      '',
    );
    if (drivers.explanation) out.push(escapeMarkdown(drivers.explanation), '');
    out.push('| Input | New ARR, input lower | New ARR, input higher |', '| --- | --- | --- |');
    for (const d of drivers.drivers.slice(0, DRIVERS_SHOWN)) {
      out.push(
        `| ${escapeMarkdown(d.label)} | ${money(d.arrLow)} / month | ${money(d.arrHigh)} / month |`,
      );
    }
    out.push('');
  }
  return out;
}

const SEGMENT_FIELDS = [
  ['industry', 'Industry'],
  ['employees', 'Employees'],
  ['revenue', 'Revenue'],
  ['techStack', 'Tech stack'],
  ['geography', 'Geography'],
  ['growthSignals', 'Growth signals'],
] as const;

function listText(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  const items = typeof value === 'string' ? [value] : value;
  return items
    .map((item) => escapeMarkdown(item))
    .filter((item) => item !== '')
    .join('; ');
}

/** What defines each segment (domain §2): the firmographics a reader checks the ICP against. */
function segmentsSection(diagram: Diagram): string[] {
  const segments = diagram.nodes.filter((node) => node.kind === 'segment');
  if (segments.length === 0) return [];
  const out = ['## Segments', ''];
  for (const node of segments) {
    out.push(`### ${escapeMarkdown(node.title) || '(untitled)'}`, '');
    const data = node.kind === 'segment' ? (node.data ?? {}) : {};
    const facts = SEGMENT_FIELDS.map(([key, label]) => [label, listText(data[key])] as const);
    const filled = facts.filter(([, text]) => text !== '');
    if (filled.length === 0) out.push('_No segment fields filled in._', '');
    else {
      for (const [label, text] of filled) out.push(`- ${label}: ${text}`);
      out.push('');
    }
  }
  return out;
}

/** Each stage's owner, exit criteria and next action (domain §6): the seams of the pipeline. */
function stagesSection(diagram: Diagram): string[] {
  const stages = diagram.nodes.filter((node) => node.kind === 'stage');
  if (stages.length === 0) return [];
  const out = [
    '## Pipeline stages',
    '',
    '| Stage | Owner | Exit criteria | Next action |',
    '| --- | --- | --- | --- |',
  ];
  for (const node of stages) {
    const data = node.kind === 'stage' ? (node.data ?? {}) : {};
    const cell = (text: string) => text || '—';
    out.push(
      `| ${escapeMarkdown(node.title) || '(untitled)'} | ${cell(listText(data.owner))} | ${cell(listText(data.exitCriteria))} | ${cell(listText(data.nextAction))} |`,
    );
  }
  out.push('');
  return out;
}

/**
 * The diagram as a Markdown document: facts, a summary, the audit findings grouped by severity
 * with each rule's reason, the forecast, the metrics against their benchmarks, the Mermaid
 * picture, an inventory per layer and the handoffs. Every text from the file goes through
 * `escapeMarkdown`, so a hostile title can only ever be read.
 */
export function toReport(diagram: Diagram, extras: ReportExtras = {}): string {
  const audit = extras.audit ?? runAudit(diagram, extras.now ? { now: extras.now } : {});
  const forecast = extras.forecast ?? forecastDiagram(diagram);
  const drivers = extras.sensitivity ?? sensitivity(diagram);
  const name = escapeMarkdown(diagram.name) || 'Untitled diagram';
  const out: string[] = [`# ${name}`, ''];
  if (diagram.meta.description) out.push(escapeMarkdown(diagram.meta.description), '');
  const facts: string[] = [];
  if (diagram.meta.companyStage) facts.push(`Company stage: ${diagram.meta.companyStage}`);
  if (diagram.meta.lastReviewed) facts.push(`Last reviewed: ${diagram.meta.lastReviewed}`);
  if (diagram.meta.currency) facts.push(`Currency: ${diagram.meta.currency}`);
  facts.push(`${plural(diagram.nodes.length, 'node')}, ${plural(diagram.edges.length, 'edge')}`);
  appendAll(
    out,
    facts.map((fact) => `- ${fact}`),
  );
  out.push('');

  appendAll(out, summary(audit, forecast));
  appendAll(out, auditSection(audit));
  appendAll(out, forecastSection(forecast, drivers));
  appendAll(out, metricsSection(diagram));
  appendAll(out, segmentsSection(diagram));
  appendAll(out, stagesSection(diagram));
  appendAll(out, commentsSection(diagram));

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

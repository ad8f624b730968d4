import {
  forecastDiagram,
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
    `- Forecast per month: ${formatEstimate(totals.leads, formatCount)} leads, ` +
      `${formatEstimate(totals.won, formatCount)} won deals, ` +
      `${formatEstimate(totals.newArr, money)} new ARR.`,
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
      out.push(...list.map((finding) => `- ${escapeMarkdown(finding.message)}`), '');
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
  out.push(
    '| Node | Metric | Value | Against benchmark |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  );
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
  const out = [
    `## Forecast`,
    '',
    `Per month, in ${forecast.currency}. ? marks an unknown figure.`,
    '',
  ];

  out.push('### Channels', '');
  if (forecast.channels.length === 0) out.push('_No channels._', '');
  else {
    out.push(
      '| Channel | Volume × conversion | Leads → won | Spend · CAC |',
      '| --- | --- | --- | --- |',
    );
    for (const c of forecast.channels) {
      out.push(
        `| ${escapeMarkdown(c.title) || '(untitled)'} | ${show(c.volumePerMonth, formatCount)} × ${show(c.conversion, formatPercent)} | ${show(c.leads, formatCount)} → ${show(c.won, formatCount)} | ${show(c.spendPerMonth, money)} · CAC ${show(c.cac, money)} |`,
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
        `| ${escapeMarkdown(s.title) || '(untitled)'} | ${rate} | ${show(s.inflow, formatCount)} | ${show(s.outflow, formatCount)} |`,
      );
    }
    out.push('');
  }

  const { totals } = forecast;
  out.push(
    '### Totals',
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Leads | ${show(totals.leads, formatCount)} |`,
    `| MQLs | ${show(totals.mql, formatCount)} |`,
    `| SQLs | ${show(totals.sql, formatCount)} |`,
    `| Opportunities | ${show(totals.opportunities, formatCount)} |`,
    `| Won deals | ${show(totals.won, formatCount)} |`,
    `| New ARR | ${show(totals.newArr, money)} |`,
    `| ACV | ${show(forecast.acv, money)} |`,
    `| Sales cycle | ${show(forecast.salesCycleDays, formatDays)} |`,
    `| Sales velocity | ${show(totals.salesVelocity, money)} per day |`,
    '',
  );
  if (forecast.unknowns.length > 0) {
    out.push('Unknown because:', '', ...forecast.unknowns.map((r) => `- ${escapeMarkdown(r)}`), '');
  }
  if (forecast.notes.length > 0) {
    out.push('Notes:', '', ...forecast.notes.map((n) => `- ${escapeMarkdown(n)}`), '');
  }
  if (drivers.drivers.length > 0) {
    out.push(
      `### What moves new ARR most`,
      '',
      `Each input moved ${formatPercent(drivers.delta)} down and up.`,
      '',
      '| Input | New ARR, input lower | New ARR, input higher |',
      '| --- | --- | --- |',
      ...drivers.drivers
        .slice(0, DRIVERS_SHOWN)
        .map((d) => `| ${escapeMarkdown(d.label)} | ${money(d.arrLow)} | ${money(d.arrHigh)} |`),
      '',
    );
  }
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
  out.push(...facts.map((fact) => `- ${fact}`), '');

  out.push(...summary(audit, forecast));
  out.push(...auditSection(audit));
  out.push(...forecastSection(forecast, drivers));
  out.push(...metricsSection(diagram));

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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastDiagram } from '../forecast';
import type { Diagram } from '../model/schema';
import { ruleById, runAudit } from '../rules/engine';
import { parseDiagramFile } from './parse-file';
import { escapeMarkdown, toReport } from './report';

function fixture(name: string): Diagram {
  const parsed = parseDiagramFile(readFileSync(`tests/fixtures/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
  return parsed.diagram;
}

describe('toReport', () => {
  it('writes the name, the Mermaid picture and an inventory per layer', () => {
    const report = toReport(fixture('export-template'));
    expect(report).toMatch(/^# Acme GTM — FY26\n\nSales-led motion for mid-market SaaS\.\n/);
    expect(report).toContain('```mermaid\nflowchart TB\n');
    for (const heading of ['ICP & personas', 'Positioning', 'Channels', 'Sales motion', 'RevOps']) {
      expect(report).toContain(`### ${heading}\n`);
    }
    expect(report).toContain('| Closed-won | Stage | Win rate 20%, Sales cycle (days) 60 days |');
    expect(report).toContain('| CRM | Mid-market SaaS, 200-1,000 employees | feedback |');
  });

  it('says when a layer is empty', () => {
    const diagram: Diagram = { ...fixture('export-template'), nodes: [], edges: [] };
    expect(toReport(diagram)).toContain('### Channels\n\n_No nodes in this layer._\n');
  });

  it('keeps hostile text inert: no HTML, no table breakouts, fence intact', () => {
    const report = toReport(fixture('hostile-strings'));
    // A `<` only opens HTML when it is not backslash-escaped.
    expect(report).not.toMatch(/(?<!\\)<(?:script|iframe|!--)/i);
    // User text that reads "&amp;" stays those five characters: the & is escaped, never an entity.
    expect(report).not.toMatch(/(?<!\\)&(?:lt|gt|amp|quot);/);
    const fences = report.split('\n').filter((line) => line.startsWith('```'));
    expect(fences).toEqual(['```mermaid', '```']);
    for (const row of report.split('\n').filter((line) => line.startsWith('| '))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBeGreaterThanOrEqual(4);
      expect(row.replace(/\\\|/g, '').split('|').length).toBeLessThanOrEqual(6);
    }
  });
});

describe('escapeMarkdown', () => {
  it('escapes markup and flattens line breaks', () => {
    expect(escapeMarkdown('<b>*x*</b> | [a](javascript:1)\n# h')).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\]\\(javascript:1\\) \\# h',
    );
  });
});

describe('toReport: audit, metrics and forecast', () => {
  const now = new Date('2026-03-01T00:00:00Z');

  it('opens with a summary of the audit counts and the forecast headline', () => {
    const diagram = fixture('forecast-direct-vs-partner');
    const { counts, findings } = runAudit(diagram, { now });
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(toReport(diagram, { now })).toContain(
      `## Summary\n\n- Audit: ${plural(findings.length, 'finding')} (${plural(counts.error, 'error')}, ` +
        `${plural(counts.warning, 'warning')}, ${plural(counts.info, 'suggestion')}).\n` +
        '- Forecast: 105 leads / month, 2.63 won deals / month, $63,000 new ARR / month.\n',
    );
  });

  it('groups findings by severity, errors first, each rule with its reason', () => {
    const diagram = fixture('audit-broken');
    const report = toReport(diagram, { now });
    const { counts } = runAudit(diagram, { now });
    expect(counts.error * counts.warning * counts.info).toBeGreaterThan(0);
    const errors = report.indexOf(`### Errors (${counts.error})`);
    const warnings = report.indexOf(`### Warnings (${counts.warning})`);
    const suggestions = report.indexOf(`### Suggestions (${counts.info})`);
    expect(errors).toBeGreaterThan(report.indexOf('## Audit'));
    expect(warnings).toBeGreaterThan(errors);
    expect(suggestions).toBeGreaterThan(warnings);
    const enrichment = ruleById('missing-enrichment')!.meta;
    const section = report.slice(report.indexOf(`#### ${enrichment.description}`));
    expect(section).toMatch(
      /^#### .*\n\nRule `missing-enrichment`\n\n- Leads from “Cold email” reach sales without enrichment/,
    );
    expect(section).toContain(`**Why it matters.** ${escapeMarkdown(enrichment.why)}`);
    expect(section).toContain(`**How to fix.** ${escapeMarkdown(enrichment.howToFix)}`);
    // Every finding the engine reports is listed once.
    const audit = runAudit(diagram, { now });
    for (const finding of audit.findings) {
      expect(report).toContain(`- ${escapeMarkdown(finding.message)}\n`);
    }
  });

  it('uses the audit and forecast it is given, as the editor does', () => {
    const diagram = fixture('export-template');
    const audit = runAudit(diagram, { rules: [] });
    const report = toReport(diagram, { audit, forecast: forecastDiagram(diagram) });
    expect(report).toContain('- Audit: no findings.');
    expect(report).toContain('## Audit\n\nNo findings: every rule that ran is satisfied.\n');
  });

  it('lists every metric against its benchmark, and the ones with no source', () => {
    const report = toReport(fixture('audit-broken'), { now });
    expect(report).toContain('| Node | Metric | Value | Against benchmark |');
    expect(report).toContain(
      '| Cold email | Reply rate | 0.5% | Red flag · Benchmark 2–5%, red flag below 1% |',
    );
    expect(report).toMatch(
      /Assumptions \(metrics with no source\):\n\n- Cold email: Reply rate 0\.5%/,
    );
  });

  it('writes the forecast: channels, stages, totals, unknowns and what moves ARR', () => {
    const report = toReport(fixture('forecast-direct-vs-partner'), { now });
    expect(report).toContain(
      '| Direct: cold email | 2,167 / month × 3% | 65 / month → 1.63 / month | $6,500 / month · CAC $4,000 / won deal |',
    );
    expect(report).toContain('| Opportunity | Win rate 25% | 10.5 / month | 2.63 / month |');
    expect(report).toContain('| Closed won | Close | 2.63 / month | 2.63 / month |');
    expect(report).toContain(
      '| New ARR | $63,000 / month | $189,000 / quarter | $756,000 / year |',
    );
    expect(report).toContain('- Sales velocity: $1,050 / day');
    expect(report).toContain('| Lead · Lead to MQL | $50,400 / month | $75,600 / month |');

    const partial = toReport(fixture('export-template'), { now });
    expect(partial).toContain('| Won deals | ? / month | ? / quarter | ? / year |');
    expect(partial).toContain('Unknown because:\n\n- Stage "SQL" has no rate.\n');
  });

  it('keeps hostile titles inert inside findings, metrics and forecast too', () => {
    const base = fixture('hostile-strings');
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) | **b**';
    const diagram: Diagram = {
      ...base,
      nodes: base.nodes.map((node) =>
        node.kind === 'channel' || node.kind === 'stage'
          ? ({
              ...node,
              title: hostile,
              data: { metrics: [{ key: 'win-rate', value: 0.01 }] },
            } as Diagram['nodes'][number])
          : node,
      ),
    };
    const report = toReport(diagram, { now });
    expect(report).not.toMatch(/(?<!\\)<(?:img|script|iframe)|\]\(javascript:/i);
    expect(report).toContain(
      '\\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\) \\| \\*\\*b\\*\\*',
    );
    for (const row of report.split('\n').filter((line) => line.startsWith('| '))) {
      const cells = row.replace(/\\\|/g, '').split('|').length;
      expect(cells).toBeGreaterThanOrEqual(4);
      expect(cells).toBeLessThanOrEqual(6);
    }
    const headings = report.split('\n').filter((line) => /^#+ /.test(line));
    expect(headings.every((line) => !line.includes('\n'))).toBe(true);
  });
});

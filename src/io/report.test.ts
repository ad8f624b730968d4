import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/schema';
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
    expect(report).not.toMatch(/<script|<iframe|<!--/i);
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
      '&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\]\\(javascript:1\\) \\# h',
    );
  });
});

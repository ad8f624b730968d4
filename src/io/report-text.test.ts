import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/schema';
import { CURRENT_VERSION } from '../model/version';
import { escapeMarkdown, toReport } from './report';

describe('escapeMarkdown: user text cannot restructure the report', () => {
  it.each([
    ['--- a thematic break', '\\--- a thematic break'],
    ['=== a setext underline', '\\=== a setext underline'],
    ['- a list item', '\\- a list item'],
    ['+ a list item', '\\+ a list item'],
    ['* a list item', '\\* a list item'],
    ['1. an ordered list', '1\\. an ordered list'],
    ['2026) an ordered list', '2026\\) an ordered list'],
    ['# a heading', '\\# a heading'],
    ['> a quote', '\\> a quote'],
    ['| a | table |', '\\| a \\| table \\|'],
    ['```js', '\\`\\`\\`js'],
    ['~~~', '\\~\\~\\~'],
  ])('%s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('puts bare URLs and e-mail addresses in code spans, so no renderer links them', () => {
    expect(escapeMarkdown('Book at https://evil.example/x?a=1 now')).toBe(
      'Book at `https://evil.example/x?a=1` now',
    );
    expect(escapeMarkdown('see www.evil.example')).toBe('see `www.evil.example`');
    expect(escapeMarkdown('mail ceo@evil.example.com today')).toBe(
      'mail `ceo@evil.example.com` today',
    );
    // A code span ends at a backtick and a table splits at |: the span stops before both.
    expect(escapeMarkdown('http://a.example|b`c')).toBe('`http://a.example`\\|b\\`c');
  });

  it('writes no HTML entities: a & or < is backslash-escaped', () => {
    expect(escapeMarkdown('R&D <b>')).toBe('R\\&D \\<b\\>');
  });

  it('removes invisible and direction characters before escaping', () => {
    expect(escapeMarkdown('\u202eSDR\u200b \u2066lead\u2069\ufeff')).toBe('SDR lead');
  });
});

function reportDiagram(): Diagram {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Report',
    meta: { currency: 'EUR' },
    nodes: [
      {
        id: 'seg',
        kind: 'segment',
        title: 'Mid-market',
        position: { x: 0, y: 0 },
        data: {
          industry: 'Logistics',
          employees: '200-1,000',
          techStack: ['Salesforce', 'Snowflake'],
          geography: 'DACH',
        },
      },
      {
        id: 'sql',
        kind: 'stage',
        title: 'SQL',
        position: { x: 0, y: 0 },
        data: {
          owner: 'SDR team',
          exitCriteria: ['Budget confirmed', 'Decision maker met'],
          nextAction: 'Book discovery',
        },
      },
    ],
    edges: [],
  };
}

describe('toReport', () => {
  it('shows segment fields and each stage’s owner, exit criteria and next action', () => {
    const report = toReport(reportDiagram(), { now: new Date('2026-12-01') });
    expect(report).toContain(
      '## Segments\n\n### Mid-market\n\n- Industry: Logistics\n- Employees: 200-1,000\n- Tech stack: Salesforce; Snowflake\n- Geography: DACH\n',
    );
    expect(report).toContain(
      '| SQL | SDR team | Budget confirmed; Decision maker met | Book discovery |',
    );
  });

  it('puts a period on every forecast figure, in the diagram’s currency', () => {
    const report = toReport(reportDiagram(), { now: new Date('2026-12-01') });
    const totals = report.slice(report.indexOf('### Totals'), report.indexOf('## Metrics'));
    for (const row of totals.split('\n').filter((line) => /^\| (Leads|Spend|New ARR)/.test(line))) {
      expect(row).toMatch(/\/ month \| .* \/ quarter \| .* \/ year \|$/);
    }
    expect(report).toContain('- Sales velocity: ? / day');
  });
});

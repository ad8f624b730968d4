import { describe, expect, it } from 'vitest';
import { addThread, setThreadResolved } from '../model/edits/comment-edits';
import { TEST_NOW } from '../testing/rule-tester';
import { cleanDiagram } from '../testing/test-diagrams';
import { escapeMarkdown, toReport } from './report';

const at = '2026-11-20T09:30:00Z';

describe('the Markdown report and comments', () => {
  it('lists open threads before resolved ones, with every comment escaped', () => {
    const hostile = '<script>alert(1)</script> [click](javascript:x) **loud** | cell';
    let d = addThread(
      cleanDiagram(),
      { type: 'edge', id: 'e-pos-email' },
      { author: 'Ben', text: 'Settled.', at },
      't1',
    );
    d = setThreadResolved(d, 't1', true);
    d = addThread(
      d,
      { type: 'node', id: 'stage-mql' },
      { author: '<b>Ana</b>', text: hostile, at },
      't2',
    );
    const report = toReport(d, { now: TEST_NOW });
    const section = report.slice(report.indexOf('## Comments'));
    expect(section).toMatch(/^## Comments\n\n1 open, 1 resolved\.\n\n### Stage “MQL”\n\n> /);
    expect(section).toContain(
      `> **${escapeMarkdown('<b>Ana</b>')}**, 2026-11-20: ${escapeMarkdown(hostile)}`,
    );
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('](javascript');
    expect(section.indexOf('### Stage “MQL”')).toBeLessThan(section.indexOf('(resolved)'));
  });

  it('leaves the section out when there are no comments', () => {
    expect(toReport(cleanDiagram(), { now: TEST_NOW })).not.toContain('## Comments');
  });
});

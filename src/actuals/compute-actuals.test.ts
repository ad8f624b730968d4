import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../io/parse-file';
import { MAX_STUCK_LISTED } from './compute-actuals';
import { formatDay, parseIsoDay } from './dates';
import { importDeals } from './import-deals';

const parsed = parseDiagramFile(
  readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/deals/pipeline.json'), 'utf8'),
);
if (!parsed.ok) throw new Error('fixture');
const diagram = parsed.diagram;
const asOf = parseIsoDay('2026-12-01') as number;

describe('stuck deals', () => {
  it('counts every one and lists the longest-waiting of a stage, wherever they sit in the file', () => {
    // 250 open MQL deals, the longest-waiting last in the file: 20 to 269 days in the stage.
    const rows = Array.from({ length: 250 }, (_, i) => `Deal ${i},MQL,${formatDay(asOf - 20 - i)}`);
    const result = importDeals(`Deal Name,Deal Stage,Create Date\n${rows.join('\n')}\n`, diagram, {
      asOf,
    });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.report.stages[0]?.stuck).toBe(250);
    expect(result.report.stuck).toHaveLength(MAX_STUCK_LISTED);
    expect(result.report.stuck[0]).toMatchObject({ name: 'Deal 249', days: 269 });
    expect(result.report.stuck.at(-1)?.days).toBe(269 - MAX_STUCK_LISTED + 1);
  });

  it('does not count a deal at exactly its stage’s maximum days', () => {
    const result = importDeals(
      `Deal Stage,Create Date\nMQL,${formatDay(asOf - 14)}\nMQL,${formatDay(asOf - 15)}\n`,
      diagram,
      { asOf },
    );
    expect(result.ok && result.report.stuck.map((d) => d.days)).toEqual([15]);
  });
});

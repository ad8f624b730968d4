import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastDiagram } from '../forecast';
import { parseDiagramFile } from '../io/parse-file';
import { withActualRates } from './actual-diagram';
import { parseIsoDay } from './dates';
import { createDealsSession } from './deals-worker-session';

const fixtures = resolve(import.meta.dirname, '../../tests/fixtures/deals');
const hubspot = readFileSync(resolve(fixtures, 'hubspot.csv'), 'utf8');
const parsed = parseDiagramFile(readFileSync(resolve(fixtures, 'pipeline.json'), 'utf8'));
if (!parsed.ok) throw new Error('fixture');
const diagram = parsed.diagram;
const asOf = parseIsoDay('2026-03-31') as number;

describe('the deals worker session', () => {
  it('reads a file once, then recomputes figures for a new stage mapping from memory', async () => {
    const session = createDealsSession();
    const first = await session({ kind: 'read', id: 1, file: new Blob([hubspot]), diagram, asOf });
    expect(first).toMatchObject({
      kind: 'figures',
      id: 1,
      summary: { preset: 'hubspot', deals: 10 },
    });
    if (first?.kind !== 'figures') return;
    expect(first.unmatched).toEqual(['Appointment Scheduled']);
    // The reply holds figures, never the rows themselves.
    expect(JSON.stringify(first)).not.toContain('Acme renewal');

    const again = await session({
      kind: 'figures',
      id: 2,
      diagram,
      asOf,
      stageMap: { ...first.stageMap, 'Appointment Scheduled': 'stage-mql' },
    });
    expect(again).toMatchObject({ kind: 'figures', id: 2, unmatched: [] });
    if (again?.kind === 'figures') expect(again.report.stages[0]?.reached).toBe(10);
  });

  it('refuses a file over the limit by its size, without reading it', async () => {
    const session = createDealsSession();
    const huge = { size: 50 * 1024 * 1024, text: () => Promise.reject(new Error('read')) } as Blob;
    expect(await session({ kind: 'read', id: 3, file: huge, diagram, asOf })).toEqual({
      kind: 'refused',
      id: 3,
      problem: { message: 'The file is 50.0 MB; GTM Blueprint reads deal exports up to 40 MB.' },
    });
  });

  it('asks for a column mapping with the header, and says when no deals are loaded', async () => {
    const session = createDealsSession();
    const reply = await session({
      kind: 'read',
      id: 4,
      file: 'Phase,Value\nWon,1\n',
      diagram,
      asOf,
    });
    expect(reply).toMatchObject({ kind: 'refused', header: ['Phase', 'Value'] });
    expect(await session({ kind: 'figures', id: 5, diagram, asOf })).toMatchObject({
      kind: 'refused',
      problem: { message: 'No deals are loaded: import a deals export first.' },
    });
  });
});

describe('withActualRates', () => {
  it('puts each stage’s actual conversion in place of its plan, for the forecast on actuals', async () => {
    const reply = await createDealsSession()({ kind: 'read', id: 1, file: hubspot, diagram, asOf });
    if (reply?.kind !== 'figures') throw new Error('expected figures');
    const actual = withActualRates(diagram, reply.report);
    const rates = actual.nodes.map((n) => n.data?.metrics?.[0]?.value);
    expect(rates).toEqual([6 / 7, 0.8, 1, undefined]);
    // The plan itself is untouched, and the forecast of each is its own.
    expect(diagram.nodes.map((n) => n.data?.metrics?.[0]?.value)).toEqual([
      0.4,
      0.8,
      0.3,
      undefined,
    ]);
    expect(forecastDiagram(actual).stages[0]?.rate).not.toEqual(
      forecastDiagram(diagram).stages[0]?.rate,
    );
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../../io/parse-file';
import { createEditorStore } from '../editor-store';

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures/deals');
const read = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');

function editor() {
  const parsed = parseDiagramFile(read('pipeline.json'));
  if (!parsed.ok) throw new Error('fixture');
  return createEditorStore(parsed.diagram);
}

describe('the deals slice', () => {
  it('imports a HubSpot export without touching the diagram, then asks for the stage mapping', async () => {
    const store = editor();
    const before = store.getState().diagram;
    await store.getState().importDeals(new Blob([read('hubspot.csv')]), 'deals.csv');
    const { deals, dealsDialog, diagram, history } = store.getState();
    expect(diagram).toBe(before);
    expect(history.canUndo).toBe(false);
    expect(dealsDialog).toBe('stages');
    expect(deals.status).toBe('ready');
    if (deals.status !== 'ready') return;
    expect(deals.unmatched).toEqual(['Appointment Scheduled']);
    expect(deals.summary).toMatchObject({ preset: 'hubspot', deals: 10 });
  });

  it('saves the stage mapping with the diagram as one undo step, and recomputes', async () => {
    const store = editor();
    await store.getState().importDeals(new Blob([read('hubspot.csv')]), 'deals.csv');
    const ready = store.getState().deals;
    if (ready.status !== 'ready') throw new Error('expected deals');
    await store
      .getState()
      .applyStageMap({ ...ready.stageMap, 'Appointment Scheduled': 'stage-mql' });
    const state = store.getState();
    expect(state.diagram.actuals?.stageMap['Appointment Scheduled']).toBe('stage-mql');
    expect(state.diagram.actuals?.source).toBe('HubSpot export');
    expect(state.dealsDialog).toBeNull();
    if (state.deals.status === 'ready') {
      expect(state.deals.unmatched).toEqual([]);
      expect(state.deals.report.stages[0]?.reached).toBe(10);
    }
    state.undo();
    expect(store.getState().diagram.actuals).toBeUndefined();
    expect(store.getState().history.canUndo).toBe(false);
  });

  it('hands the figures to the audit: stuck deals show on their stage', async () => {
    const store = editor();
    const audit = () => store.getState().derived.auditOf(store.getState().diagram);
    expect(audit().findings.some((f) => f.ruleId === 'stuck-deals')).toBe(false);
    // Every open deal in MQL is stuck: created 400 days before today.
    const created = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    const csv = `Deal Stage,Create Date\n${'MQL,' + created + '\n'}`;
    await store.getState().importDeals(new Blob([csv]), 'deals.csv');
    expect(
      audit()
        .byNode.get('stage-mql')
        ?.map((f) => f.message),
    ).toContain(
      `Stage “MQL” has 1 open deal past its 14-day limit in the HubSpot export of ${new Date().toISOString().slice(0, 10)}.`,
    );
  });

  it('refuses a bad file with its message and place, the diagram untouched', async () => {
    const store = editor();
    const before = store.getState().diagram;
    await store.getState().importDeals(new Blob(['']), 'empty.csv');
    expect(store.getState().deals.status).toBe('idle');
    expect(store.getState().dealsPending).toEqual({
      status: 'refused',
      fileName: 'empty.csv',
      problem: { message: 'The file is empty: there is no header row and no deal.', row: 1 },
    });
    expect(store.getState().dealsDialog).toBe('refused');
    expect(store.getState().diagram).toBe(before);
  });

  it('asks for the columns when no preset fits, then reads the same file with them', async () => {
    const store = editor();
    await store.getState().importDeals(new Blob([read('generic.csv')]), 'generic.csv');
    const asked = store.getState().dealsPending;
    expect(asked?.status).toBe('needs-columns');
    if (asked?.status === 'needs-columns') expect(asked.header).toContain('Phase');
    expect(store.getState().dealsDialog).toBe('columns');
    await store.getState().mapDealColumns({ stage: 'Phase', created: 'Opened', status: 'Result' });
    const deals = store.getState().deals;
    expect(deals.status).toBe('ready');
    if (deals.status === 'ready') expect(deals.summary.deals).toBe(4);
  });
});

describe('a failed import after a good one', () => {
  it('keeps the figures in use, and the diagram, as they were', async () => {
    const store = editor();
    await store.getState().importDeals(new Blob([read('hubspot.csv')]), 'deals.csv');
    const figures = store.getState().deals;
    const diagram = store.getState().diagram;
    await store.getState().importDeals(new Blob(['Deal Stage,Create Date\n']), 'header-only.csv');
    expect(store.getState().dealsPending?.status).toBe('refused');
    expect(store.getState().deals).toBe(figures);
    expect(store.getState().diagram).toBe(diagram);
    store.getState().dismissDealsImport();
    // The worker kept its deals too: recomputing still works from them.
    await store.getState().refreshDeals();
    const after = store.getState().deals;
    expect(after.status === 'ready' && after.summary.deals).toBe(10);
  });
});

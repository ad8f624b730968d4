import { describe, expect, it } from 'vitest';
import { traceLead } from './lead-trace';
import { deepFreeze } from '../testing/rule-tester';
import { cleanDiagram, emptyDiagram, removeEdges, removeKinds } from '../testing/test-diagrams';

describe('traceLead', () => {
  it('follows one lead through all eight steps of the clean diagram', () => {
    const trace = traceLead(deepFreeze(cleanDiagram()));
    expect(trace.missing).toEqual([]);
    expect(trace.steps.map((s) => [s.step, s.id, s.nodeIds[0], s.edgeIds])).toEqual([
      [1, 'target-list', 'seg-midmarket', []],
      [2, 'enrichment', 'rev-enrichment', ['e-seg-enrich']],
      [3, 'scoring', 'rev-scoring', ['e-seg-enrich', 'e-enrich-score']],
      [4, 'channel-execution', 'ch-cold-email', []],
      [5, 'engagement-capture', 'rev-crm', ['e-email-crm']],
      [6, 'sales-handoff', 'stage-lead', ['e-score-lead']],
      [7, 'pipeline-tracking', 'rev-crm', ['e-won-crm']],
      [8, 'feedback-loop', 'seg-midmarket', ['e-won-seg']],
    ]);
  });

  it('names every step as missing on an empty diagram but the ones that need nothing', () => {
    const trace = traceLead(emptyDiagram());
    expect(trace.missing.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(trace.missing.every((s) => s.hint.endsWith('.'))).toBe(true);
  });

  it('does not count a CRM reached only through the pipeline as engagement capture', () => {
    const trace = traceLead(removeEdges(cleanDiagram(), 'e-email-crm'));
    expect(trace.missing.map((s) => s.id)).toEqual(['engagement-capture']);
  });

  it('does not let a lead travel along feedback edges', () => {
    // Left: channel → CRM → reporting, and reporting's feedback edge into scoring.
    const trace = traceLead(removeEdges(removeKinds(cleanDiagram(), 'enrichment'), 'e-crm-score'));
    expect(trace.missing.map((s) => s.id)).toEqual(['enrichment', 'scoring']);
  });

  it('accepts sequencing as channel execution when there is no channel', () => {
    const trace = traceLead(removeKinds(cleanDiagram(), 'channel'));
    const step = trace.steps.find((s) => s.id === 'channel-execution');
    expect(step?.nodeIds).toEqual(['rev-sequencing']);
    expect(step?.edgeIds).toEqual(['e-seg-enrich', 'e-enrich-score', 'e-score-seq']);
  });
});

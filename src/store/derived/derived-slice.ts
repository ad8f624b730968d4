import type { Forecast } from '../../forecast';
import type { Diagram } from '../../model/schema';
import type { AuditResult } from '../../rules/engine';
import type { SliceCreator } from '../editor-store';
import { auditEngine, loadAuditEngine } from '../../rules/lazy-engine';
import { createAuditCache } from './audit-cache';
import { createForecastCache } from './forecast-cache';

/**
 * What the editor derives from the document: computed on demand, cached per diagram version,
 * never stored in the document or its history. Read as `s.derived.auditOf(s.diagram)` in a
 * selector: the result keeps its identity until the diagram really changes.
 */
export interface DerivedSlice {
  readonly derived: {
    auditOf(diagram: Diagram): AuditResult;
    forecastBasis(diagram: Diagram): Diagram;
    forecastOf(diagram: Diagram): Forecast;
  };
}

export const createDerivedSlice: SliceCreator<DerivedSlice> = (set, get) => {
  const forecast = createForecastCache();
  // The rules load after start-up's own code: the audit reads as empty until then, and every
  // selector that reads it runs again once they are here.
  if (!auditEngine())
    void loadAuditEngine().then(
      () => set({}),
      () => undefined,
    );
  return {
    derived: {
      // The last reviewed version (review slice), for metric-drift; read on each audit.
      // …and the figures of imported deals, for actual-off-plan and stuck-deals.
      auditOf: createAuditCache(
        () => get().reviewBaseline,
        () => {
          const deals = get().deals;
          return deals.status === 'ready' ? deals.report : undefined;
        },
      ),
      forecastBasis: forecast.basisOf,
      forecastOf: forecast.forecastOf,
    },
  };
};

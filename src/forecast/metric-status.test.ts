import { describe, expect, it } from 'vitest';
import { metricStatus } from './metric-status';
import { diagramOf } from '../testing/forecast-diagram';

describe('metricStatus', () => {
  const plain = diagramOf([], []);

  it('places a rate against the domain benchmarks with tooltip text', () => {
    expect(metricStatus(0.03, 'reply-rate', plain)).toMatchObject({
      zone: 'within',
      text: 'Benchmark 2–5%, red flag below 1%',
    });
    expect(metricStatus(0.005, 'reply-rate', plain).zone).toBe('red-flag');
    expect(metricStatus(0.015, 'reply-rate', plain).zone).toBe('below');
    expect(metricStatus(0.004, 'visitor-to-lead', plain)).toMatchObject({
      zone: 'red-flag',
      text: 'Benchmark 1–3%, red flag below 0.5%',
    });
  });

  it('reads the sales cycle the other way round', () => {
    expect(metricStatus(150, 'sales-cycle-days', plain)).toMatchObject({
      zone: 'red-flag',
      text: 'Benchmark 30–90 days, red flag above 120 days',
    });
    expect(metricStatus(20, 'sales-cycle-days', plain).zone).toBe('above');
  });

  it("uses the diagram's own benchmarks over the defaults", () => {
    const custom = diagramOf([], [], {
      benchmarks: {
        'win-rate': { min: 0.3, max: 0.4, redFlag: 0.2, better: 'higher', label: 'Win rate (SMB)' },
      },
    });
    expect(metricStatus(0.25, 'win-rate', custom)).toMatchObject({
      zone: 'below',
      text: 'Benchmark 30–40%, red flag below 20%',
    });
    expect(metricStatus(0.25, 'win-rate', plain).zone).toBe('within');
  });

  it('has no zone for a metric without a benchmark', () => {
    expect(metricStatus(0.5, 'conversion', plain)).toEqual({
      zone: 'none',
      benchmark: null,
      text: null,
    });
  });
});

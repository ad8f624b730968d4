import { describe, expect, it } from 'vitest';
import { DEFAULT_BENCHMARKS, type Benchmark } from '../../model/benchmarks';
import { benchmarkProblem, isEdited, toShown, toStored } from './benchmark-edit';

const winRate = DEFAULT_BENCHMARKS['win-rate'] as Benchmark;
const cycle = DEFAULT_BENCHMARKS['sales-cycle-days'] as Benchmark;

describe('benchmark edits', () => {
  it('shows rates as percentages and stores them as fractions; days stay days', () => {
    expect(toShown('reply-rate', 0.005)).toBe(0.5);
    expect(toStored('reply-rate', 13)).toBe(0.13);
    expect(toShown('sales-cycle-days', 90)).toBe(90);
    expect(toStored('sales-cycle-days', 120)).toBe(120);
  });

  it('accepts the domain table as it is', () => {
    for (const [key, benchmark] of Object.entries(DEFAULT_BENCHMARKS)) {
      expect(benchmarkProblem(key as keyof typeof DEFAULT_BENCHMARKS, benchmark)).toBeNull();
    }
  });

  it('refuses a range upside down, a red flag inside the range, and out-of-bounds values', () => {
    expect(benchmarkProblem('win-rate', { ...winRate, min: 0.3 })).toBe(
      'The minimum cannot be above the maximum.',
    );
    expect(benchmarkProblem('win-rate', { ...winRate, redFlag: 0.2 })).toBe(
      'The red flag must be at or below the minimum.',
    );
    expect(benchmarkProblem('win-rate', { ...winRate, redFlag: 0.15 })).toBeNull();
    expect(benchmarkProblem('sales-cycle-days', { ...cycle, redFlag: 60 })).toBe(
      'The red flag must be at or above the maximum.',
    );
    expect(benchmarkProblem('win-rate', { ...winRate, max: 1.2 })).toBe(
      'A rate is between 0% and 100%.',
    );
    expect(benchmarkProblem('sales-cycle-days', { ...cycle, redFlag: 4000 })).toBe(
      'Days are between 0 and 3650.',
    );
    expect(benchmarkProblem('win-rate', { ...winRate, min: Number.NaN })).toBe('Enter a number.');
  });

  it('calls a row edited only when its numbers differ from the defaults', () => {
    expect(isEdited('win-rate', undefined)).toBe(false);
    expect(isEdited('win-rate', { 'win-rate': { ...winRate } })).toBe(false);
    expect(isEdited('win-rate', { 'win-rate': { ...winRate, redFlag: 0.13 } })).toBe(true);
    expect(isEdited('reply-rate', { 'win-rate': { ...winRate, redFlag: 0.13 } })).toBe(false);
  });
});

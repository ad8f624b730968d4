import { describe, expect, it } from 'vitest';
import type { StageActual } from '../../actuals/compute-actuals';
import { toLine } from './stage-actual-line';

const mql: StageActual = {
  stageId: 'stage-mql',
  title: 'MQL',
  nextTitles: ['SQL'],
  reached: 300,
  converted: 66,
  resolved: 212,
  open: 40,
  stuck: 3,
  actual: 66 / 212,
  plan: 0.4,
  drift: (66 / 212 - 0.4) / 0.4,
  tooFew: false,
  maxDays: 14,
  isClose: false,
};

describe('a stage card’s plan-vs-actual line', () => {
  it('reads as the issue writes it, with how far actual is from plan', () => {
    expect(toLine(mql, 0.4, 0.15)).toEqual({
      text: 'MQL → SQL 31.1% actual · 40% plan, n = 212',
      chip: '22.2% below plan',
      tone: 'below',
    });
  });

  it('says "within" inside the threshold, and follows the diagram’s own threshold', () => {
    expect(toLine({ ...mql, actual: 0.44 }, 0.4, 0.15).chip).toBe('within 15% of plan');
    expect(toLine(mql, 0.4, 0.25)).toMatchObject({ chip: 'within 25% of plan', tone: 'within' });
    expect(toLine({ ...mql, actual: 0.5 }, 0.4, 0.15)).toMatchObject({
      chip: '25% above plan',
      tone: 'above',
    });
  });

  it('does not judge under 30 resolved deals', () => {
    expect(toLine({ ...mql, resolved: 12, tooFew: true }, 0.4, 0.15)).toEqual({
      text: 'MQL → SQL 31.1% actual · 40% plan, n = 12',
      chip: 'too few deals to judge (under 30)',
      tone: 'few',
    });
  });

  it('says when there is no plan or no closed deal yet', () => {
    expect(toLine(mql, null, 0.15)).toEqual({
      text: 'MQL → SQL 31.1% actual · no plan, n = 212',
      chip: '',
      tone: 'none',
    });
    expect(toLine({ ...mql, actual: null, resolved: 0 }, 0.4, 0.15).text).toBe(
      'MQL → SQL no closed deals yet · 40% plan, n = 0',
    );
  });
});

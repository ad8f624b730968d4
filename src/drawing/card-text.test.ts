import { describe, expect, it } from 'vitest';
import { createNode } from '../model/factories';
import { NODE_WIDTH, slotPosition } from '../model/bands';
import { METRIC_KEYS } from '../model/metrics';
import { approximateMeasure } from '../io/text-measure';
import { cardText, fitWords } from './card-text';

describe('card text', () => {
  it('writes money in the diagram currency, with the period', () => {
    const motion = createNode('motion', slotPosition('channels', 0), 'Sales-led');
    const eur = cardText({ ...motion, data: { acv: 24000 } } as typeof motion, 'EUR');
    expect(eur.facts).toContain('ACV €24,000');
    const channel = createNode('channel', slotPosition('channels', 0), 'Ads');
    const spend = cardText(
      { ...channel, data: { volume: 1200, period: 'month', spend: 2000 } } as typeof channel,
      'USD',
    );
    expect(spend.facts).toEqual(['1,200 / month', 'Spend $2,000 / month']);
  });

  it("shows the positioning's differentiator", () => {
    const card = createNode('positioning', slotPosition('positioning', 0), 'Message');
    const text = cardText({
      ...card,
      data: { problem: 'Slow onboarding', differentiator: 'Live in a day' },
    } as typeof card);
    expect(text.facts).toEqual(['Slow onboarding', 'Edge: Live in a day']);
  });

  it('drops hidden and direction-changing characters from titles', () => {
    const card = createNode('stage', slotPosition('sales', 0), 'Le\u202ead\u200b');
    expect(cardText(card).title).toBe('Lead');
  });

  it("keeps a stage's rate whole beside its exit criteria, for every metric", () => {
    const font = '400 12px system-ui';
    const stage = createNode('stage', slotPosition('sales', 0), 'Discovery');
    for (const key of METRIC_KEYS) {
      const value = key === 'sales-cycle-days' ? 120 : 0.125;
      const text = cardText({
        ...stage,
        data: {
          exitCriteria: Array.from({ length: 12 }, (_, i) => `Criterion ${i + 1}`),
          metrics: [{ key, value }],
        },
      } as typeof stage);
      const line = fitWords(text.facts[0]!, font, NODE_WIDTH - 24, approximateMeasure).text;
      expect(line, key).toMatch(key === 'sales-cycle-days' ? / 120 days/ : / 12\.5%/);
    }
    const mql = cardText({
      ...stage,
      data: { exitCriteria: ['Budget named'], metrics: [{ key: 'mql-to-sql', value: 0.35 }] },
    } as typeof stage);
    expect(mql.facts).toEqual(['MQL→SQL 35% · 1 exit criterion']);
  });

  it('cuts at a word, never inside a number', () => {
    const font = '400 12px system-ui';
    const fact = 'MQL to SQL 40%';
    const width = approximateMeasure('MQL to SQL 4…', font);
    const fitted = fitWords(fact, font, width, approximateMeasure);
    expect(fitted).toEqual({ text: 'MQL to SQL…', cut: true });
    expect(fitWords(fact, font, 500, approximateMeasure)).toEqual({ text: fact, cut: false });
  });
});

import { describe, expect, it } from 'vitest';
import { diagramSchema } from '../model/schema';
import fixture from '../../tests/fixtures/forecast-direct-vs-partner.json';
import { compareChannels } from './compare-channels';
import { valueOf } from './estimate';
import { forecastDiagram } from './forecast-diagram';

/**
 * Domain §7's worked example: CAC $4,000 direct vs $2,000 through partners. By hand, per month,
 * with 20% × 50% × 25% = 2.5% of leads won:
 * - direct: 500 emails/week × 52/12 = 2,166.7 × 3% reply = 65 leads → 1.625 won;
 *   $1,500/week × 52/12 = $6,500 ÷ 1.625 = $4,000.
 * - partner: 300 referrals/quarter ÷ 3 = 100 × 40% = 40 leads → 1 won;
 *   $6,000/quarter ÷ 3 = $2,000 ÷ 1 = $2,000.
 */
describe('compareChannels', () => {
  const diagram = diagramSchema.parse(fixture);

  it('puts direct and partner side by side: CAC $4,000 vs $2,000', () => {
    const rows = compareChannels(forecastDiagram(diagram));
    const table = rows.map((row) => ({
      name: row.name,
      volume: valueOf(row.volumePerMonth),
      conversion: valueOf(row.conversion),
      leads: valueOf(row.leads),
      won: valueOf(row.won),
      spend: valueOf(row.spendPerMonth),
      cac: valueOf(row.cac),
      cacIndex: valueOf(row.cacIndex),
    }));
    expect(table).toEqual([
      {
        name: 'Direct: cold email',
        volume: expect.closeTo(2166.67, 2),
        conversion: 0.03,
        leads: expect.closeTo(65, 9),
        won: expect.closeTo(1.625, 9),
        spend: expect.closeTo(6500, 9),
        cac: expect.closeTo(4000, 6),
        cacIndex: expect.closeTo(2, 9),
      },
      {
        name: 'Partners: referrals',
        volume: expect.closeTo(100, 9),
        conversion: 0.4,
        leads: expect.closeTo(40, 9),
        won: expect.closeTo(1, 9),
        spend: expect.closeTo(2000, 9),
        cac: expect.closeTo(2000, 6),
        cacIndex: expect.closeTo(1, 9),
      },
    ]);
  });

  it('totals the example: 2.625 deals and $63,000 new ARR a month', () => {
    const { totals } = forecastDiagram(diagram);
    expect(valueOf(totals.leads)).toBeCloseTo(105);
    expect(valueOf(totals.mql)).toBeCloseTo(21);
    expect(valueOf(totals.sql)).toBeCloseTo(10.5);
    expect(valueOf(totals.opportunities)).toBeCloseTo(10.5);
    expect(valueOf(totals.won)).toBeCloseTo(2.625);
    expect(valueOf(totals.newArr)).toBeCloseTo(63_000);
    // 10.5 opportunities × 25% × $24,000 ÷ 60 days.
    expect(valueOf(totals.salesVelocity)).toBeCloseTo(1050);
  });

  it('keeps an unknown CAC unknown and out of the comparison base', () => {
    const noSpend = structuredClone(diagram);
    const direct = noSpend.nodes[0];
    if (direct?.kind === 'channel' && direct.data) delete direct.data.spend;
    const [row, partner] = compareChannels(forecastDiagram(noSpend));
    expect(row?.cac).toEqual({ unknown: 'Channel "Direct: cold email" has no spend.' });
    expect(row?.cacIndex).toEqual(row?.cac);
    expect(valueOf(partner!.cacIndex)).toBeCloseTo(1);
  });
});

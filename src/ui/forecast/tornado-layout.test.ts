import { describe, expect, it } from 'vitest';
import { layoutTornado, TORNADO } from './tornado-layout';

describe('layoutTornado', () => {
  const drivers = [
    { id: 'acv', label: 'Motion · ACV', arrLow: 8_000, arrHigh: 12_000 },
    { id: 'reply', label: 'Email · Reply rate', arrLow: 9_000, arrHigh: 11_000 },
  ];

  it('keeps the given order and stacks one row per driver under the header', () => {
    const layout = layoutTornado(10_000, drivers);
    expect(layout.rows.map((row) => row.id)).toEqual(['acv', 'reply']);
    expect(layout.rows.map((row) => row.y)).toEqual([
      TORNADO.header,
      TORNADO.header + TORNADO.rowHeight,
    ]);
    expect(layout.height).toBe(TORNADO.header + 2 * TORNADO.rowHeight + TORNADO.footer);
  });

  it('spans the widest driver across the plot and centres a symmetric swing on the baseline', () => {
    const layout = layoutTornado(10_000, drivers);
    const [acv, reply] = layout.rows;
    expect(acv?.xWorse).toBe(TORNADO.gutter);
    expect(acv?.xBetter).toBe(TORNADO.width - TORNADO.gutter);
    expect(layout.baselineX).toBe(TORNADO.width / 2);
    expect(reply!.xWorse).toBeGreaterThan(acv!.xWorse);
    expect(reply!.xBetter).toBeLessThan(acv!.xBetter);
  });

  it('orders each bar worse → better even when raising the driver lowers ARR', () => {
    const [row] = layoutTornado(10, [{ id: 'x', label: 'x', arrLow: 12, arrHigh: 8 }]).rows;
    expect(row).toMatchObject({ worse: 8, better: 12 });
    expect(row!.xWorse).toBeLessThan(row!.xBetter);
  });

  it('does not divide by zero when nothing moves', () => {
    const layout = layoutTornado(5, [{ id: 'x', label: 'x', arrLow: 5, arrHigh: 5 }]);
    expect(Number.isFinite(layout.baselineX)).toBe(true);
  });
});

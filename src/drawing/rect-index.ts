import type { Rect } from './geometry';

const CELL = 320;

/**
 * Rectangles bucketed on a coarse grid, so that finding the cards near one edge is linear in
 * what is near, not in the size of the diagram (1,000 edges over 500 cards stay far below
 * a frame).
 */
export interface RectIndex<T> {
  add(rect: Rect, value: T): void;
  /** Takes out `value`, added with `rect`. */
  remove(rect: Rect, value: T): void;
  /** Every value whose rectangle overlaps or touches `area`, each once. */
  near(area: Rect): T[];
  /** Whether some value whose rectangle meets `area` passes `test` (no lists built). */
  some(area: Rect, test: (value: T) => boolean): boolean;
}

export function createRectIndex<T>(): RectIndex<T> {
  const cells = new Map<number, { rect: Rect; value: T }[]>();
  // Cell coordinates packed into one number: |cx|, |cy| < 2^20 covers ±300,000,000 px.
  const key = (cx: number, cy: number) => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  const span = (rect: Rect) => [
    Math.floor(rect.x / CELL),
    Math.floor(rect.y / CELL),
    Math.floor((rect.x + rect.width) / CELL),
    Math.floor((rect.y + rect.height) / CELL),
  ];
  return {
    add(rect, value) {
      const [cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0] = span(rect);
      const entry = { rect, value };
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const k = key(cx, cy);
          const cell = cells.get(k);
          if (cell) cell.push(entry);
          else cells.set(k, [entry]);
        }
      }
    },
    remove(rect, value) {
      const [cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0] = span(rect);
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const k = key(cx, cy);
          const cell = cells.get(k);
          const at = cell?.findIndex((entry) => entry.value === value) ?? -1;
          if (!cell || at < 0) continue;
          // Order within a cell is kept: `near` lists values in the order they were added.
          cell.splice(at, 1);
          if (cell.length === 0) cells.delete(k);
        }
      }
    },
    some(area, test) {
      const [cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0] = span(area);
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const cell = cells.get(key(cx, cy));
          if (!cell) continue;
          for (const { rect, value } of cell) {
            if (
              rect.x <= area.x + area.width &&
              area.x <= rect.x + rect.width &&
              rect.y <= area.y + area.height &&
              area.y <= rect.y + rect.height &&
              test(value)
            )
              return true;
          }
        }
      }
      return false;
    },
    near(area) {
      const [cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0] = span(area);
      const seen = new Set<T>();
      const out: T[] = [];
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          for (const { rect, value } of cells.get(key(cx, cy)) ?? []) {
            if (seen.has(value)) continue;
            if (
              rect.x <= area.x + area.width &&
              area.x <= rect.x + rect.width &&
              rect.y <= area.y + area.height &&
              area.y <= rect.y + rect.height
            ) {
              seen.add(value);
              out.push(value);
            }
          }
        }
      }
      return out;
    },
  };
}

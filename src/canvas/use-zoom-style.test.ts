import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, FARTHEST_ZOOM, detailAtZoom } from './use-zoom-style';

describe('detailAtZoom', () => {
  it('draws full cards near, title-only cards far, and two-line titles farthest', () => {
    expect(detailAtZoom(1)).toBe('near');
    expect(detailAtZoom(FAR_ZOOM)).toBe('near');
    expect(detailAtZoom(FAR_ZOOM - 0.01)).toBe('far');
    expect(detailAtZoom(FARTHEST_ZOOM)).toBe('far');
    expect(detailAtZoom(FARTHEST_ZOOM - 0.01)).toBe('farthest');
  });
});

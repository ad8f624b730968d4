import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

/**
 * Below this zoom a card shows its title alone, drawn larger (index.css, `[data-detail]`): the
 * level of detail of issue 16. Above it the title still grows as the zoom drops below 0.8, so
 * it never reads smaller than 11.5 px on screen.
 */
export const FAR_ZOOM = 0.6;
/** Below this, the enlarged title keeps two lines instead of three. */
export const FARTHEST_ZOOM = 0.45;

/** Which drawing a zoom calls for: full cards, title-only cards, or title-only in two lines. */
export function detailAtZoom(zoom: number): 'near' | 'far' | 'farthest' {
  if (zoom >= FAR_ZOOM) return 'near';
  return zoom >= FARTHEST_ZOOM ? 'far' : 'farthest';
}

/**
 * Writes the zoom and the view's left edge into CSS variables, and the level of detail into a
 * data attribute, on the canvas element, outside React: a zoom step then restyles the titles without re-rendering a
 * single card (issue 7 keeps renders per gesture low).
 */
export function useZoomStyle(ref: RefObject<HTMLElement | null>): void {
  const api = useStoreApi();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let last: readonly number[] = [];
    const apply = (transform: readonly [number, number, number]) => {
      const [x, , zoom] = transform;
      if (transform === last) return;
      last = transform;
      element.style.setProperty('--gtm-zoom', String(zoom));
      element.style.setProperty('--gtm-view-left', `${-x / zoom}px`);
      element.dataset.detail = detailAtZoom(zoom);
    };
    apply(api.getState().transform);
    return api.subscribe((state) => apply(state.transform));
  }, [api, ref]);
}

import { useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { viewWindow, windowStale, type ViewWindow } from './big-diagram';

/**
 * The part of the diagram around the screen, `margin` screens wider on each side (see
 * `viewWindow`), or null when not `enabled`.
 * It changes only when the screen leaves it or the zoom changes, so panning within it costs
 * the component nothing.
 */
export function useViewWindow(enabled: boolean, margin: number): ViewWindow | null {
  const api = useStoreApi();
  const [window, setWindow] = useState<ViewWindow | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current: ViewWindow | null = null;
    const update = () => {
      const { transform, width, height } = api.getState();
      if (!width || !height || !windowStale(current, transform, width, height)) return;
      current = viewWindow(transform, width, height, margin);
      setWindow(current);
    };
    update();
    return api.subscribe(update);
  }, [api, enabled, margin]);
  return enabled ? window : null;
}

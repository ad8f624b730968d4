import { useCallback, useEffect, useState } from 'react';
import { readPanelPrefs, writePanelPrefs, type PanelPrefs } from '../persistence/panel-prefs';
import { useEditorApi } from '../store/react/editor-context';

export interface Panels extends PanelPrefs {
  toggle(panel: keyof PanelPrefs): void;
}

/**
 * Which panels are open, remembered across visits. A request to show another side tab (a
 * card's audit badge opens Problems) opens the side panel, so it never goes unanswered.
 */
export function usePanels(): Panels {
  const { store } = useEditorApi();
  const [prefs, setPrefs] = useState<PanelPrefs>(readPanelPrefs);
  const update = useCallback((next: (p: PanelPrefs) => PanelPrefs) => {
    setPrefs((current) => {
      const result = next(current);
      writePanelPrefs(result);
      return result;
    });
  }, []);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.sideTab !== previous.sideTab) update((p) => (p.side ? p : { ...p, side: true }));
      }),
    [store, update],
  );
  const toggle = useCallback(
    (panel: keyof PanelPrefs) => update((p) => ({ ...p, [panel]: !p[panel] })),
    [update],
  );
  return { ...prefs, toggle };
}

/**
 * Which of the editor's panels are open, kept in localStorage so the editor opens the way the
 * user left it (issue 16). Reading or writing can throw where storage is blocked; the panels
 * then start open and the choice lasts for this page only.
 */
const PANELS_KEY = 'gtm-blueprint:panels';

export interface PanelPrefs {
  readonly palette: boolean;
  readonly side: boolean;
  readonly minimap: boolean;
}

export const ALL_OPEN: PanelPrefs = { palette: true, side: true, minimap: true };

export function readPanelPrefs(): PanelPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(PANELS_KEY);
    if (!raw) return ALL_OPEN;
    const stored: unknown = JSON.parse(raw);
    if (typeof stored !== 'object' || stored === null) return ALL_OPEN;
    const flag = (key: keyof PanelPrefs) => {
      const value = (stored as Record<string, unknown>)[key];
      return typeof value === 'boolean' ? value : true;
    };
    return { palette: flag('palette'), side: flag('side'), minimap: flag('minimap') };
  } catch {
    return ALL_OPEN;
  }
}

export function writePanelPrefs(prefs: PanelPrefs): void {
  try {
    globalThis.localStorage?.setItem(PANELS_KEY, JSON.stringify(prefs));
  } catch {
    // See above.
  }
}

/**
 * The diagram this tab has open, kept in sessionStorage: per tab, it survives a reload, so a
 * reloaded tab reopens its own diagram rather than whatever another tab saved last. It can
 * throw where storage is blocked; without it, a reload opens the diagram saved last.
 */
const TAB_DIAGRAM_KEY = 'gtm-blueprint:tab-diagram';

export function readTabDiagram(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TAB_DIAGRAM_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeTabDiagram(id: string): void {
  try {
    globalThis.sessionStorage?.setItem(TAB_DIAGRAM_KEY, id);
  } catch {
    // See above: a reload then opens the diagram saved last.
  }
}

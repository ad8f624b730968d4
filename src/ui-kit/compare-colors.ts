/** Colours of a comparison: the canvas rings and the Compare list's legend use the same ones. */
export const COMPARE_COLORS = {
  added: '#16a34a',
  removed: '#dc2626',
  changed: '#d97706',
  moved: '#64748b',
} as const;

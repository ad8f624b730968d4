/** Audit badge colours, shared by the canvas and the exports; white text on each is ≥ 4.5:1 (plain amber,
 * #d97706, would not be). */
export const BADGE_COLORS: Readonly<Record<'error' | 'warning' | 'info', string>> = {
  error: '#dc2626',
  warning: '#b45309',
  info: '#2563eb',
};

import type { FitViewOptions } from '@xyflow/react';

/**
 * How every "fit the diagram" frames it (open, Fit View, Auto layout). A fixed margin in
 * pixels, not a share of the diagram: 15 % on each side cost a wide diagram a quarter of its
 * zoom at 1440 × 900 (issue 16). Hidden cards are the ones the overview picture draws: they
 * count for fitting the view.
 */
export const FIT_VIEW_OPTIONS = {
  padding: '24px',
  maxZoom: 1,
  includeHiddenNodes: true,
} as const satisfies FitViewOptions;

/** The same, animated, for a fit the user asked for. */
export const FIT_VIEW_ANIMATED = { ...FIT_VIEW_OPTIONS, duration: 200 } as const;

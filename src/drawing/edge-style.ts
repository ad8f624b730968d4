import type { EdgeKind } from '../model/schema';

export interface EdgeStyle {
  readonly color: string;
  readonly width: number;
  /** SVG stroke-dasharray, or null for a solid line. */
  readonly dash: string | null;
  /** Id of the arrowhead marker (canvas and SVG define one per kind). */
  readonly marker: string;
  /** What the legend of an export says the line means. */
  readonly legend: string;
}

/**
 * How each kind of edge is drawn, on the canvas, in the overview picture and in SVG/PNG
 * exports alike. Feedback is dashed as well as coloured, so it reads without colour too.
 */
export const EDGE_STYLE: Readonly<Record<EdgeKind, EdgeStyle>> = {
  handoff: {
    color: '#475569',
    width: 2,
    dash: null,
    marker: 'gtm-arrow-handoff',
    legend: 'Handoff: work or a lead passes on',
  },
  dataflow: {
    color: '#94a3b8',
    width: 1.5,
    dash: null,
    marker: 'gtm-arrow-dataflow',
    legend: 'Data flow: records sync between systems',
  },
  feedback: {
    color: '#4f46e5',
    width: 2,
    dash: '6 4',
    marker: 'gtm-arrow-feedback',
    legend: 'Feedback: results go back up, round the right side',
  },
};

/** Stroke of a selected edge and its arrowhead. */
export const SELECTED_EDGE_COLOR = '#2563eb';
/** Stroke of an edge the Problems list points at. */
export const HIGHLIGHT_EDGE_COLOR = '#ca8a04';

import type { Diagram } from '../model/schema';

/**
 * A diagram started in the editor notes the day (meta.created), so the drafting view holds its
 * "never reviewed" note for the first week (rules/drafting-view.ts). One already dated keeps it.
 */
export function startedToday(diagram: Diagram, now = new Date()): Diagram {
  if (diagram.meta.created) return diagram;
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { ...diagram, meta: { ...diagram.meta, created: day } };
}

/** Placeholder: audit badge on an edge label lands with the audit UI (issue 4). */
export function EdgeBadge(_props: { edgeId: string }) {
  return null;
}

/** Placeholder: audit badges on a card land with the audit UI (issue 4). */
export function NodeBadges(_props: { nodeId: string }) {
  return null;
}

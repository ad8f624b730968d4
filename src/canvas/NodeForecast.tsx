/** Placeholder: a card's projected monthly flow lands with the forecast UI (issue 6). */
export function NodeForecast(_props: { nodeId: string }) {
  return null;
}

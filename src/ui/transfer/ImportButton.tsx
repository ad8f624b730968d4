/** Placeholder until import lands (issue 5). */
export function ImportButton() {
  return null;
}

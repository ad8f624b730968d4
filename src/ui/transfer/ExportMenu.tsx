/** Placeholder until export lands (issue 5). */
export function ExportMenu() {
  return null;
}

/**
 * A name for an imported copy that no diagram in the library has yet (issue 16): the name as
 * it is when free, else with the copy's origin ("Acme GTM (from link)"), else numbered
 * ("Acme GTM (2)", "(3)", …), so two imports of the same diagram can be told apart in Diagrams.
 */
export function distinctName(name: string, taken: Iterable<string>, origin?: string): string {
  const names = new Set([...taken].map(key));
  const base = name.trim() || 'Untitled diagram';
  if (!names.has(key(base))) return base;
  if (origin) {
    const labelled = `${base} (${origin})`;
    if (!names.has(key(labelled))) return labelled;
  }
  for (let n = 2; ; n++) {
    const numbered = `${base} (${n})`;
    if (!names.has(key(numbered))) return numbered;
  }
}

const key = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

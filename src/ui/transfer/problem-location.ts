/**
 * A parse problem's JSON path (`nodes[3].data.metrics[0].value`) in words a person follows:
 * "Node 4 › metric 1 › value". Counting starts at 1, as people count.
 */
export function describeLocation(path: string): string {
  if (path === '(file)') return 'The file as a whole';
  if (path === '(link)') return 'The link';
  const parts = [...path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)].map((match) =>
    match[1] !== undefined
      ? Number(match[1])
      : match[2] !== undefined
        ? (JSON.parse(`"${match[2]}"`) as string)
        : (match[3] ?? ''),
  );
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === undefined) continue;
    if (typeof part === 'number') {
      words.push(`item ${part + 1}`);
      continue;
    }
    const item = typeof next === 'number' ? ITEM_NAMES.get(part) : undefined;
    if (item && typeof next === 'number') {
      words.push(`${item} ${next + 1}`);
      i++;
      continue;
    }
    if (part === 'data') continue;
    words.push(FIELD_NAMES.get(part) ?? part);
  }
  const text = words.join(' › ') || path;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Maps, not object literals: a path may name `__proto__` (the gate refuses it by that name).
const ITEM_NAMES: ReadonlyMap<string, string> = new Map([
  ['nodes', 'node'],
  ['edges', 'edge'],
  ['metrics', 'metric'],
  ['entryCriteria', 'entry criterion'],
  ['exitCriteria', 'exit criterion'],
  ['techStack', 'tech-stack entry'],
  ['growthSignals', 'growth signal'],
]);

const FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ['meta', 'diagram details'],
  ['rules', 'rule settings'],
]);

/** A reason a file was refused: where (a JSON path such as `nodes[3].kind`) and why, in words. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) {
      out += out ? `.${part}` : part;
    } else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(file)';
}

export function describeProblems(problems: readonly Problem[], max = 20): string {
  const lines = problems.slice(0, max).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > max) lines.push(`…and ${problems.length - max} more problems.`);
  return lines.join('\n');
}

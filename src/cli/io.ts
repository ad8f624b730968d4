import { readFile, writeFile } from 'node:fs/promises';
import type { Diagram } from '../model/schema';
import { parseDiagramFile } from '../io/parse-file';
import { describeProblems } from '../io/problems';

/** What a command may touch; tests pass fakes, the bin passes the process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Reads `<file.json|->` through the same gate as the editor; prints problems on refusal. */
export async function readDiagram(
  path: string,
  io: CliIo,
): Promise<{ ok: true; diagram: Diagram } | { ok: false }> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`gtm-blueprint: cannot read ${path}: ${reason}\n`);
    return { ok: false };
  }
  const parsed = parseDiagramFile(text);
  if (!parsed.ok) {
    io.stderr(
      `gtm-blueprint: ${path} is not a valid diagram:\n${describeProblems(parsed.problems)}\n`,
    );
    return { ok: false };
  }
  return { ok: true, diagram: parsed.diagram };
}

export async function writeOutput(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined || out === '-') io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  else await writeFile(out, text, 'utf8');
}

/**
 * A small argument parser: positionals plus `--flag value` / `--flag=value` / `-o value`.
 * Unknown flags are usage errors, so a typo never silently changes the output.
 */
export function parseArgs(
  args: readonly string[],
  flags: Readonly<Record<string, { alias?: string; values?: readonly string[] }>>,
): { positionals: string[]; flags: Record<string, string> } {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const byAlias = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) {
    byAlias.set(`--${name}`, name);
    if (spec.alias) byAlias.set(`-${spec.alias}`, name);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const name = byAlias.get(flag);
    if (!name) throw new UsageError(`unknown option ${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    const allowed = flags[name]?.values;
    if (allowed && !allowed.includes(value)) {
      throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
    }
    values[name] = value;
  }
  return { positionals, flags: values };
}

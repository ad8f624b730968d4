import { compareDiagrams } from '../review/compare-diagrams';
import {
  comparisonToJson,
  comparisonToMarkdown,
  comparisonToText,
} from '../review/comparison-report';
import { EXIT, UsageError, parseArgs, readDiagram, writeOutput, type CliIo } from './io';

export const DIFF_FORMATS = ['text', 'json', 'md'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

/**
 * `gtm-blueprint diff <old.json> <new.json> [--format text|json|md]`: what changed, the audit
 * delta and the metric drift. Always exit 0 on two valid files: a diff is a report, not a gate
 * (the audit command is the gate).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { format: { values: DIFF_FORMATS } });
  if (positionals.length !== 2) throw new UsageError('diff takes two files: the old and the new');
  const [oldPath, newPath] = positionals as [string, string];
  if (oldPath === '-' && newPath === '-') throw new UsageError('only one input can be stdin');
  const before = await readDiagram(oldPath, io);
  if (!before.ok) return EXIT.usage;
  const after = await readDiagram(newPath, io);
  if (!after.ok) return EXIT.usage;
  const comparison = compareDiagrams(before.diagram, after.diagram);
  const names = { before: oldPath, after: newPath };
  const format = (flags.format ?? 'text') as DiffFormat;
  const render =
    format === 'json'
      ? comparisonToJson
      : format === 'md'
        ? comparisonToMarkdown
        : comparisonToText;
  await writeOutput(render(comparison, names), undefined, io);
  return EXIT.ok;
}

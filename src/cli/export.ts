import type { Diagram } from '../model/schema';
import { toMermaid } from '../io/mermaid';
import { toReport } from '../io/report';
import { serializeDiagram } from '../io/serialize';
import { toSvg } from '../io/svg';
import { approximateMeasure } from '../io/text-measure';
import { EXIT, UsageError, parseArgs, readDiagram, writeOutput, type CliIo } from './io';

export const EXPORT_FORMATS = ['mermaid', 'md', 'json', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const RENDER: Readonly<Record<ExportFormat, (diagram: Diagram) => string>> = {
  mermaid: toMermaid,
  md: (diagram) => toReport(diagram),
  json: (diagram) => serializeDiagram(diagram),
  svg: (diagram) => toSvg(diagram, { measure: approximateMeasure }).svg,
};

/** `gtm-blueprint export --to mermaid|md|json|svg <file.json|-> [-o out]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, {
    to: { values: EXPORT_FORMATS },
    out: { alias: 'o' },
  });
  const format = flags.to as ExportFormat | undefined;
  if (format === undefined) throw new UsageError('--to is required');
  if (positionals.length !== 1) throw new UsageError('export takes exactly one input file');
  const read = await readDiagram(positionals[0] as string, io);
  if (!read.ok) return EXIT.usage;
  await writeOutput(RENDER[format](read.diagram), flags.out, io);
  return EXIT.ok;
}

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagram } from '../model/schema';
import { RULES, runAudit, type AuditResult } from '../rules/engine';
import type { Finding, FindingTarget, Severity } from '../rules/types';
import { EXIT, UsageError, parseArgs, readDiagram, writeOutput, type CliIo } from './io';

export const AUDIT_FORMATS = ['text', 'json', 'sarif'] as const;
type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** `gtm-blueprint audit <file.json|-> [--format text|json|sarif]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { format: { values: AUDIT_FORMATS } });
  if (positionals.length !== 1) throw new UsageError('audit takes exactly one input file');
  const path = positionals[0] as string;
  const read = await readDiagram(path, io);
  if (!read.ok) return EXIT.usage;
  const result = runAudit(read.diagram);
  const format = (flags.format ?? 'text') as AuditFormat;
  const file = path === '-' ? undefined : path;
  await writeOutput(render(read.diagram, result, format, file), undefined, io);
  return result.counts.error > 0 ? EXIT.findings : EXIT.ok;
}

function render(
  diagram: Diagram,
  result: AuditResult,
  format: AuditFormat,
  file: string | undefined,
): string {
  if (format === 'json') return JSON.stringify(toJson(result), null, 2);
  if (format === 'sarif') return JSON.stringify(toSarif(result, file), null, 2);
  return toText(diagram, result, file);
}

/**
 * Where a finding points, by id rather than array index so it survives reordering:
 * `diagram`, `nodes/<id>`, `nodes/<id>/data/<field>` or `edges/<id>/<field>`.
 */
export function locationOf(target: FindingTarget): string {
  if (target.type === 'diagram') return 'diagram';
  const base = `${target.type === 'node' ? 'nodes' : 'edges'}/${target.id}`;
  if (target.field === undefined) return base;
  // Every node field a rule points at lives in `data`; an edge's label is on the edge itself.
  return target.type === 'node' ? `${base}/data/${target.field}` : `${base}/${target.field}`;
}

function toJson(result: AuditResult) {
  return {
    findings: result.findings.map(({ ruleId, severity, message, target }) => ({
      ruleId,
      severity,
      message,
      target,
    })),
    counts: result.counts,
  };
}

const HEADINGS: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

function toText(diagram: Diagram, result: AuditResult, file: string | undefined): string {
  const out = [`Audit of "${diagram.name}"${file ? ` (${file})` : ''}`];
  const width = Math.max(0, ...result.findings.map((finding) => finding.ruleId.length));
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = result.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    out.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const finding of group) out.push(textLine(finding, width));
  }
  out.push('', summary(result));
  return out.join('\n');
}

function textLine(finding: Finding, width: number): string {
  return `  ${finding.ruleId.padEnd(width)}  ${finding.message}  [${locationOf(finding.target)}]`;
}

function summary({ counts, findings }: AuditResult): string {
  if (findings.length === 0) return 'No problems found.';
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(findings.length, 'problem')}: ${plural(counts.error, 'error')}, ${plural(
    counts.warning,
    'warning',
  )}, ${counts.info} info.`;
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** The rules page shipped with the CLI; SARIF wants an absolute URI for each rule's help. */
const RULES_DOC = new URL('../../docs/rules.md', import.meta.url);

function toSarif(result: AuditResult, file: string | undefined) {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const uri =
    file === undefined ? undefined : isAbsolute(file) ? pathToFileURL(file).href : toUri(file);
  return {
    $schema:
      'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gtm-blueprint',
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: meta.description },
              fullDescription: { text: meta.why },
              help: { text: meta.howToFix },
              helpUri: `${RULES_DOC.href}#${meta.id}`,
              defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
              properties: { layer: meta.layer },
            })),
          },
        },
        ...(uri === undefined ? {} : { artifacts: [{ location: { uri } }] }),
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              ...(uri === undefined
                ? {}
                : { physicalLocation: { artifactLocation: { uri, index: 0 } } }),
              logicalLocations: [
                {
                  fullyQualifiedName: locationOf(finding.target),
                  kind: 'field' in finding.target && finding.target.field ? 'property' : 'object',
                },
              ],
            },
          ],
        })),
      },
    ],
  };
}

/** A relative path as a relative URI reference: forward slashes, each segment escaped. */
function toUri(path: string): string {
  return path
    .split(/[\\/]+/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toTerminalLine } from './terminal-text';
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
  if (format !== 'text' && result.findings.length > MAX_LISTED) {
    io.stderr(`gtm-blueprint: ${truncationNotice(result.findings.length)}\n`);
  }
  return result.counts.error > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * A 5 MB file can hold hundreds of thousands of findings; past this many the output lists the
 * first ones and says how many it left out (the counts and the exit code still cover all).
 */
export const MAX_LISTED = 10_000;

function truncationNotice(total: number): string {
  return `Listed the first ${MAX_LISTED.toLocaleString('en-US')} of ${total.toLocaleString(
    'en-US',
  )} findings; the counts cover all of them.`;
}

function listed(result: AuditResult): readonly Finding[] {
  return result.findings.length > MAX_LISTED
    ? result.findings.slice(0, MAX_LISTED)
    : result.findings;
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
  const total = result.findings.length;
  return {
    findings: listed(result).map(({ ruleId, severity, message, target }) => ({
      ruleId,
      severity,
      message,
      target,
    })),
    counts: result.counts,
    ...(total > MAX_LISTED
      ? { truncated: { listed: MAX_LISTED, total, notice: truncationNotice(total) } }
      : {}),
  };
}

const HEADINGS: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

function toText(diagram: Diagram, result: AuditResult, file: string | undefined): string {
  const out = [`Audit of "${toTerminalLine(diagram.name)}"${file ? ` (${file})` : ''}`];
  const shown = listed(result);
  let width = 0;
  for (const finding of shown) width = Math.max(width, finding.ruleId.length);
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = shown.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    out.push('', `${HEADINGS[severity]} (${result.counts[severity]})`);
    for (const finding of group) out.push(textLine(finding, width));
  }
  if (result.findings.length > MAX_LISTED) out.push('', truncationNotice(result.findings.length));
  out.push('', summary(result));
  return out.join('\n');
}

/** One line per finding: a title with a newline in it must not start a line of its own. */
function textLine(finding: Finding, width: number): string {
  return `  ${finding.ruleId.padEnd(width)}  ${toTerminalLine(finding.message)}  [${locationOf(finding.target)}]`;
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
  const total = result.findings.length;
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
        // SARIF's place for "the tool did not report everything": a notification on the run.
        invocations: [
          {
            executionSuccessful: true,
            ...(total > MAX_LISTED
              ? {
                  toolExecutionNotifications: [
                    {
                      level: 'warning',
                      descriptor: { id: 'results-truncated' },
                      message: { text: truncationNotice(total) },
                    },
                  ],
                }
              : {}),
          },
        ],
        ...(uri === undefined ? {} : { artifacts: [{ location: { uri } }] }),
        results: listed(result).map((finding) => ({
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

import type { z } from 'zod';
import { migrate } from '../model/migrations';
import { NODE_KINDS } from '../model/layers';
import { METRIC_KEYS } from '../model/metrics';
import { LIMITS, diagramSchema, type Diagram } from '../model/schema';
import { CURRENT_VERSION, FORMAT, MAX_FILE_BYTES } from '../model/version';
import { RULES, ruleById } from '../rules/registry';
import {
  FORBIDDEN_KEYS,
  MAX_DEPTH,
  findKeyProblem,
  forbiddenKeyProblem,
  tooDeepProblem,
} from './key-scan';
import { formatPath, type Problem } from './problems';
import { appendAll } from '../model/arrays';

export type ParseResult =
  | { readonly ok: true; readonly diagram: Diagram; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const MAX_PROBLEMS = 50;
/** Problem messages quote user text; past these lengths they quote the start and say so. */
const DETAIL_SHOWN = 160;
const KEY_SHOWN = 40;
const KEYS_SHOWN = 5;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(clip(text, KEY_SHOWN));
}

/** At most a few keys named, then how many more: a file with 10,000 unknown keys gets one line. */
function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, KEYS_SHOWN).map(quote).join(', ');
  return keys.length > KEYS_SHOWN ? `${shown} and ${keys.length - KEYS_SHOWN} more` : shown;
}

function refuse(path: string, message: string): ParseResult {
  return { ok: false, problems: [{ path, message }] };
}

/**
 * The one gate for untrusted diagrams: files, drops, pastes, share links, storage and the CLI
 * all come through here. It never throws, and it never touches the diagram that is open.
 */
export function parseDiagramFile(input: string): ParseResult {
  // A byte-order mark is no part of the JSON; the editor's decoder drops it too.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A UTF-8 byte is at least one UTF-16 unit, so only long texts need the exact count.
  if (text.length > MAX_FILE_BYTES || utf8Length(text) > MAX_FILE_BYTES) {
    const mb = (utf8Length(text) / 1024 / 1024).toFixed(2);
    return refuse('(file)', `The file is ${mb} MB, over the 5 MB that GTM Blueprint opens.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('(file)', `The file is not valid JSON (${clip(detail, DETAIL_SHOWN)}).`);
  }
  // The text scan also finds hostile keys and deep nesting, so the value is not walked again.
  const keyProblem = findKeyProblem(text);
  if (keyProblem) return { ok: false, problems: [keyProblem] };
  return checkDiagram(value);
}

/** The gate for a value that did not come as text (a Y.Doc's content, a test's object). */
export function parseDiagramValue(value: unknown): ParseResult {
  const hostile = findForbiddenKey(value, [], 0);
  if (hostile) return { ok: false, problems: [hostile] };
  return checkDiagram(value);
}

/** Everything after the hostile-key check: format, migration, schema, references. */
function checkDiagram(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('(file)', 'The file does not hold a GTM Blueprint diagram (expected an object).');
  }
  const file = value as Record<string, unknown>;
  if (file.format !== FORMAT) {
    return refuse('format', `This is not a GTM Blueprint file: "format" must be "${FORMAT}".`);
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse('version', '"version" must be a whole number such as 1.');
  }
  const migrated = migrate(file, version, CURRENT_VERSION);
  if (!migrated.ok) {
    return migrated.reason === 'newer'
      ? refuse(
          'version',
          `This file was made by a newer GTM Blueprint (format version ${version}; this one reads up to ${CURRENT_VERSION}). Update the app to open it.`,
        )
      : refuse('version', `Format version ${version} is not one GTM Blueprint knows.`);
  }

  const parsed = diagramSchema.safeParse(migrated.file);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_PROBLEMS);
    return { ok: false, problems: issues.map((issue) => toProblem(issue, migrated.file)) };
  }
  const problems = [...checkRuleSettings(parsed.data), ...checkReferences(parsed.data)];
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return version === CURRENT_VERSION
    ? { ok: true, diagram: parsed.data }
    : { ok: true, diagram: parsed.data, migratedFrom: version };
}

function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * The first key that could tamper with prototypes, or nesting past any real diagram. One path
 * array is pushed and popped as the walk goes, and copied only for a problem: a 5,000-card
 * file has about 400,000 values, and a copy per value was a fifth of the parse time.
 */
function findForbiddenKey(value: unknown, path: PropertyKey[], depth: number): Problem | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_DEPTH) return tooDeepProblem(path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = findForbiddenKey(value[i], path, depth + 1);
      path.pop();
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return forbiddenKeyProblem(path, key);
    path.push(key);
    const found = findForbiddenKey((value as Record<string, unknown>)[key], path, depth + 1);
    path.pop();
    if (found) return found;
  }
  return null;
}

/**
 * A setting for a rule that does not exist, or an option the rule does not have, is refused
 * like an unknown field: a typo would otherwise silently leave the rule as it was.
 */
function checkRuleSettings(diagram: Diagram): Problem[] {
  const problems: Problem[] = [];
  for (const [id, setting] of Object.entries(diagram.rules ?? {})) {
    const rule = ruleById(id);
    if (!rule) {
      problems.push({
        path: formatPath(['rules', id]),
        message: `There is no rule ${quote(id)}. Known rules: ${RULES.map((r) => r.meta.id).join(', ')}.`,
      });
      continue;
    }
    if (typeof setting !== 'object' || !setting.options) continue;
    const declared = rule.meta.options ?? {};
    const names = Object.keys(declared);
    const unknown = Object.keys(setting.options).filter((name) => !Object.hasOwn(declared, name));
    if (unknown.length > 0) {
      problems.push({
        path: formatPath(['rules', id, 'options']),
        message:
          names.length === 0
            ? `The rule "${id}" has no options; remove ${keyList(unknown)}.`
            : `Unknown option${unknown.length > 1 ? 's' : ''} ${keyList(unknown)} for the rule "${id}". Its options: ${names.join(', ')}.`,
      });
    }
    for (const [name, value] of Object.entries(setting.options)) {
      const meta = Object.hasOwn(declared, name) ? declared[name] : undefined;
      if (!meta || (value >= meta.min && value <= meta.max)) continue;
      problems.push({
        path: formatPath(['rules', id, 'options', name]),
        message: `The option "${name}" of "${id}" must be from ${meta.min} to ${meta.max}, not ${value}.`,
      });
    }
  }
  return problems;
}

function checkReferences(diagram: Diagram): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Map<string, number>();
  diagram.nodes.forEach((node, i) => {
    const first = nodeIds.get(node.id);
    if (first !== undefined) {
      problems.push({
        path: `nodes[${i}].id`,
        message: `The id "${node.id}" is already used by nodes[${first}]; every node needs its own id.`,
      });
    } else nodeIds.set(node.id, i);
  });
  const edgeIds = new Map<string, number>();
  diagram.edges.forEach((edge, i) => {
    const first = edgeIds.get(edge.id);
    if (first !== undefined) {
      problems.push({
        path: `edges[${i}].id`,
        message: `The id "${edge.id}" is already used by edges[${first}]; every edge needs its own id.`,
      });
    } else edgeIds.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(edge[end])) {
        problems.push({
          path: `edges[${i}].${end}`,
          message: `The edge points to a node "${edge[end]}" that is not in the diagram.`,
        });
      }
    }
    if (edge.source === edge.target) {
      problems.push({
        path: `edges[${i}]`,
        message: 'The edge joins a node to itself; a handoff needs two different nodes.',
      });
    }
  });
  appendAll(problems, checkStageMap(diagram));
  problems.push(...checkComments(diagram, nodeIds, edgeIds));
  return problems;
}

/**
 * A comment thread must be about something in the diagram: deleting a card or edge deletes its
 * threads in the same edit, so a thread on a missing element means a damaged or hand-edited file.
 */
function checkComments(
  diagram: Diagram,
  nodeIds: ReadonlyMap<string, number>,
  edgeIds: ReadonlyMap<string, number>,
): Problem[] {
  const problems: Problem[] = [];
  const threadIds = new Set<string>();
  (diagram.comments ?? []).forEach((thread, i) => {
    if (threadIds.has(thread.id)) {
      problems.push({
        path: `comments[${i}].id`,
        message: `The comment thread id "${thread.id}" is used twice; every thread needs its own id.`,
      });
    }
    threadIds.add(thread.id);
    const target = thread.target;
    const element = target.type === 'finding' ? target.element : target;
    if (element.type === 'diagram') return;
    const exists = (element.type === 'node' ? nodeIds : edgeIds).has(element.id);
    if (!exists) {
      problems.push({
        path:
          target.type === 'finding'
            ? `comments[${i}].target.element.id`
            : `comments[${i}].target.id`,
        message: `The comment thread is about ${element.type === 'node' ? 'a card' : 'an edge'} "${element.id}" that is not in the diagram.`,
      });
    }
  });
  return problems;
}

/** A CRM stage mapped to a node must name a stage card, or the import's figures land nowhere. */
function checkStageMap(diagram: Diagram): Problem[] {
  const stageMap = diagram.actuals?.stageMap;
  if (!stageMap) return [];
  const kinds = new Map(diagram.nodes.map((node) => [node.id, node.kind]));
  const problems: Problem[] = [];
  for (const [crmStage, target] of Object.entries(stageMap)) {
    if (target.startsWith('@')) continue;
    const kind = kinds.get(target);
    if (kind === 'stage') continue;
    problems.push({
      path: formatPath(['actuals', 'stageMap', crmStage]),
      message:
        kind === undefined
          ? `The CRM stage "${crmStage}" is mapped to a node "${target}" that is not in the diagram.`
          : `The CRM stage "${crmStage}" is mapped to "${target}", a ${kind} card; it must be a pipeline stage.`,
    });
  }
  return problems;
}

function toProblem(issue: z.core.$ZodIssue, file: unknown): Problem {
  const message = isCyclePath(issue, file)
    ? `${quote(String(issue.path[issue.path.length - 1]))} is a sales cycle in days: from 1 to ${LIMITS.days}.`
    : describeIssue(issue, valueAt(file, issue.path));
  return { path: formatPath(issue.path), message };
}

/** A metric's value out of bounds is a rate problem, unless the metric is the sales cycle. */
function isCyclePath(issue: z.core.$ZodIssue, file: unknown): boolean {
  if ((issue.code !== 'too_small' && issue.code !== 'too_big') || !isRatePath(issue.path))
    return false;
  const metric = valueAt(file, issue.path.slice(0, -1)) as { key?: unknown } | undefined;
  return metric?.key === 'sales-cycle-days';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.length ? quote(String(issue.path[issue.path.length - 1])) : 'The file';
  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(input);
      if (issue.expected === 'number' && received === 'number') {
        return `${capitalize(field)} must be a finite number, not ${String(input)}.`;
      }
      if (received === 'missing') return `${capitalize(field)} is required and missing.`;
      return `${capitalize(field)} must be ${article(issue.expected)}, not ${article(received)}.`;
    }
    case 'invalid_union':
      if (issue.path[issue.path.length - 1] === 'kind') {
        return `This node's "kind" is not one GTM Blueprint knows. Use one of: ${NODE_KINDS.join(', ')}.`;
      }
      if (issue.path[issue.path.length - 1] === 'key') {
        return `${quote(String(input))} is not a metric GTM Blueprint knows. Use one of: ${METRIC_KEYS.join(', ')}.`;
      }
      return `${capitalize(field)} does not match any allowed shape.`;
    case 'invalid_value':
      if (issue.values.length === 1) {
        return `${capitalize(field)} must be ${JSON.stringify(issue.values[0])}.`;
      }
      return `${capitalize(field)} must be one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${keyList(issue.keys)}: the format (version ${CURRENT_VERSION}) does not have ${issue.keys.length > 1 ? 'them' : 'it'}.`;
    case 'too_big':
      if (issue.origin === 'string')
        return `${capitalize(field)} is longer than ${issue.maximum} characters.`;
      if (issue.origin === 'array')
        return `${capitalize(field)} has more than ${issue.maximum} items.`;
      if (isRatePath(issue.path))
        return `${capitalize(field)} is a rate and must be between 0 and 1 (write 3% as 0.03).`;
      return `${capitalize(field)} must be at most ${issue.maximum}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${capitalize(field)} must not be empty.`;
      if (isRatePath(issue.path))
        return `${capitalize(field)} is a rate and must be between 0 and 1 (write 3% as 0.03).`;
      return `${capitalize(field)} must be at least ${issue.minimum}.`;
    case 'invalid_format':
      return `${capitalize(field)} ${issue.message}.`;
    default:
      return `${capitalize(field)}: ${clip(issue.message, DETAIL_SHOWN)}.`;
  }
}

function isRatePath(path: readonly PropertyKey[]): boolean {
  return path.includes('metrics') && path[path.length - 1] === 'value';
}

function receivedType(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function article(type: string): string {
  if (type === 'null' || type === 'missing') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function capitalize(text: string): string {
  return text.charAt(0) === '"' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

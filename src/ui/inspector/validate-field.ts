import type { ZodMiniType } from 'zod/mini';
import type { NodeKind } from '../../model/layers';
import { nodeDataSchemas } from '../../model/schema';

/** The schema's verdict on one field of a kind's data, as a short sentence for the inline error. */
export function validateField(kind: NodeKind, key: string, value: unknown): string | null {
  if (value === undefined) return null;
  const shape: Record<string, ZodMiniType | undefined> = nodeDataSchemas[kind].shape;
  const schema = shape[key];
  return schema ? schemaProblem(schema, value) : null;
}

/** What the schema says is wrong with `value`, in a short sentence, or null when it is valid. */
export function schemaProblem(schema: ZodMiniType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return 'This value is not valid.';
  switch (issue.code) {
    case 'too_small':
      return `Must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be at most ${String(issue.maximum)} characters.`
        : `Must be at most ${String(issue.maximum)}.`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'Must be a whole number.' : `Must be a ${issue.expected}.`;
    default:
      return issue.message;
  }
}

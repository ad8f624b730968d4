import type { ZodMiniType } from 'zod/mini';
import type { NodeKind } from '../../model/layers';
import { nodeDataSchemas } from '../../model/schema';

/** The schema's verdict on one field, as a short sentence for the inline error. */
export function validateField(kind: NodeKind, key: string, value: unknown): string | null {
  if (value === undefined) return null;
  const shape = nodeDataSchemas[kind].shape as Record<string, ZodMiniType>;
  const schema = shape[key];
  if (!schema) return null;
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

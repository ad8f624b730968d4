import { RULES } from '../../rules/registry';

/** What the audit looks at, from the rule registry, so the list never drifts from the engine. */
export function AuditChecks() {
  return (
    <details className="text-sm text-zinc-700">
      <summary className="cursor-pointer rounded text-xs font-medium text-zinc-600 hover:text-zinc-900">
        What the audit checks ({RULES.length} rules)
      </summary>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-xs">
        {RULES.map(({ meta }) => (
          <li key={meta.id}>{meta.description}</li>
        ))}
      </ul>
    </details>
  );
}

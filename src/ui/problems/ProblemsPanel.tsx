/** Placeholder until the audit panel lands (issue 4). */
export function ProblemsPanel() {
  return <section role="region" aria-label="Problems" className="p-3 text-sm text-zinc-600" />;
}

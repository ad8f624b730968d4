import type { ReactNode } from 'react';
import { COMPARE_COLORS } from '../../ui-kit/compare-colors';
import { KIND_LABEL } from '../../model/layers';
import { METRIC_LABEL } from '../../model/metrics';
import type { DiagramEdge } from '../../model/schema';
import { changeText, fieldLabel, metricText, moneyText, valueText } from '../../review/field-text';
import { useEditor } from '../../store/react/editor-context';
import { useComparison } from '../../store/react/use-comparison';

/**
 * What changed since the version (or file) being compared with, as a list keyboard and
 * screen-reader users can walk: each added or changed card or edge selects itself on the
 * canvas; then the audit delta by rule and the metrics that drifted past 15%.
 */
export function ComparePanel() {
  const open = useComparison();
  const select = useEditor((s) => s.select);
  const compareWith = useEditor((s) => s.compareWith);
  if (!open) return null;
  const { diff, audit, drift, newArr, currency, titles } = open.result;
  const title = (id: string) => titles.get(id) || 'Untitled';
  const edgeName = (e: Pick<DiagramEdge, 'source' | 'target'>) =>
    `${title(e.source)} → ${title(e.target)}`;
  const showNode = (id: string) => select({ nodes: [id], edges: [] });
  const showEdge = (id: string) => select({ nodes: [], edges: [id] });
  const changeCount =
    diff.nodes.added.length +
    diff.nodes.removed.length +
    diff.nodes.changed.length +
    diff.edges.added.length +
    diff.edges.removed.length +
    diff.edges.changed.length +
    diff.document.length;
  const valueOf = (field: string, value: unknown) =>
    field === 'source' || field === 'target' ? title(String(value)) : valueText(field, value);

  return (
    <section
      aria-label="Comparison"
      className="flex flex-col gap-2 rounded-md border border-zinc-300 bg-zinc-50 p-2"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-sm font-semibold break-words text-zinc-900">
          Compared with “{open.name}”
        </h2>
        <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => compareWith(null)}>
          Close comparison
        </button>
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-700" aria-label="Legend">
        <Swatch color={COMPARE_COLORS.added} label="added" />
        <Swatch color={COMPARE_COLORS.removed} label="removed (faded)" />
        <Swatch color={COMPARE_COLORS.changed} label="changed" />
        <Swatch color={COMPARE_COLORS.moved} label="only moved" dashed />
      </p>

      <h3 className="text-xs font-semibold tracking-wide text-zinc-700 uppercase">
        Changes ({changeCount})
      </h3>
      <ul aria-label="Changes" className="flex flex-col gap-1 text-sm">
        {diff.document.map((c) => (
          <li key={`doc-${c.field}`}>
            Diagram {fieldLabel(c.field)}: {valueText(c.field, c.before)} →{' '}
            {valueText(c.field, c.after)}
          </li>
        ))}
        {diff.nodes.added.map((n) => (
          <li key={`add-${n.id}`}>
            <ItemButton onClick={() => showNode(n.id)} color={COMPARE_COLORS.added}>
              Added {KIND_LABEL[n.kind]} “{n.title || 'Untitled'}”
            </ItemButton>
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li
            key={`rm-${n.id}`}
            style={{ borderLeft: `3px solid ${COMPARE_COLORS.removed}` }}
            className="pl-1.5"
          >
            Removed {KIND_LABEL[n.kind]} “{n.title || 'Untitled'}”
          </li>
        ))}
        {diff.nodes.changed.map((n) => (
          <li key={`ch-${n.id}`}>
            <ItemButton onClick={() => showNode(n.id)} color={COMPARE_COLORS.changed}>
              Changed {KIND_LABEL[n.kind]} “{n.title || 'Untitled'}”{n.moved ? ' (also moved)' : ''}
            </ItemButton>
            <ul className="ml-4 list-disc text-xs text-zinc-700">
              {n.changes.map((c) => (
                <li key={c.field}>
                  {fieldLabel(c.field)}: {valueText(c.field, c.before)} →{' '}
                  {valueText(c.field, c.after)}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {diff.edges.added.map((e) => (
          <li key={`eadd-${e.id}`}>
            <ItemButton onClick={() => showEdge(e.id)} color={COMPARE_COLORS.added}>
              Added handoff {edgeName(e)}
            </ItemButton>
          </li>
        ))}
        {diff.edges.removed.map((e) => (
          <li
            key={`erm-${e.id}`}
            style={{ borderLeft: `3px solid ${COMPARE_COLORS.removed}` }}
            className="pl-1.5"
          >
            Removed handoff {edgeName(e)}
          </li>
        ))}
        {diff.edges.changed.map((e) => (
          <li key={`ech-${e.id}`}>
            <ItemButton onClick={() => showEdge(e.id)} color={COMPARE_COLORS.changed}>
              Changed handoff {edgeName(e.edge)}
            </ItemButton>
            <ul className="ml-4 list-disc text-xs text-zinc-700">
              {e.changes.map((c) => (
                <li key={c.field}>
                  {fieldLabel(c.field)}: {valueOf(c.field, c.before)} → {valueOf(c.field, c.after)}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {changeCount === 0 && (
          <li className="text-zinc-600">No cards, handoffs or settings changed.</li>
        )}
      </ul>
      {diff.nodes.moved.length > 0 && (
        <details className="text-sm">
          <summary>
            {diff.nodes.moved.length} {diff.nodes.moved.length === 1 ? 'card' : 'cards'} only moved
          </summary>
          <ul aria-label="Only moved" className="mt-1 flex flex-col gap-1">
            {diff.nodes.moved.map((m) => (
              <li key={m.id}>
                <ItemButton onClick={() => showNode(m.id)} color={COMPARE_COLORS.moved}>
                  “{m.title || 'Untitled'}”
                </ItemButton>
              </li>
            ))}
          </ul>
        </details>
      )}

      <h3 className="text-xs font-semibold tracking-wide text-zinc-700 uppercase">
        Audit: {audit.fixed} fixed, {audit.new} new, {audit.unchanged} unchanged
      </h3>
      <ul aria-label="Audit delta" className="flex flex-col gap-1 text-sm">
        {audit.rules.map((r) => (
          <li key={r.ruleId}>
            <code className="text-xs">{r.ruleId}</code>: {r.fixed.length} fixed, {r.new.length} new,{' '}
            {r.unchanged.length} unchanged
            {(r.fixed.length > 0 || r.new.length > 0) && (
              <ul className="ml-4 list-disc text-xs text-zinc-700">
                {r.fixed.map((f, i) => (
                  <li key={`f${i}`}>Fixed: {f.message}</li>
                ))}
                {r.new.map((f, i) => (
                  <li key={`n${i}`}>New: {f.message}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {audit.rules.length === 0 && (
          <li className="text-zinc-600">No findings in either version.</li>
        )}
      </ul>

      <h3 className="text-xs font-semibold tracking-wide text-zinc-700 uppercase">Metric drift</h3>
      <p className="text-sm">
        New ARR per month: {moneyText(newArr.before, currency)} then,{' '}
        {moneyText(newArr.after, currency)} now
      </p>
      <ul aria-label="Metric drift" className="flex flex-col gap-1 text-sm">
        {drift.map((d) => (
          <li key={`${d.nodeId}-${d.key}`}>
            <ItemButton onClick={() => showNode(d.nodeId)} color={COMPARE_COLORS.changed}>
              “{d.title || 'Untitled'}”: {METRIC_LABEL[d.key]} {metricText(d.key, d.before)} →{' '}
              {metricText(d.key, d.after)} ({changeText(d.change)})
            </ItemButton>
          </li>
        ))}
        {drift.length === 0 && <li className="text-zinc-600">No metric moved more than 15%.</li>}
      </ul>
    </section>
  );
}

function Swatch({
  color,
  label,
  dashed = false,
}: {
  color: string;
  label: string;
  dashed?: boolean;
}) {
  return (
    <span className="inline-flex items-center gap-1">
      <span
        aria-hidden="true"
        className="inline-block h-3 w-3 rounded-sm"
        style={{ border: `2px ${dashed ? 'dashed' : 'solid'} ${color}` }}
      />
      {label}
    </span>
  );
}

function ItemButton({
  onClick,
  color,
  children,
}: {
  onClick: () => void;
  color: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="w-full rounded py-0.5 pl-1.5 text-left hover:bg-zinc-100"
      style={{ borderLeft: `3px solid ${color}` }}
    >
      {children}
    </button>
  );
}

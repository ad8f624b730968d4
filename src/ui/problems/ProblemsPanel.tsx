import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useEditor, useEditorApi } from '../../store/react/editor-context';
import { useAudit } from '../../store/react/use-audit';
import { KIND_LABEL } from '../../model/layers';
import { findingCommentTarget, findingThreadKey, openFindingThreads } from '../../model/comments';
import type { DiagramEdge, DiagramNode } from '../../model/schema';
import type { Finding, FindingTarget, Severity } from '../../rules/types';
import { AuditChecks } from './AuditChecks';
import {
  ROW_CAP,
  SEVERITY_HEADING,
  SEVERITY_ORDER,
  countBySeverity,
  describeProblemCount,
  filterFindings,
  findingKey,
} from '../../ui-kit/finding-text';
import { FindingRow } from './FindingRow';
import { LeadTracePanel } from './LeadTracePanel';
import { LearnMoreDialog } from './LearnMoreDialog';
import { ALL_SEVERITIES } from '../../store/problems-view';
import { useProblemsView } from '../../store/react/use-problems-view';
import { SeverityIcon } from '../../ui-kit/SeverityIcon';
import { useShowOnCanvas } from './use-show-on-canvas';

const nodeName = (node: DiagramNode) => `${KIND_LABEL[node.kind]} “${node.title || 'Untitled'}”`;

/** The audit of the open diagram: every finding, filterable, with quick fixes and the lead trace. */
export function ProblemsPanel() {
  const { store } = useEditorApi();
  const setView = useEditor((s) => s.setProblemsView);
  const audit = useAudit();
  const nodes = useEditor((s) => s.diagram.nodes);
  const edges = useEditor((s) => s.diagram.edges);
  const dialog = useEditor((s) => s.dialog);
  const view = useProblemsView((v) => v);
  const { showTarget } = useShowOnCanvas();
  const regionRef = useRef<HTMLElement>(null);
  const traceId = useId();
  // The announcement is about the diagram as the fix left it: an undo or any later edit ends it.
  const diagram = useEditor((s) => s.diagram);
  const [applied, setApplied] = useState<{ text: string; diagram: unknown } | null>(null);
  const announcement = applied && applied.diagram === diagram ? applied.text : '';

  const comments = useEditor((s) => s.diagram.comments);
  const threadsByFinding = useMemo(() => openFindingThreads(comments), [comments]);
  const nodeById = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const edgeById = useMemo(
    () => new Map<string, DiagramEdge>(edges.map((e) => [e.id, e])),
    [edges],
  );
  const whereOf = (target: FindingTarget): string | null => {
    if (target.type === 'diagram') return null;
    if (target.type === 'node') {
      const node = nodeById.get(target.id);
      return node ? nodeName(node) : target.id;
    }
    const edge = edgeById.get(target.id);
    const end = (id: string) => nodeById.get(id)?.title || 'Untitled';
    return edge ? `Handoff ${end(edge.source)} → ${end(edge.target)}` : target.id;
  };

  // Counts on the severity toggles ignore the toggles themselves: they say what turning one on shows.
  const unfiltered = useMemo(
    () => filterFindings(audit.findings, { ...view, severities: ALL_SEVERITIES }),
    [audit.findings, view],
  );
  const toggleCounts = useMemo(() => countBySeverity(unfiltered), [unfiltered]);
  const shown = useMemo(
    () => unfiltered.filter((finding) => view.severities[finding.severity]),
    [unfiltered, view.severities],
  );
  const groupCounts = useMemo(() => countBySeverity(shown), [shown]);
  const rendered = view.showAll ? shown : shown.slice(0, ROW_CAP);

  // The handlers take a finding's key and resolve it against the current audit, so a row that
  // skipped a re-render never applies a stale finding's fix.
  const current = useCallback(
    (key: string) => {
      const { derived, diagram } = store.getState();
      return derived.auditOf(diagram).findings.find((f) => findingKey(f) === key);
    },
    [store],
  );
  const onShow = useCallback(
    (key: string) => {
      const finding = current(key);
      if (finding) showTarget(finding.target);
    },
    [current, showTarget],
  );
  const onFix = useCallback(
    (key: string) => {
      const fix = current(key)?.fix;
      if (!fix) return;
      store.getState().applyTransform(fix.apply);
      setApplied({
        text: `Applied: ${fix.label}. Undo reverts it.`,
        diagram: store.getState().diagram,
      });
      // The fixed row is gone; keep keyboard focus inside the panel rather than on the page.
      regionRef.current?.focus();
    },
    [current, store],
  );
  const onLearnMore = useCallback(
    (ruleId: string) => {
      setView({ learnMore: ruleId });
      store.getState().openDialog('learn-more');
    },
    [store, setView],
  );
  const onComment = useCallback(
    (key: string) => {
      const finding = current(key);
      if (finding) store.getState().commentOn(findingCommentTarget(finding.ruleId, finding.target));
    },
    [current, store],
  );
  const closeLearnMore = () => {
    setView({ learnMore: null });
    store.getState().openDialog(null);
  };
  const setTraceOpen = (traceOpen: boolean) => setView({ traceOpen });

  useEffect(() => {
    if (!view.pendingFocus) return;
    setView({ pendingFocus: false });
    const first = regionRef.current?.querySelector<HTMLElement>('[data-finding-show]');
    (first ?? regionRef.current)?.focus();
  }, [view.pendingFocus, setView]);

  const empty = nodes.length === 0;
  const total = audit.findings.length;
  const filtering =
    view.query.trim() !== '' ||
    view.target !== null ||
    SEVERITY_ORDER.some((s) => !view.severities[s]);

  return (
    <section
      ref={regionRef}
      role="region"
      aria-label="Problems"
      tabIndex={-1}
      className="flex flex-col gap-3 p-3 outline-offset-[-2px]"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-zinc-800">
          {empty
            ? 'Empty diagram'
            : total === 0
              ? 'No problems'
              : describeProblemCount(audit.counts)}
        </p>
        <button
          type="button"
          className={`btn shrink-0 ${view.traceOpen ? 'border-yellow-400 bg-yellow-50' : ''}`}
          aria-expanded={view.traceOpen}
          aria-controls={view.traceOpen ? traceId : undefined}
          title="Follow one lead through the eight steps of the data flow"
          onClick={() => setTraceOpen(!view.traceOpen)}
        >
          Lead trace
        </button>
      </div>

      {view.traceOpen && <LeadTracePanel id={traceId} onClose={() => setTraceOpen(false)} />}

      {empty ? (
        <EmptyDiagram finding={audit.findings[0]} onFix={onFix} onLearnMore={onLearnMore} />
      ) : total === 0 ? (
        <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50/60 p-3">
          <h2 className="text-sm font-semibold text-emerald-900">No problems found</h2>
          <p className="text-sm text-zinc-700">
            This diagram passes every check the audit runs. Use the lead trace to follow one lead
            through the eight steps of the data flow.
          </p>
          <AuditChecks />
        </div>
      ) : (
        <>
          <div className="flex flex-col gap-2">
            <input
              type="search"
              aria-label="Filter problems"
              placeholder="Filter by message or rule id"
              value={view.query}
              onChange={(e) => setView({ query: e.currentTarget.value, showAll: false })}
              className="w-full rounded-md border border-zinc-300 px-2 py-1 text-sm"
            />
            <div role="group" aria-label="Severity" className="flex flex-wrap gap-1.5">
              {SEVERITY_ORDER.map((severity) => (
                <SeverityToggle
                  key={severity}
                  severity={severity}
                  count={toggleCounts[severity]}
                  pressed={view.severities[severity]}
                  onToggle={() =>
                    setView((v) => ({
                      severities: { ...v.severities, [severity]: !v.severities[severity] },
                      showAll: false,
                    }))
                  }
                />
              ))}
            </div>
            {view.target && (
              <div className="flex items-center justify-between gap-2 rounded-md bg-zinc-100 px-2 py-1 text-xs text-zinc-700">
                <span className="min-w-0 truncate">
                  Only problems of{' '}
                  <strong className="font-semibold text-zinc-900">{whereOf(view.target)}</strong>
                </span>
                <button
                  type="button"
                  className="shrink-0 rounded px-1 text-blue-700 hover:underline"
                  aria-label="Clear element filter"
                  onClick={() => setView({ target: null, showAll: false })}
                >
                  Clear
                </button>
              </div>
            )}
          </div>

          {shown.length === 0 ? (
            <div className="flex flex-col items-start gap-2 text-sm text-zinc-700">
              <p>No problems match the filter.</p>
              {filtering && (
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    setView({
                      query: '',
                      severities: ALL_SEVERITIES,
                      target: null,
                      showAll: false,
                    })
                  }
                >
                  Clear filters
                </button>
              )}
            </div>
          ) : (
            SEVERITY_ORDER.map((severity) => {
              const rows = rendered.filter((finding) => finding.severity === severity);
              if (groupCounts[severity] === 0) return null;
              const headingId = `${traceId}-${severity}`;
              return (
                <div key={severity} className="flex flex-col gap-1.5">
                  <h2
                    id={headingId}
                    className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase"
                  >
                    <SeverityIcon severity={severity} />
                    {SEVERITY_HEADING[severity]} ({groupCounts[severity]})
                  </h2>
                  {rows.length > 0 && (
                    <ul aria-labelledby={headingId} className="flex flex-col gap-1.5">
                      {withUniqueKeys(rows).map(([key, finding]) => (
                        <FindingRow
                          key={key}
                          rowKey={findingKey(finding)}
                          ruleId={finding.ruleId}
                          severity={finding.severity}
                          message={finding.message}
                          where={whereOf(finding.target)}
                          fixLabel={finding.fix?.label ?? null}
                          openThreads={
                            threadsByFinding.get(findingThreadKey(finding.ruleId, finding.target))
                              ?.length ?? 0
                          }
                          onShow={onShow}
                          onFix={onFix}
                          onLearnMore={onLearnMore}
                          onComment={onComment}
                        />
                      ))}
                    </ul>
                  )}
                </div>
              );
            })
          )}
          {rendered.length < shown.length && (
            <div className="flex flex-col items-start gap-1 text-xs text-zinc-600">
              <p>
                Showing the first {rendered.length} of {shown.length}. Narrow the list with the
                filter, or:
              </p>
              <button type="button" className="btn" onClick={() => setView({ showAll: true })}>
                Show all {shown.length}
              </button>
            </div>
          )}
        </>
      )}

      <p role="status" className="sr-only">
        {announcement}
      </p>
      {dialog === 'learn-more' && view.learnMore && (
        <LearnMoreDialog ruleId={view.learnMore} onClose={closeLearnMore} />
      )}
    </section>
  );
}

function SeverityToggle({
  severity,
  count,
  pressed,
  onToggle,
}: {
  severity: Severity;
  count: number;
  pressed: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${
        pressed
          ? 'border-zinc-400 bg-white text-zinc-900 shadow-xs'
          : 'border-dashed border-zinc-300 bg-zinc-50 text-zinc-500 line-through'
      }`}
    >
      <SeverityIcon severity={severity} />
      {SEVERITY_HEADING[severity]} {count}
    </button>
  );
}

/** React keys for rows: the finding key, made unique if one rule says the same thing twice. */
function withUniqueKeys(findings: readonly Finding[]): [string, Finding][] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = findingKey(finding);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return [n === 0 ? key : `${key}#${n}`, finding];
  });
}

/** An empty diagram gets one friendly start, not a wall of red. */
function EmptyDiagram({
  finding,
  onFix,
  onLearnMore,
}: {
  finding: Finding | undefined;
  onFix: (key: string) => void;
  onLearnMore: (ruleId: string) => void;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3">
      <h2 className="text-sm font-semibold text-zinc-900">Nothing to audit yet</h2>
      <p className="text-sm text-zinc-700">
        The diagram is empty. Lay out the five layers, from who you sell to down to the RevOps
        foundation, or start from one of the Templates.
      </p>
      {finding?.fix && (
        <button
          type="button"
          className="btn self-start border-emerald-600 text-left text-emerald-800 hover:bg-emerald-50"
          onClick={() => onFix(findingKey(finding))}
        >
          <span>
            <span className="font-semibold">Fix:</span> {finding.fix.label}
          </span>
        </button>
      )}
      {finding && (
        <p className="flex items-center gap-1.5 text-xs text-zinc-600">
          <code className="rounded bg-white px-1 text-[11px]">{finding.ruleId}</code>
          <button
            type="button"
            className="rounded px-1 text-blue-700 hover:underline"
            aria-label={`Learn more about ${finding.ruleId}`}
            onClick={() => onLearnMore(finding.ruleId)}
          >
            Learn more
          </button>
        </p>
      )}
      <AuditChecks />
    </div>
  );
}

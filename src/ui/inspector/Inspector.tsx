import { Suspense, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useEditor } from '../../store/react/editor-context';
import { useCanEdit } from '../../store/react/use-room';
import { KIND_LABEL, layerOf } from '../../model/layers';
import { isNodeOf } from '../../model/guards';
import { COMPANY_STAGES, EDGE_KINDS, titleSchema, type DiagramNode } from '../../model/schema';
import { LAYER_PALETTE } from '../../model/layer-palette';
import { LayerIcon } from '../../ui-kit/LayerIcon';
import { NumberInput, SelectInput, TextInput } from './FieldInputs';
import { schemaProblem } from './validate-field';
import { VIEW_ONLY_HINT } from '../view-only-hint';
import { preloadable } from '../../ui-kit/preloadable';

// A card's own fields and metrics are not needed until a card is selected: they load when the
// browser is idle after start-up (or with the first selection), and render directly once here.
const NodeFields = preloadable<{ node: DiagramNode }>(() =>
  import('./NodeFields').then((m) => m.NodeFields),
);

/** Resolves once a card's fields can render without waiting (for tests). */
export const nodeFieldsReady = NodeFields.ready;

/** Cards from which the form follows the selection in a deferred render. */
const DEFER_FROM_CARDS = 300;

/** The side panel for the selection: one node, one edge, several, or the diagram itself. */
export function Inspector() {
  const nodes = useEditor((s) => s.diagram.nodes);
  // On a big diagram a click on a card shows its selection on the canvas at once and the form
  // follows in an interruptible render, so the press stays a short task. On a small one the form
  // follows in the same render: until a deferred render lands, the form is the last selection's,
  // and what is typed or picked in it that moment (a busy machine stretches it) goes to the
  // card that was selected before.
  const current = useEditor((s) => s.selection);
  const deferred = useDeferredValue(current);
  const selection = nodes.length >= DEFER_FROM_CARDS ? deferred : current;
  const editable = useCanEdit();
  const hintId = useId();
  const edges = useEditor((s) => s.diagram.edges);
  const selectedNodes = useMemo(() => {
    const ids = new Set(selection.nodes);
    return nodes.filter((n) => ids.has(n.id));
  }, [nodes, selection.nodes]);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(NodeFields.preload, 2_000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(NodeFields.preload, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, []);
  const selectedEdges = useMemo(() => {
    const ids = new Set(selection.edges);
    return edges.filter((e) => ids.has(e.id));
  }, [edges, selection.edges]);

  let body;
  if (selectedNodes.length === 1 && selectedEdges.length === 0) {
    body = <NodeInspector key={selectedNodes[0]!.id} node={selectedNodes[0]!} />;
  } else if (selectedEdges.length === 1 && selectedNodes.length === 0) {
    body = <EdgeInspector key={selectedEdges[0]!.id} edgeId={selectedEdges[0]!.id} />;
  } else if (selectedNodes.length + selectedEdges.length > 1) {
    body = <MultiInspector nodes={selectedNodes} edgeIds={selectedEdges.map((e) => e.id)} />;
  } else {
    body = <DiagramInspector />;
  }
  return (
    <section role="region" aria-label="Inspector" className="flex flex-col gap-3 p-3">
      {editable ? (
        body
      ) : (
        // One disabled fieldset turns off every field and button below it, so no inspector
        // control can offer a viewer an edit the server would refuse.
        <>
          <p id={hintId} className="rounded-md bg-zinc-100 px-2 py-1 text-xs text-zinc-700">
            {VIEW_ONLY_HINT}
          </p>
          <fieldset
            disabled
            aria-describedby={hintId}
            className="m-0 flex min-w-0 flex-col gap-3 border-0 p-0 [&_:disabled]:cursor-not-allowed [&_:is(input,select,textarea):disabled]:bg-zinc-50 [&_:is(input,select,textarea):disabled]:text-zinc-600"
          >
            {body}
          </fieldset>
        </>
      )}
    </section>
  );
}

function NodeInspector({ node }: { node: DiagramNode }) {
  const updateNode = useEditor((s) => s.updateNode);
  const layer = layerOf(node.kind);
  return (
    <>
      <div
        className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide"
        style={{ color: LAYER_PALETTE[layer].text }}
      >
        <LayerIcon layer={layer} />
        {KIND_LABEL[node.kind]}
      </div>
      <TextInput
        label="Title"
        value={node.title}
        validate={(v) => schemaProblem(titleSchema, v)}
        onCommit={(title) => updateNode(node.id, { title })}
      />
      <Suspense fallback={null}>
        <NodeFields.Component node={node} />
      </Suspense>
      <ConnectTo node={node} />
    </>
  );
}

const choicesOf = new WeakMap<readonly DiagramNode[], string>();

/** Every card as the Connect to list names it, in diagram order: [id, "Title (Kind)"]. */
function connectChoices(nodes: readonly DiagramNode[]): string {
  let choices = choicesOf.get(nodes);
  if (choices === undefined) {
    choices = JSON.stringify(
      nodes.map((n) => [n.id, `${n.title || 'Untitled'} (${KIND_LABEL[n.kind]})`]),
    );
    choicesOf.set(nodes, choices);
  }
  return choices;
}

/** Keyboard users connect nodes here instead of dragging between handles. */
function ConnectTo({ node }: { node: DiagramNode }) {
  // A string, equal while only positions change: a drag step moves cards, not their names, and
  // must not rebuild an option per card (5,000 on a big diagram, on every step).
  const choices = useEditor((s) => connectChoices(s.diagram.nodes));
  const connect = useEditor((s) => s.connect);
  const setNotice = useEditor((s) => s.setNotice);
  const [target, setTarget] = useState('');
  const options = useMemo(
    () =>
      (JSON.parse(choices) as [string, string][])
        .filter(([id]) => id !== node.id)
        .map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        )),
    [choices, node.id],
  );
  return (
    <div className="flex flex-col gap-1 border-t border-zinc-200 pt-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
        Connect to
        <select
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          className="w-full rounded-md border border-zinc-300 px-2 py-1 text-sm"
        >
          <option value="">Choose a node…</option>
          {options}
        </select>
      </label>
      <button
        type="button"
        className="btn self-start"
        disabled={!target}
        onClick={() => {
          const result = connect(node.id, target);
          if (!result.ok) setNotice({ kind: 'info', text: result.reason });
          setTarget('');
        }}
      >
        Connect
      </button>
    </div>
  );
}

function EdgeInspector({ edgeId }: { edgeId: string }) {
  const edge = useEditor((s) => s.diagram.edges.find((e) => e.id === edgeId));
  const nodes = useEditor((s) => s.diagram.nodes);
  const updateEdge = useEditor((s) => s.updateEdge);
  const deleteElements = useEditor((s) => s.deleteElements);
  if (!edge) return null;
  const title = (id: string) => nodes.find((n) => n.id === id)?.title || 'Untitled';
  return (
    <>
      <div className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Handoff</div>
      <p className="text-sm text-zinc-700">
        {title(edge.source)} → {title(edge.target)}
      </p>
      <TextInput
        label="Label"
        value={edge.label ?? ''}
        placeholder="What is handed over?"
        onCommit={(label) => updateEdge(edge.id, { label })}
      />
      <SelectInput
        label="Edge kind"
        value={edge.kind ?? 'handoff'}
        options={EDGE_KINDS}
        allowEmpty={false}
        onCommit={(kind) => updateEdge(edge.id, { kind: kind ?? 'handoff' })}
      />
      <NumberInput
        label="Share of the flow"
        unit="%"
        placeholder="Even split"
        value={edge.share === undefined ? undefined : Math.round(edge.share * 1000) / 10}
        validate={(v) =>
          v !== undefined && (v < 0 || v > 100) ? 'A share is between 0% and 100%.' : null
        }
        onCommit={(v) => updateEdge(edge.id, { share: v === undefined ? undefined : v / 100 })}
      />
      <button
        type="button"
        className="btn self-start"
        onClick={() => deleteElements([], [edge.id])}
      >
        Delete handoff
      </button>
    </>
  );
}

function MultiInspector({
  nodes,
  edgeIds,
}: {
  nodes: readonly DiagramNode[];
  edgeIds: readonly string[];
}) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const updateEdges = useEditor((s) => s.updateEdges);
  const deleteElements = useEditor((s) => s.deleteElements);
  // Stage fields are offered only when every selected node is a stage.
  const stages = nodes.filter((n) => isNodeOf(n, 'stage'));
  const allStages = stages.length > 0 && stages.length === nodes.length;
  const owner = stages[0]?.data?.owner;
  const notes = nodes.every((n) => n.data?.notes === nodes[0]?.data?.notes)
    ? (nodes[0]?.data?.notes ?? '')
    : '';
  return (
    <>
      <div className="text-sm font-medium text-zinc-800">
        {nodes.length} node{nodes.length === 1 ? '' : 's'} and {edgeIds.length} edge
        {edgeIds.length === 1 ? '' : 's'} selected
      </div>
      {allStages && (
        <TextInput
          label="Owner (all selected stages)"
          value={stages.every((n) => n.data?.owner === owner) ? (owner ?? '') : ''}
          placeholder="Mixed"
          onCommit={(value) => updateNodeData(stages, { owner: value || undefined })}
        />
      )}
      {nodes.length > 0 && (
        <TextInput
          label="Notes (all selected nodes)"
          value={notes}
          placeholder="Mixed"
          multiline
          onCommit={(text) => updateNodeData(nodes, { notes: text || undefined })}
        />
      )}
      {edgeIds.length > 0 && (
        <SelectInput
          label="Edge kind (all selected edges)"
          value={undefined}
          options={EDGE_KINDS}
          onCommit={(kind) => {
            if (kind) updateEdges(edgeIds, { kind });
          }}
        />
      )}
      <button
        type="button"
        className="btn self-start"
        onClick={() =>
          deleteElements(
            nodes.map((n) => n.id),
            edgeIds,
          )
        }
      >
        Delete selected
      </button>
    </>
  );
}

function DiagramInspector() {
  const meta = useEditor((s) => s.diagram.meta);
  const count = useEditor((s) => s.diagram.nodes.length);
  const updateMeta = useEditor((s) => s.updateMeta);
  return (
    <>
      <div className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Diagram</div>
      <p className="text-sm text-zinc-600">
        {count === 0
          ? 'Add nodes from the palette, or start from a template.'
          : 'Select a node or a handoff to edit it. Shift-click or drag a box to select several.'}
      </p>
      <SelectInput
        label="Company stage"
        value={meta.companyStage}
        options={COMPANY_STAGES}
        onCommit={(companyStage) => updateMeta({ companyStage })}
      />
      <TextInput
        label="Last reviewed (YYYY-MM-DD)"
        value={meta.lastReviewed ?? ''}
        validate={(v) =>
          v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))
            ? null
            : 'Use a date such as 2026-11-23.'
        }
        onCommit={(lastReviewed) => updateMeta({ lastReviewed: lastReviewed || undefined })}
      />
      <button
        type="button"
        className="btn self-start"
        onClick={() => updateMeta({ lastReviewed: new Date().toISOString().slice(0, 10) })}
      >
        Mark reviewed today
      </button>
      <TextInput
        label="Description"
        multiline
        value={meta.description ?? ''}
        onCommit={(description) => updateMeta({ description: description || undefined })}
      />
    </>
  );
}

import { EDGE_KINDS, type EdgeKind } from '../model/schema';
import { EDGE_STYLE } from '../drawing/edge-style';

const NAME: Readonly<Record<EdgeKind, string>> = {
  handoff: 'Handoff',
  dataflow: 'Data flow',
  feedback: 'Feedback',
};

/**
 * The kind a new edge gets when a connector is dropped on a card: chosen here before or during
 * the drag (holding Alt while dropping makes a feedback edge), so a feedback loop needs no
 * detour to the inspector.
 */
export function ConnectKindPicker({
  value,
  onChange,
}: {
  value: EdgeKind;
  onChange: (kind: EdgeKind) => void;
}) {
  return (
    <fieldset className="flex items-center gap-1 rounded-full border border-zinc-200 bg-white/95 px-2 py-1 text-xs text-zinc-700 shadow-sm">
      <legend className="sr-only">New edges connect as</legend>
      <span aria-hidden="true" className="px-1 text-zinc-500">
        Connect as
      </span>
      {EDGE_KINDS.map((kind) => (
        <label
          key={kind}
          className={`flex cursor-pointer items-center gap-1 rounded-full px-2 py-0.5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 ${
            value === kind ? 'bg-zinc-900 text-white' : 'hover:bg-zinc-100'
          }`}
          title={EDGE_STYLE[kind].legend}
        >
          <input
            type="radio"
            name="gtm-connect-kind"
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
            className="sr-only"
          />
          <svg width="18" height="6" aria-hidden="true">
            <line
              x1="0"
              y1="3"
              x2="18"
              y2="3"
              stroke={value === kind ? '#ffffff' : EDGE_STYLE[kind].color}
              strokeWidth={EDGE_STYLE[kind].width}
              strokeDasharray={EDGE_STYLE[kind].dash ?? undefined}
            />
          </svg>
          {NAME[kind]}
        </label>
      ))}
    </fieldset>
  );
}

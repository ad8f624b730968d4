import { COMMANDS, keyLabel, usesCommandKey } from '../commands/registry';
import { Dialog } from './Dialog';

const MAC = typeof navigator !== 'undefined' && usesCommandKey(navigator.platform);

const EXTRA = [
  { label: 'Pan the canvas', keys: ['Drag the background', 'Space + drag'] },
  { label: 'Zoom', keys: ['Scroll', 'Pinch'] },
  { label: 'Add to the selection', keys: ['Shift + click'] },
  { label: 'Select with a box', keys: ['Shift + drag'] },
  { label: 'Edit a handoff label', keys: ['Double-click the label', 'Enter on it'] },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const groups = [...new Set(COMMANDS.map((c) => c.group))];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {groups.map((group) => (
          <section key={group} aria-label={group}>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
              {group}
            </h3>
            <dl className="flex flex-col gap-1">
              {COMMANDS.filter((c) => c.group === group).map((command) => (
                <div key={command.id} className="flex justify-between gap-3">
                  <dt>{command.label}</dt>
                  <dd className="flex gap-1">
                    {!command.keys && <span className="text-xs text-zinc-600">No shortcut</span>}
                    {command.keys?.map((k) => (
                      <kbd
                        key={k}
                        className="rounded border border-zinc-300 bg-zinc-50 px-1.5 text-xs"
                      >
                        {keyLabel(k, MAC)}
                      </kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="Canvas">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
            Canvas
          </h3>
          <dl className="flex flex-col gap-1">
            {EXTRA.map((item) => (
              <div key={item.label} className="flex justify-between gap-3">
                <dt>{item.label}</dt>
                <dd className="text-right text-xs text-zinc-600">{item.keys.join(' · ')}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}

import type { EditorState, EditorStore } from '../store/editor-store';
import type { DiagramSession } from '../store/session';
import { canEdit } from '../store/shared/can-edit';
import { roomState } from '../store/shared/room-state';

export interface CommandContext {
  readonly store: EditorStore;
  readonly session: DiagramSession;
  /** Canvas actions that only React Flow can perform (viewport), supplied by the canvas. */
  readonly view: { fitView(): void; autoLayout(): void };
}

export interface Command {
  readonly id: string;
  /** Also the accessible name of any button that runs it. */
  readonly label: string;
  readonly group: 'Edit' | 'History' | 'View' | 'Help';
  /** Shown in the shortcut dialog; "Mod" is Ctrl, or ⌘ on a Mac. */
  readonly keys?: readonly string[];
  readonly matches?: (event: KeyboardEvent) => boolean;
  /** Reads the state only, so a button can select it and stay current. */
  readonly enabled?: (state: EditorState) => boolean;
  /** Changes the diagram or its versions, so it is off for a viewer of a shared room (canEdit). */
  readonly edits?: boolean;
  /**
   * Why the command is off, for a key the browser must not have even then (Ctrl+S would open
   * "Save page"): the key is kept and the notice bar says this instead.
   */
  readonly whyOff?: (state: EditorState) => string;
  /** `event` is the key press that ran the command, if a key press did. */
  readonly run: (ctx: CommandContext, event?: KeyboardEvent) => void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;
const hasSelection = ({ selection }: EditorState) =>
  selection.nodes.length + selection.edges.length > 0;
const hasSelectedNodes = ({ selection }: EditorState) => selection.nodes.length > 0;
const NUDGE = 10;
const BIG_NUDGE = 50;

/**
 * Every user intent, declared once: the toolbar, the keyboard handler and the shortcut
 * dialog all render from this list.
 */
export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    edits: true,
    label: 'Undo',
    group: 'History',
    keys: ['Mod+Z'],
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    enabled: (state) => state.history.canUndo,
    run: ({ store }) => store.getState().undo(),
  },
  {
    id: 'redo',
    edits: true,
    label: 'Redo',
    group: 'History',
    keys: ['Shift+Mod+Z', 'Mod+Y'],
    matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
    enabled: (state) => state.history.canRedo,
    run: ({ store }) => store.getState().redo(),
  },
  {
    id: 'copy',
    label: 'Copy',
    group: 'Edit',
    keys: ['Mod+C'],
    matches: (e) => mod(e) && key(e, 'c'),
    enabled: hasSelectedNodes,
    run: ({ store }) => store.getState().copy(),
  },
  {
    id: 'paste',
    edits: true,
    label: 'Paste',
    group: 'Edit',
    keys: ['Mod+V'],
    matches: (e) => mod(e) && key(e, 'v'),
    enabled: (state) => state.clipboard !== null,
    run: ({ store }) => {
      const { clipboard, paste } = store.getState();
      if (clipboard) paste(clipboard);
    },
  },
  {
    id: 'duplicate',
    edits: true,
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+D'],
    matches: (e) => mod(e) && key(e, 'd'),
    enabled: hasSelectedNodes,
    run: ({ store }) => {
      const fragment = store.getState().copySelection();
      if (fragment) store.getState().paste(fragment);
    },
  },
  {
    id: 'delete',
    edits: true,
    label: 'Delete selection',
    group: 'Edit',
    keys: ['Delete', 'Backspace'],
    matches: (e) => e.key === 'Delete' || e.key === 'Backspace',
    enabled: hasSelection,
    run: ({ store }) => {
      const { nodes, edges } = store.getState().selection;
      store.getState().deleteElements(nodes, edges);
    },
  },
  {
    id: 'select-all',
    label: 'Select all',
    group: 'Edit',
    keys: ['Mod+A'],
    matches: (e) => mod(e) && key(e, 'a'),
    run: ({ store }) => store.getState().selectAll(),
  },
  {
    id: 'clear-selection',
    label: 'Clear selection',
    group: 'Edit',
    keys: ['Escape'],
    matches: (e) => e.key === 'Escape',
    run: ({ store }) => store.getState().clearSelection(),
  },
  {
    id: 'nudge-left',
    label: 'Nudge left',
    group: 'Edit',
    keys: ['←'],
    matches: (e) => e.key === 'ArrowLeft',
    ...nudgeBy(-1, 0),
  },
  {
    id: 'nudge-right',
    label: 'Nudge right',
    group: 'Edit',
    keys: ['→'],
    matches: (e) => e.key === 'ArrowRight',
    ...nudgeBy(1, 0),
  },
  {
    id: 'nudge-up',
    label: 'Nudge up',
    group: 'Edit',
    keys: ['↑'],
    matches: (e) => e.key === 'ArrowUp',
    ...nudgeBy(0, -1),
  },
  {
    id: 'nudge-down',
    label: 'Nudge down',
    group: 'Edit',
    keys: ['↓'],
    matches: (e) => e.key === 'ArrowDown',
    ...nudgeBy(0, 1),
  },
  {
    id: 'save-version',
    // A viewer reads the room's versions but may not add one (README, Quarterly reviews).
    edits: true,
    label: 'Save version',
    group: 'History',
    // The diagram itself saves as you type, so Ctrl+S has nothing else to mean here, and the
    // browser's "save page" is never what someone pressing it in an editor wants.
    keys: ['Mod+S'],
    matches: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 's'),
    enabled: (state) => state.versionsStatus !== 'unavailable',
    whyOff: () =>
      roomState.getState().room
        ? 'Versions cannot be saved right now: the room’s versions cannot be reached on the server.'
        : 'Versions cannot be saved: version storage is not available in this browser.',
    run: ({ store }) => {
      const name = new Date().toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
      void store
        .getState()
        .saveVersion(name)
        .then((error) => tell(store, error, `Saved version “${name}”; History lists it.`));
    },
  },
  {
    id: 'mark-reviewed',
    edits: true,
    // No shortcut: it sets the review date the audit measures drift from, once a quarter, so a
    // stray key press should not do it.
    label: 'Mark as reviewed',
    group: 'History',
    enabled: (state) => state.versionsStatus !== 'unavailable',
    run: ({ store }) => {
      void store
        .getState()
        .markReviewed()
        .then((error) =>
          tell(
            store,
            error,
            `Marked as reviewed on ${store.getState().diagram.meta.lastReviewed ?? ''}; History keeps the version.`,
          ),
        );
    },
  },
  {
    id: 'auto-layout',
    // It moves every card, so it is an edit like any drag.
    edits: true,
    label: 'Auto layout',
    group: 'View',
    keys: ['Shift+L'],
    matches: (e) => e.shiftKey && key(e, 'l') && !mod(e),
    enabled: (state) => state.diagram.nodes.length > 0,
    run: ({ view }) => view.autoLayout(),
  },
  {
    id: 'fit-view',
    label: 'Fit view',
    group: 'View',
    keys: ['Shift+1'],
    matches: (e) => e.shiftKey && (e.key === '!' || e.code === 'Digit1'),
    run: ({ view }) => view.fitView(),
  },
  {
    id: 'command-palette',
    label: 'Find a command',
    group: 'Help',
    keys: ['Mod+K'],
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'k'),
    run: ({ store }) => store.getState().openDialog('commands'),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    keys: ['?'],
    matches: (e) => e.key === '?',
    run: ({ store }) => store.getState().openDialog('shortcuts'),
  },
];

/** What a viewer is told when a key asks for an edit: "Save version needs an edit link…". */
function viewOnlyRefusal(command: Command): string {
  return `${command.label} needs an edit link: this room is open with a view link.`;
}

/** What a command that finishes later says, in the notice bar (it may run with no panel open). */
function tell(store: EditorStore, error: string | null, done: string): void {
  store.getState().setNotice(error ? { kind: 'error', text: error } : { kind: 'info', text: done });
}

/** Arrow keys move by 10 px, or 50 px with Shift, like most design tools. */
function nudgeBy(x: number, y: number): Pick<Command, 'run' | 'enabled' | 'edits'> {
  return {
    edits: true,
    enabled: hasSelectedNodes,
    run: ({ store }, event) => {
      const step = event?.shiftKey ? BIG_NUDGE : NUDGE;
      store.getState().nudge(x * step, y * step);
    },
  };
}

/** Whether shortcuts read ⌘ (Apple platforms) rather than Ctrl. */
export function usesCommandKey(platform: string): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}

/** A shortcut as this platform's keyboard labels it: "Mod+Z" reads ⌘+Z on a Mac, Ctrl+Z elsewhere. */
export function keyLabel(keys: string, mac: boolean): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl');
}

/** A button's tooltip: the label and the first shortcut, "Undo (⌘+Z)". */
export function commandTitle(command: Command, mac: boolean): string {
  const first = command.keys?.[0];
  return first ? `${command.label} (${keyLabel(first, mac)})` : command.label;
}

/** Whether a command can run now: its own condition, and for edits, whether this tab may edit. */
export function commandEnabled(command: Command, state: EditorState, editable: boolean): boolean {
  if (command.edits && !editable) return false;
  return command.enabled?.(state) ?? true;
}

export function commandById(id: string): Command {
  const command = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`Unknown command ${id}`);
  return command;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Runs the command a key press stands for. Keys typed into fields are left alone, and so
 * are arrows while a selected node (or the selection box) has focus: React Flow moves
 * the selection itself then, and a second move here would double the step. An edit that
 * only a view link stops is still taken from the browser, which would otherwise act on it
 * (Ctrl+S opens "Save page", Ctrl+D bookmarks), and the viewer is told why nothing happened.
 */
export function handleKeyDown(event: KeyboardEvent, ctx: CommandContext): boolean {
  if (isTyping(event.target)) return false;
  // An open dialog owns the keyboard (the browser closes it on Escape).
  if (ctx.store.getState().dialog || document.querySelector('dialog[open]')) return false;
  const inCanvas =
    event.target instanceof Element &&
    event.target.closest('.react-flow__node.selected, .react-flow__nodesselection');
  for (const command of COMMANDS) {
    if (!command.matches?.(event)) continue;
    if (inCanvas && command.id.startsWith('nudge')) return false;
    const state = ctx.store.getState();
    if (!commandEnabled(command, state, canEdit(roomState.getState()))) {
      if (command.edits && commandEnabled(command, state, true)) {
        event.preventDefault();
        state.setNotice({ kind: 'info', text: viewOnlyRefusal(command) });
      } else if (command.whyOff) {
        event.preventDefault();
        state.setNotice({ kind: 'info', text: command.whyOff(state) });
      }
      return false;
    }
    event.preventDefault();
    command.run(ctx, event);
    return true;
  }
  return false;
}

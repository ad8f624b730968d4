import type { EditorStore, Fragment } from '../store/editor-store';
import { redo, undo } from '../store/editor-store';
import type { DiagramSession } from '../store/session';

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
  readonly enabled?: (ctx: CommandContext) => boolean;
  readonly run: (ctx: CommandContext) => void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;
const hasSelection = ({ store }: CommandContext) => {
  const { nodes, edges } = store.getState().selection;
  return nodes.length + edges.length > 0;
};
const NUDGE = 10;
const BIG_NUDGE = 50;

/** The app's clipboard: kept in memory so pasting works without clipboard permission. */
let clipboard: Fragment | null = null;

/**
 * Every user intent, declared once: the toolbar, the keyboard handler and the shortcut
 * dialog all render from this list.
 */
export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    group: 'History',
    keys: ['Mod+Z'],
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    enabled: ({ store }) => store.getState().history.canUndo,
    run: ({ store }) => undo(store),
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'History',
    keys: ['Shift+Mod+Z', 'Mod+Y'],
    matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
    enabled: ({ store }) => store.getState().history.canRedo,
    run: ({ store }) => redo(store),
  },
  {
    id: 'copy',
    label: 'Copy',
    group: 'Edit',
    keys: ['Mod+C'],
    matches: (e) => mod(e) && key(e, 'c'),
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
    run: ({ store }) => {
      clipboard = store.getState().copySelection();
    },
  },
  {
    id: 'paste',
    label: 'Paste',
    group: 'Edit',
    keys: ['Mod+V'],
    matches: (e) => mod(e) && key(e, 'v'),
    enabled: () => clipboard !== null,
    run: ({ store }) => {
      if (clipboard) store.getState().paste(clipboard);
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+D'],
    matches: (e) => mod(e) && key(e, 'd'),
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
    run: ({ store }) => {
      const fragment = store.getState().copySelection();
      if (fragment) store.getState().paste(fragment);
    },
  },
  {
    id: 'delete',
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
    id: 'auto-layout',
    label: 'Auto layout',
    group: 'View',
    keys: ['Shift+L'],
    matches: (e) => e.shiftKey && key(e, 'l') && !mod(e),
    enabled: ({ store }) => store.getState().diagram.nodes.length > 0,
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
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    keys: ['?'],
    matches: (e) => e.key === '?',
    run: ({ store }) => store.getState().openDialog('shortcuts'),
  },
];

/** Arrow keys move by 10 px, or 50 px with Shift, like most design tools. */
function nudgeBy(x: number, y: number): Pick<Command, 'run' | 'enabled'> {
  return {
    enabled: ({ store }) => store.getState().selection.nodes.length > 0,
    run: ({ store }) => {
      const step = lastEvent?.shiftKey ? BIG_NUDGE : NUDGE;
      store.getState().nudge(x * step, y * step);
    },
  };
}

let lastEvent: KeyboardEvent | null = null;

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
 * the selection itself then, and a second move here would double the step.
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
    if (command.enabled && !command.enabled(ctx)) return false;
    event.preventDefault();
    lastEvent = event;
    command.run(ctx);
    lastEvent = null;
    return true;
  }
  return false;
}

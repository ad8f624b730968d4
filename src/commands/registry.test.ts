// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createDiagram } from '../model/factories';
import { createEditorStore } from '../store/editor-store';
import type { DiagramSession } from '../store/session';
import { INITIAL_ROOM_STATE, roomState } from '../store/shared/room-state';
import {
  commandById,
  commandEnabled,
  commandTitle,
  handleKeyDown,
  keyLabel,
  usesCommandKey,
  type CommandContext,
} from './registry';
import { findCommands } from './find-commands';

function setup(): CommandContext {
  const store = createEditorStore(createDiagram('Test'), 'd1');
  return {
    store,
    session: {} as DiagramSession,
    view: { fitView: () => undefined, autoLayout: () => undefined },
  };
}

const press = (key: string, init: KeyboardEventInit = {}) =>
  ({ key, target: null, preventDefault: () => undefined, ...init }) as unknown as KeyboardEvent;

describe('command registry', () => {
  it('names shortcuts as the platform does: ⌘ on a Mac, Ctrl elsewhere', () => {
    expect(usesCommandKey('MacIntel')).toBe(true);
    expect(usesCommandKey('Linux x86_64')).toBe(false);
    expect(commandTitle(commandById('undo'), true)).toBe('Undo (⌘+Z)');
    expect(commandTitle(commandById('redo'), false)).toBe('Redo (Shift+Ctrl+Z)');
    expect(commandTitle(commandById('auto-layout'), true)).toBe('Auto layout (Shift+L)');
    expect(keyLabel('Mod+D', false)).toBe('Ctrl+D');
  });

  it('nudges by 10 px, or 50 px with Shift, from the key press it is given', () => {
    const ctx = setup();
    const id = ctx.store.getState().addNode('stage');
    const x = () => ctx.store.getState().diagram.nodes.find((n) => n.id === id)!.position.x;
    const start = x();
    expect(handleKeyDown(press('ArrowRight'), ctx)).toBe(true);
    expect(x()).toBe(start + 10);
    expect(handleKeyDown(press('ArrowRight', { shiftKey: true }), ctx)).toBe(true);
    expect(x()).toBe(start + 60);
    commandById('nudge-left').run(ctx);
    expect(x()).toBe(start + 50);
  });

  it('pastes what this editor copied, and nothing before a copy', () => {
    const one = setup();
    const two = setup();
    one.store.getState().addNode('channel');
    expect(commandById('paste').enabled?.(one.store.getState())).toBe(false);
    handleKeyDown(press('c', { ctrlKey: true }), one);
    expect(commandById('paste').enabled?.(one.store.getState())).toBe(true);
    expect(commandById('paste').enabled?.(two.store.getState())).toBe(false);
    handleKeyDown(press('v', { ctrlKey: true }), one);
    expect(one.store.getState().diagram.nodes).toHaveLength(2);
  });

  it('turns off every edit for a viewer of a shared room, keys and buttons alike', () => {
    const ctx = setup();
    ctx.store.getState().addNode('stage');
    ctx.store.getState().selectAll();
    roomState.setState({ room: { id: 'r1', role: 'view' } });
    try {
      expect(commandEnabled(commandById('delete'), ctx.store.getState(), false)).toBe(false);
      expect(commandEnabled(commandById('undo'), ctx.store.getState(), false)).toBe(false);
      expect(handleKeyDown(press('Delete'), ctx)).toBe(false);
      expect(ctx.store.getState().diagram.nodes).toHaveLength(1);
      // Looking around is still allowed.
      expect(commandEnabled(commandById('fit-view'), ctx.store.getState(), false)).toBe(true);
    } finally {
      roomState.setState(INITIAL_ROOM_STATE);
    }
    expect(handleKeyDown(press('Delete'), ctx)).toBe(true);
    expect(ctx.store.getState().diagram.nodes).toHaveLength(0);
  });

  it('saves a version on Ctrl+S and marks as reviewed, saying so; neither for a viewer', async () => {
    const ctx = setup();
    const saved: { name: string; kind: string | undefined }[] = [];
    ctx.store.setState({
      saveVersion: (name: string, _note?: string, kind?: string) => {
        saved.push({ name, kind });
        return Promise.resolve(null);
      },
    } as never);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    expect(handleKeyDown(press('s', { ctrlKey: true }), ctx)).toBe(true);
    await settle();
    expect(saved).toHaveLength(1);
    expect(ctx.store.getState().notice?.text).toMatch(/^Saved version “.+”; History lists it\.$/);
    commandById('mark-reviewed').run(ctx);
    await settle();
    expect(ctx.store.getState().diagram.meta.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(saved[1]?.kind).toBe('reviewed');
    expect(ctx.store.getState().notice?.text).toMatch(/^Marked as reviewed on \d{4}-/);

    ctx.store.getState().setNotice(null);
    roomState.setState({ room: { id: 'r1', role: 'view' } });
    try {
      expect(handleKeyDown(press('s', { ctrlKey: true }), ctx)).toBe(false);
      for (const id of ['save-version', 'mark-reviewed']) {
        expect(commandEnabled(commandById(id), ctx.store.getState(), false)).toBe(false);
      }
    } finally {
      roomState.setState(INITIAL_ROOM_STATE);
    }
    expect(saved).toHaveLength(2);
  });

  it("keeps a viewer's edit keys from the browser and says why, but lets other keys through", () => {
    const ctx = setup();
    ctx.store.getState().addNode('stage');
    const pressed = (key: string, init: KeyboardEventInit = {}) => {
      let prevented = false;
      const event = {
        ...press(key, init),
        preventDefault: () => {
          prevented = true;
        },
      } as KeyboardEvent;
      return { ran: handleKeyDown(event, ctx), prevented };
    };
    roomState.setState({ room: { id: 'r1', role: 'view' } });
    try {
      // Ctrl+S would open the browser's "Save page", Ctrl+D its bookmark dialog.
      expect(pressed('s', { ctrlKey: true })).toEqual({ ran: false, prevented: true });
      expect(ctx.store.getState().notice).toEqual({
        kind: 'info',
        text: 'Save version needs an edit link: this room is open with a view link.',
      });
      expect(pressed('d', { metaKey: true })).toEqual({ ran: false, prevented: true });
      expect(ctx.store.getState().notice?.text).toMatch(/^Duplicate needs an edit link/);
      expect(ctx.store.getState().diagram.nodes).toHaveLength(1);
      ctx.store.getState().setNotice(null);
      // Disabled for another reason (nothing to paste, nothing to undo): the viewer is not told
      // about a link, and the key is left to the browser as it is for an editor.
      expect(pressed('v', { ctrlKey: true })).toEqual({ ran: false, prevented: false });
      ctx.store.getState().clearSelection();
      expect(pressed('Delete')).toEqual({ ran: false, prevented: false });
      expect(ctx.store.getState().notice).toBeNull();
      // What a viewer may do still runs.
      expect(pressed('a', { ctrlKey: true })).toEqual({ ran: true, prevented: true });
    } finally {
      roomState.setState(INITIAL_ROOM_STATE);
    }
  });

  it('keeps Ctrl+S from the browser when versions cannot be saved, and says why', () => {
    const ctx = setup();
    ctx.store.setState({ versionsStatus: 'unavailable' });
    let prevented = false;
    const event = {
      ...press('s', { ctrlKey: true }),
      preventDefault: () => {
        prevented = true;
      },
    } as KeyboardEvent;
    expect(handleKeyDown(event, ctx)).toBe(false);
    expect(prevented).toBe(true);
    expect(ctx.store.getState().notice).toEqual({
      kind: 'info',
      text: 'Versions cannot be saved: version storage is not available in this browser.',
    });
  });

  it('opens the command palette on Ctrl+K, which finds commands by every word typed', () => {
    const ctx = setup();
    expect(handleKeyDown(press('k', { ctrlKey: true }), ctx)).toBe(true);
    expect(ctx.store.getState().dialog).toBe('commands');
    const labels = (query: string) => findCommands(query).map((c) => c.label);
    expect(labels('history')).toEqual(['Undo', 'Redo', 'Save version', 'Mark as reviewed']);
    expect(labels('  MARK rev ')).toEqual(['Mark as reviewed']);
    expect(labels('find a command')).toEqual([]);
    expect(labels('').length).toBeGreaterThan(15);
    expect(labels('nothing like this')).toEqual([]);
  });
});

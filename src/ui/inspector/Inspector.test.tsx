// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EditorContext } from '../../store/react/editor-context';
import { createDiagram } from '../../model/factories';
import type { DiagramLibrary } from '../../persistence/library';
import { createEditorStore, undo } from '../../store/editor-store';
import { DiagramSession } from '../../store/session';
import { Inspector, nodeFieldsReady } from './Inspector';

function setup() {
  const store = createEditorStore(createDiagram('Test'), 'd1');
  // The inspector never touches storage; the session is only there to satisfy the context.
  const session = new DiagramSession(store, {} as DiagramLibrary);
  render(
    <EditorContext value={{ store, session }}>
      <Inspector />
    </EditorContext>,
  );
  return store;
}

// A card's fields load apart from the inspector; here they are loaded before any render.
beforeAll(() => nodeFieldsReady());
afterEach(() => cleanup());

describe('Inspector', () => {
  it('shows the diagram settings when nothing is selected', () => {
    setup();
    expect(screen.getByRole('region', { name: 'Inspector' })).toBeTruthy();
    expect(screen.getByLabelText('Company stage')).toBeTruthy();
  });

  it('edits the selected node and shows schema errors inline without committing them', () => {
    const store = setup();
    let id = '';
    act(() => {
      id = store.getState().addNode('stage');
    });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Discovery' } });
    expect(store.getState().diagram.nodes[0]?.title).toBe('Discovery');

    const maxDays = screen.getByLabelText('Maximum days in stage');
    fireEvent.focus(maxDays);
    fireEvent.change(maxDays, { target: { value: '-3' } });
    expect(screen.getByRole('alert').textContent).toBe('Must be at least 0.');
    expect(
      (store.getState().diagram.nodes[0]?.data as { maxDays?: number } | undefined)?.maxDays,
    ).toBeUndefined();
    fireEvent.change(maxDays, { target: { value: '12' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().diagram.nodes.find((n) => n.id === id)?.data).toMatchObject({
      maxDays: 12,
    });
  });

  it('flags the fields the audit complains about', () => {
    const store = setup();
    act(() => {
      store.getState().addNode('stage');
    });
    const owner = screen.getByLabelText('Owner');
    expect(owner.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(owner.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /has no owner/,
    );
  });

  it('adds, reorders and removes list items', () => {
    const store = setup();
    act(() => {
      store.getState().addNode('stage');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add exit criterion' }));
    fireEvent.change(screen.getByLabelText('Exit criterion 1', { exact: true }), {
      target: { value: 'A' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add exit criterion' }));
    fireEvent.change(screen.getByLabelText('Exit criterion 2', { exact: true }), {
      target: { value: 'B' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move Exit criterion 2 up' }));
    const data = () => store.getState().diagram.nodes[0]?.data as { exitCriteria?: string[] };
    expect(data().exitCriteria).toEqual(['B', 'A']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Exit criterion 1' }));
    expect(data().exitCriteria).toEqual(['A']);
  });

  it('sets the kind of every selected edge in one undo step', () => {
    const store = setup();
    act(() => {
      const a = store.getState().addNode('channel');
      const b = store.getState().addNode('enrichment');
      const c = store.getState().addNode('stage');
      store.getState().connect(a, b);
      store.getState().connect(b, c);
      store
        .getState()
        .select({ nodes: [], edges: store.getState().diagram.edges.map((e) => e.id) });
    });
    fireEvent.change(screen.getByLabelText('Edge kind (all selected edges)'), {
      target: { value: 'feedback' },
    });
    const kinds = () => store.getState().diagram.edges.map((e) => e.kind);
    expect(kinds()).toEqual(['feedback', 'feedback']);
    act(() => undo(store));
    expect(kinds()).toEqual([undefined, undefined]);
    expect(store.getState().diagram.edges).toHaveLength(2);
  });
});

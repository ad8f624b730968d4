import { describe, expect, it } from 'vitest';
import { createDiagram } from '../model/factories';
import { createEditorStore, undo } from './editor-store';
import { ALL_SEVERITIES } from './problems-view';

const setup = () => createEditorStore(createDiagram('Test'), 'd1');

describe('view slice', () => {
  it('opens the Problems tab on one card, filters reset, and selects the card', () => {
    const store = setup();
    const a = store.getState().addNode('stage');
    store
      .getState()
      .setProblemsView({ query: 'owner', severities: { ...ALL_SEVERITIES, info: false } });
    store.getState().showSideTab('Inspector');
    store.getState().openProblemsFor({ type: 'node', id: a });
    const { problemsView, sideTab, selection } = store.getState();
    expect(problemsView).toMatchObject({
      query: '',
      severities: ALL_SEVERITIES,
      target: { type: 'node', id: a },
      pendingFocus: true,
    });
    expect(sideTab).toBe('Problems');
    expect(selection).toEqual({ nodes: [a], edges: [] });
  });

  it('keeps filters and transfer state per editor, and out of the undo history', () => {
    const one = setup();
    const two = setup();
    one.getState().renameDiagram('Renamed');
    one.getState().setProblemsView((v) => ({ showAll: !v.showAll }));
    one.getState().setTransfer({ includeBadges: true });
    expect(two.getState().problemsView.showAll).toBe(false);
    expect(two.getState().transfer.includeBadges).toBe(false);
    undo(one);
    expect(one.getState().diagram.name).toBe('Test');
    expect(one.getState().problemsView.showAll).toBe(true);
    expect(one.getState().transfer.includeBadges).toBe(true);
  });
});

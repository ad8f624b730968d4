import { describe, expect, it } from 'vitest';
import { createDiagram, createNode } from '../../model/factories';
import type { DiagramNode } from '../../model/schema';
import {
  LANDING_MS,
  marksOf,
  nextRemoteDrags,
  withRemoteDrags,
  type RemoteDrags,
} from './remote-drags';
import type { Peer, Point } from './room-state';

const card = createNode('stage', { x: 0, y: 0 }, 'MQL');
const other = createNode('scoring', { x: 400, y: 0 }, 'Scoring');

function bob(drag: Record<string, Point> | null, clientId = 7): Peer {
  return {
    clientId,
    name: 'Bob',
    color: '#0891b2',
    selection: [],
    cursor: null,
    drag: drag ? new Map(Object.entries(drag)) : null,
  };
}

const lookup = (...nodes: DiagramNode[]) => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (id: string) => byId.get(id);
};

/** Bob drags `card` to (120, 40): the state his screen and ours share before the drop. */
function dragged(): RemoteDrags {
  return nextRemoteDrags(
    new Map(),
    [bob({ [card.id]: { x: 120, y: 40 } })],
    lookup(card, other),
    0,
  );
}

describe('nextRemoteDrags', () => {
  it('shows a card where the person dragging it has it, in their colour and name', () => {
    const drags = dragged();
    expect(drags.get(card.id)).toMatchObject({ at: { x: 120, y: 40 }, name: 'Bob', endedAt: null });
    expect(drags.has(other.id)).toBe(false);
    // The same message again (a cursor move of theirs) changes nothing here.
    const again = nextRemoteDrags(drags, [bob({ [card.id]: { x: 120, y: 40 } })], lookup(card), 5);
    expect(again).toBe(drags);
  });

  it('keeps a dropped card at the drop until the document moves it there', () => {
    const drags = dragged();
    const waiting = nextRemoteDrags(drags, [bob(null)], lookup(card), 10);
    expect(waiting.get(card.id)).toMatchObject({ at: { x: 120, y: 40 }, endedAt: 10 });
    const committed = { ...card, position: { x: 120, y: 40 } };
    expect(nextRemoteDrags(waiting, [bob(null)], lookup(committed), 30).size).toBe(0);
  });

  it('lets a dropped card go back when the change never comes', () => {
    const waiting = nextRemoteDrags(dragged(), [bob(null)], lookup(card), 10);
    expect(nextRemoteDrags(waiting, [bob(null)], lookup(card), 10 + LANDING_MS - 1).size).toBe(1);
    expect(nextRemoteDrags(waiting, [bob(null)], lookup(card), 10 + LANDING_MS).size).toBe(0);
  });

  it('puts the card back at once when the person dragging it leaves the room', () => {
    expect(nextRemoteDrags(dragged(), [], lookup(card), 10).size).toBe(0);
  });

  it('ignores cards the document does not have', () => {
    const drags = nextRemoteDrags(new Map(), [bob({ ghost: { x: 1, y: 1 } })], lookup(card), 0);
    expect(drags.size).toBe(0);
  });
});

describe('marksOf', () => {
  it('changes when a drag starts or ends, not as the card moves', () => {
    const drags = dragged();
    const marks = marksOf(drags, new Map());
    expect(marks.get(card.id)).toEqual({ name: 'Bob', color: '#0891b2' });
    const moved = nextRemoteDrags(drags, [bob({ [card.id]: { x: 200, y: 40 } })], lookup(card), 5);
    expect(moved).not.toBe(drags);
    expect(marksOf(moved, marks)).toBe(marks);
    expect(marksOf(new Map(), marks).size).toBe(0);
  });
});

describe('withRemoteDrags', () => {
  it('moves only the dragged cards, and the same inputs give the same diagram', () => {
    const diagram = { ...createDiagram(), nodes: [card, other] };
    const drags = dragged();
    const shown = withRemoteDrags(diagram, drags);
    expect(shown.nodes[0]?.position).toEqual({ x: 120, y: 40 });
    expect(shown.nodes[1]).toBe(other);
    expect(withRemoteDrags(diagram, drags)).toBe(shown);
    expect(withRemoteDrags(diagram, new Map())).toBe(diagram);
  });
});

import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createEdge, createNode } from '../model/factories';
import { slotPosition } from '../model/bands';
import { edgeEnds, edgePath } from './edge-path';

describe('edge ends and paths', () => {
  const channel = createNode('channel', slotPosition('channels', 0), 'Cold email');
  const lead = createNode('stage', slotPosition('sales', 0), 'Lead');
  const sql = createNode('stage', slotPosition('sales', 1), 'SQL');

  it('leaves a card by the bottom handle and enters the next band by the top one', () => {
    const ends = edgeEnds(createEdge(channel.id, lead.id), channel, lead);
    // Handles are 10 px squares centred on the card's sides; edges meet their outer side.
    expect(ends).toEqual({
      sourceX: channel.position.x + 110,
      sourceY: channel.position.y + 112 + 5,
      targetX: lead.position.x + 110,
      targetY: lead.position.y - 5,
      sourcePosition: Position.Bottom,
      targetPosition: Position.Top,
    });
  });

  it('joins cards of one row side to side', () => {
    const ends = edgeEnds(createEdge(lead.id, sql.id), lead, sql);
    expect([ends.sourcePosition, ends.targetPosition]).toEqual([Position.Right, Position.Left]);
    expect(ends.sourceX).toBe(lead.position.x + 220 + 5);
  });

  it('draws feedback as a rounded step and the rest as a curve, labelled at the middle', () => {
    const ends = edgeEnds(createEdge(channel.id, lead.id), channel, lead);
    const [curve, x, y] = edgePath('handoff', ends);
    expect(curve).toMatch(/^M[\d.,-]+ C/);
    expect([x, y]).toEqual([(ends.sourceX + ends.targetX) / 2, (ends.sourceY + ends.targetY) / 2]);
    const back = { ...createEdge(lead.id, channel.id), kind: 'feedback' as const };
    const loop = edgeEnds(back, lead, channel);
    expect([loop.sourcePosition, loop.targetPosition]).toEqual([Position.Left, Position.Left]);
    expect(edgePath('feedback', loop)[0]).toMatch(/Q/);
  });
});

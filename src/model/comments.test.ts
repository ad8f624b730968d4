import { describe, expect, it } from 'vitest';
import {
  findingCommentTarget,
  findingThreadKey,
  openFindingThreads,
  sameCommentTarget,
} from './comments';
import type { CommentThread } from './schema';

const thread = (id: string, target: CommentThread['target'], resolved?: true): CommentThread => ({
  id,
  target,
  ...(resolved ? { resolved } : {}),
  messages: [{ id: `${id}-m`, author: 'Ana', text: 'Why?', createdAt: '2026-12-01T10:00:00.000Z' }],
});

describe('finding threads', () => {
  it('targets a finding by rule and element, never by the field inside it', () => {
    // As the rules report it: a finding about one field of the card.
    const onField = { type: 'node', id: 'n1', field: 'owner' } as const;
    expect(findingCommentTarget('stage-missing-owner', onField)).toEqual({
      type: 'finding',
      ruleId: 'stage-missing-owner',
      element: { type: 'node', id: 'n1' },
    });
    expect(findingCommentTarget('no-channels', { type: 'diagram' })).toEqual({
      type: 'finding',
      ruleId: 'no-channels',
      element: { type: 'diagram' },
    });
  });

  it('counts the open threads per finding, leaving resolved ones and element threads out', () => {
    const onMql = { type: 'finding', ruleId: 'r1', element: { type: 'node', id: 'mql' } } as const;
    const comments = [
      thread('a', onMql),
      thread('b', { type: 'node', id: 'mql' }),
      thread('c', onMql, true),
      thread('d', onMql),
      thread('e', { type: 'finding', ruleId: 'r1', element: { type: 'edge', id: 'mql' } }),
    ];
    const open = openFindingThreads(comments);
    expect(open.get(findingThreadKey('r1', { type: 'node', id: 'mql' }))).toEqual(['a', 'd']);
    expect(open.get(findingThreadKey('r1', { type: 'edge', id: 'mql' }))).toEqual(['e']);
    expect(open.size).toBe(2);
    expect(openFindingThreads(undefined).size).toBe(0);
  });

  it('tells targets apart by kind, rule and element', () => {
    const a = { type: 'finding', ruleId: 'r1', element: { type: 'node', id: 'x' } } as const;
    expect(sameCommentTarget(a, { ...a, element: { type: 'node', id: 'x' } })).toBe(true);
    expect(sameCommentTarget(a, { ...a, ruleId: 'r2' })).toBe(false);
    expect(sameCommentTarget(a, { type: 'node', id: 'x' })).toBe(false);
    expect(sameCommentTarget({ type: 'node', id: 'x' }, { type: 'edge', id: 'x' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanDiagram } from '../../testing/test-diagrams';
import { LIMITS, type Diagram } from '../schema';
import { checkCommentText, openThreadCounts } from '../comments';
import {
  addThread,
  dropOrphanThreads,
  editMessage,
  replyToThread,
  setThreadResolved,
} from './comment-edits';
import { deleteElements } from './element-edits';

const AT = '2026-12-03T09:30:00Z';
const ana = (text: string) => ({ author: 'Ana', text, at: AT });

function withThreads(): Diagram {
  let d = addThread(cleanDiagram(), { type: 'node', id: 'stage-mql' }, ana('Who owns MQL?'), 't1');
  d = addThread(d, { type: 'edge', id: 'e-pos-email' }, ana('Label is vague.'), 't2');
  d = addThread(
    d,
    {
      type: 'finding',
      ruleId: 'stage-missing-owner',
      element: { type: 'node', id: 'stage-mql' },
    },
    ana('Fix before the QBR.'),
    't3',
  );
  return d;
}

describe('comment edits', () => {
  it('writes, replies, resolves and reopens, leaving the input untouched', () => {
    const before = withThreads();
    const replied = replyToThread(before, 't1', { author: 'Ben', text: ' The SDR lead. ', at: AT });
    expect(before.comments?.[0]?.messages).toHaveLength(1);
    expect(replied.comments?.[0]?.messages.map((m) => [m.author, m.text])).toEqual([
      ['Ana', 'Who owns MQL?'],
      ['Ben', 'The SDR lead.'],
    ]);
    const resolved = setThreadResolved(replied, 't1', true);
    expect(resolved.comments?.[0]?.resolved).toBe(true);
    const reopened = setThreadResolved(resolved, 't1', false);
    expect(reopened.comments?.[0]).not.toHaveProperty('resolved');
    expect(setThreadResolved(reopened, 't1', false)).toBe(reopened);
  });

  it('edits only your own message, and marks it edited', () => {
    const d = withThreads();
    const id = d.comments?.[0]?.messages[0]?.id as string;
    const byBen = editMessage(d, 't1', id, { author: 'Ben', text: 'Changed', at: AT });
    expect(byBen).toBe(d);
    const byAna = editMessage(d, 't1', id, { author: 'Ana', text: 'Who owns MQL now?', at: AT });
    expect(byAna.comments?.[0]?.messages[0]).toMatchObject({
      text: 'Who owns MQL now?',
      editedAt: AT,
    });
  });

  it('refuses empty and over-long text, and strips hidden characters', () => {
    expect(checkCommentText('   ')).toEqual({ ok: false, reason: 'Write something first.' });
    const long = checkCommentText('x'.repeat(LIMITS.comment + 1));
    expect(long.ok).toBe(false);
    expect(checkCommentText('a\u202eb\u200bc')).toEqual({ ok: true, text: 'abc' });
    expect(addThread(cleanDiagram(), { type: 'node', id: 'stage-mql' }, ana(''))).toEqual(
      cleanDiagram(),
    );
  });

  it('counts open threads per element, a finding thread on its element', () => {
    const d = setThreadResolved(withThreads(), 't2', true);
    const counts = openThreadCounts(d);
    expect(counts.get('stage-mql')).toBe(2);
    expect(counts.has('e-pos-email')).toBe(false);
  });

  it('deleting a card deletes its threads and its finding threads in the same edit', () => {
    const d = withThreads();
    const after = deleteElements(d, ['stage-mql'], []);
    expect(after.comments?.map((t) => t.id)).toEqual(['t2']);
    const edgeGone = deleteElements(d, [], ['e-pos-email']);
    expect(edgeGone.comments?.map((t) => t.id)).toEqual(['t1', 't3']);
    expect(dropOrphanThreads(d)).toBe(d);
  });
});

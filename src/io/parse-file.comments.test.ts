import { describe, expect, it } from 'vitest';
import { addThread } from '../model/edits/comment-edits';
import type { Diagram } from '../model/schema';
import { cleanDiagram } from '../testing/test-diagrams';
import { parseDiagramValue } from './parse-file';

const AT = '2026-12-03T09:30:00Z';
const ana = (text: string) => ({ author: 'Ana', text, at: AT });

function withThreads(): Diagram {
  let d = addThread(cleanDiagram(), { type: 'node', id: 'stage-mql' }, ana('Who owns MQL?'), 't1');
  d = addThread(d, { type: 'edge', id: 'e-pos-email' }, ana('Label is vague.'), 't2');
  return addThread(
    d,
    { type: 'finding', ruleId: 'stage-missing-owner', element: { type: 'node', id: 'stage-mql' } },
    ana('Fix before the QBR.'),
    't3',
  );
}

describe('the file gate and comments', () => {
  it('reads threads on cards, edges and findings', () => {
    const result = parseDiagramValue(structuredClone(withThreads()));
    expect(result.ok).toBe(true);
  });

  it('refuses a thread on a card or edge that is not in the diagram, and duplicate ids', () => {
    const d = withThreads();
    const file = {
      ...d,
      comments: [
        ...(d.comments ?? []),
        { ...d.comments?.[0], id: 't1' },
        { id: 't9', target: { type: 'node', id: 'ghost' }, messages: d.comments?.[0]?.messages },
        {
          id: 't10',
          target: { type: 'finding', ruleId: 'x', element: { type: 'edge', id: 'gone' } },
          messages: d.comments?.[0]?.messages,
        },
      ],
    };
    const result = parseDiagramValue(structuredClone(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'comments[3].id',
        message: 'The comment thread id "t1" is used twice; every thread needs its own id.',
      },
      {
        path: 'comments[4].target.id',
        message: 'The comment thread is about a card "ghost" that is not in the diagram.',
      },
      {
        path: 'comments[5].target.element.id',
        message: 'The comment thread is about an edge "gone" that is not in the diagram.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPath } from '../../io/problems';
import { describeLocation } from './problem-location';

describe('describeLocation', () => {
  it('names nodes, edges and metrics the way people count them', () => {
    expect(describeLocation('nodes[3].kind')).toBe('Node 4 › kind');
    expect(describeLocation('nodes[0].data.metrics[1].value')).toBe('Node 1 › metric 2 › value');
    expect(describeLocation('edges[12].source')).toBe('Edge 13 › source');
    expect(describeLocation('nodes[2].data.exitCriteria[0]')).toBe('Node 3 › exit criterion 1');
  });

  it('says the whole file or link, and names the envelope fields', () => {
    expect(describeLocation('(file)')).toBe('The file as a whole');
    expect(describeLocation('(link)')).toBe('The link');
    expect(describeLocation('version')).toBe('Version');
    expect(describeLocation('meta.lastReviewed')).toBe('Diagram details › lastReviewed');
  });

  it('reads quoted keys that formatPath writes for odd names', () => {
    const path = formatPath(['rules', 'Bad Rule "x"']);
    expect(describeLocation(path)).toBe('Rule settings › Bad Rule "x"');
    expect(describeLocation(formatPath(['nodes', 0, '__proto__']))).toBe('Node 1 › __proto__');
  });
});

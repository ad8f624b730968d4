import { describe, expect, it } from 'vitest';
import { createDiagram, createNode } from '../../model/factories';
import { createAuditCache, sameButPositions } from './audit-cache';

describe('the audit cache', () => {
  const base = { ...createDiagram(), nodes: [createNode('stage', { x: 0, y: 800 }, 'Lead')] };

  it('reuses the audit while only positions change (a drag)', () => {
    const auditOf = createAuditCache();
    const first = auditOf(base);
    const moved = {
      ...base,
      nodes: base.nodes.map((n) => ({ ...n, position: { x: 300, y: 820 } })),
    };
    expect(sameButPositions(base, moved)).toBe(true);
    expect(auditOf(moved)).toBe(first);
  });

  it('re-runs it when anything else changes', () => {
    const auditOf = createAuditCache();
    const first = auditOf(base);
    const renamed = { ...base, nodes: base.nodes.map((n) => ({ ...n, title: 'SQL' })) };
    expect(sameButPositions(base, renamed)).toBe(false);
    const second = auditOf(renamed);
    expect(second).not.toBe(first);
    expect(second.findings.some((f) => f.message.includes('SQL'))).toBe(true);
  });
});

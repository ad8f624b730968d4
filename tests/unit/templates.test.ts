import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../../src/io/parse-file';
import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH, bandTop } from '../../src/model/bands';
import { layerOf } from '../../src/model/layers';
import type { Diagram, DiagramNode, NodeData } from '../../src/model/schema';
import { TEMPLATES } from '../../src/model/templates';
import { createMidMarketSalesLed } from '../../src/model/templates/mid-market-sales-led';
import { runAudit } from '../../src/rules/engine';

function template(id: string): Diagram {
  const info = TEMPLATES.find((t) => t.id === id);
  if (!info) throw new Error(`No template "${id}".`);
  return info.create();
}

function ofKind<K extends DiagramNode['kind']>(diagram: Diagram, kind: K) {
  return diagram.nodes.filter(
    (node): node is Extract<DiagramNode, { kind: K }> => node.kind === kind,
  );
}

function stagesOf(diagram: Diagram): NodeData<'stage'>[] {
  return ofKind(diagram, 'stage').map((node) => node.data ?? {});
}

describe('TEMPLATES', () => {
  it('lists the five templates in menu order', () => {
    expect(TEMPLATES.map((t) => [t.id, t.name])).toEqual([
      ['blank', 'Blank'],
      ['seed-starter', 'Seed-stage starter'],
      ['mid-market-sales-led', 'Mid-market sales-led'],
      ['product-led', 'Product-led'],
      ['sales-system-map', 'Sales System Map'],
    ]);
    for (const t of TEMPLATES) expect(t.description).toMatch(/^[A-Z].+\.$/);
  });

  it('gives a blank canvas for Blank', () => {
    const diagram = template('blank');
    expect(diagram.nodes).toEqual([]);
    expect(diagram.edges).toEqual([]);
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, info) => {
    it('creates a fresh, deterministic diagram on every call', () => {
      const first = info.create();
      const second = info.create();
      expect(second).not.toBe(first);
      expect(second.nodes).not.toBe(first.nodes);
      expect(second).toEqual(first);
    });

    it('passes the file gate unchanged', () => {
      const diagram = info.create();
      const result = parseDiagramFile(JSON.stringify(diagram));
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (result.ok) expect(result.diagram).toEqual(diagram);
    });

    it('uses unique node and edge ids', () => {
      const diagram = info.create();
      const ids = [...diagram.nodes, ...diagram.edges].map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('keeps every node inside its layer band', () => {
      for (const node of info.create().nodes) {
        const top = bandTop(layerOf(node.kind));
        expect(node.position.y, node.id).toBeGreaterThanOrEqual(top);
        expect(node.position.y + NODE_HEIGHT, node.id).toBeLessThanOrEqual(top + BAND_HEIGHT);
      }
    });

    it('never overlaps two nodes', () => {
      const nodes = info.create().nodes;
      for (const [i, a] of nodes.entries()) {
        for (const b of nodes.slice(i + 1)) {
          const overlap =
            Math.abs(a.position.x - b.position.x) < NODE_WIDTH &&
            Math.abs(a.position.y - b.position.y) < NODE_HEIGHT;
          expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    });

    it('draws the pipeline left to right', () => {
      const diagram = info.create();
      const stages = new Map(ofKind(diagram, 'stage').map((n) => [n.id, n.position.x]));
      for (const edge of diagram.edges) {
        const from = stages.get(edge.source);
        const to = stages.get(edge.target);
        if (from !== undefined && to !== undefined) expect(to, edge.id).toBeGreaterThan(from);
      }
    });

    it('labels every edge', () => {
      for (const edge of info.create().edges) expect(edge.label?.trim(), edge.id).toBeTruthy();
    });
  });

  it('Blank audits with no errors: only a hint, with the quick fix that lays out the layers', () => {
    const findings = runAudit(template('blank')).findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['missing-layer', 'info']]);
    expect(findings[0]?.fix).toBeDefined();
  });

  describe.each(TEMPLATES.filter((t) => t.id !== 'blank').map((t) => [t.id, t] as const))(
    '%s audit',
    (_id, info) => {
      it('has no errors', () => {
        const audit = runAudit(info.create());
        const errors = audit.findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
        expect(audit.counts.error).toBe(0);
      });

      it('has no warnings', () => {
        const warnings = runAudit(info.create()).findings.filter((f) => f.severity === 'warning');
        expect(warnings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      });
    },
  );
});

describe('Seed-stage starter', () => {
  const diagram = template('seed-starter');

  it('stays small: one segment, one outbound and one inbound channel, one motion', () => {
    expect(diagram.meta.companyStage).toBe('seed');
    expect(ofKind(diagram, 'segment')).toHaveLength(1);
    expect(ofKind(diagram, 'persona').length).toBeGreaterThanOrEqual(1);
    expect(ofKind(diagram, 'channel').map((n) => n.data?.channelType)).toEqual([
      'outbound',
      'inbound',
    ]);
    expect(ofKind(diagram, 'motion')).toHaveLength(1);
  });

  it('sources every channel metric', () => {
    for (const channel of ofKind(diagram, 'channel')) {
      expect(channel.data?.volume).toBeGreaterThan(0);
      expect(channel.data?.spend).toBeGreaterThan(0);
      for (const metric of channel.data?.metrics ?? []) expect(metric.source).toBeTruthy();
    }
  });

  it('defines five stages of at most 14 days', () => {
    const stages = stagesOf(diagram);
    expect(stages).toHaveLength(5);
    for (const stage of stages) {
      expect(stage.owner).toBeTruthy();
      expect(stage.entryCriteria?.length).toBeGreaterThan(0);
      expect(stage.exitCriteria?.length).toBeGreaterThan(0);
      expect(stage.nextAction).toBeTruthy();
      expect(stage.maxDays).toBeLessThanOrEqual(14);
    }
    // Every stage but the last carries the rate that moves leads on to the next one.
    for (const stage of stages.slice(0, -1)) expect(stage.metrics?.length).toBeGreaterThan(0);
  });

  it('closes the loop with a feedback edge to the ICP or scoring', () => {
    const refined = new Set(
      diagram.nodes.filter((n) => n.kind === 'segment' || n.kind === 'scoring').map((n) => n.id),
    );
    expect(diagram.edges.some((e) => e.kind === 'feedback' && refined.has(e.target))).toBe(true);
  });
});

describe('Mid-market sales-led', () => {
  it('maps the whole buying committee', () => {
    const roles = ofKind(template('mid-market-sales-led'), 'persona').map((n) => n.data?.role);
    expect(roles.sort()).toEqual([
      'blocker',
      'champion',
      'economic-buyer',
      'end-user',
      'technical-evaluator',
    ]);
  });

  it('runs a sales-led motion with a cycle inside 30-90 days and six stages', () => {
    const diagram = template('mid-market-sales-led');
    const [motion] = ofKind(diagram, 'motion');
    expect(motion?.data?.motionType).toBe('sales-led');
    const cycle = motion?.data?.metrics?.find((m) => m.key === 'sales-cycle-days');
    expect(cycle?.value).toBeGreaterThanOrEqual(30);
    expect(cycle?.value).toBeLessThanOrEqual(90);
    expect(stagesOf(diagram)).toHaveLength(6);
    expect(diagram.meta.companyStage).toBe('series-b');
  });

  it('was last reviewed ten days before it was created', () => {
    const now = new Date('2026-03-15T12:00:00Z');
    const diagram = createMidMarketSalesLed(now);
    expect(diagram.meta.lastReviewed).toBe('2026-03-05');
    expect(
      runAudit(diagram, { now }).findings.filter((f) => f.ruleId === 'review-overdue'),
    ).toEqual([]);
  });
});

describe('Product-led', () => {
  it('sells through a product-led motion in the $3K-$12K band with five stages', () => {
    const diagram = template('product-led');
    const [motion] = ofKind(diagram, 'motion');
    expect(motion?.data?.motionType).toBe('product-led');
    expect(motion?.data?.acv).toBeGreaterThanOrEqual(3000);
    expect(motion?.data?.acv).toBeLessThanOrEqual(12000);
    expect(ofKind(diagram, 'stage').map((n) => n.title)).toEqual([
      'Sign-up',
      'Activated',
      'PQL',
      'Sales-assist',
      'Paid',
    ]);
  });
});

describe('Sales System Map', () => {
  it('lays out the seven blocks with two or three entry and exit criteria each', () => {
    const diagram = template('sales-system-map');
    const stages = ofKind(diagram, 'stage');
    expect(stages.map((n) => n.title)).toEqual([
      'Sourcing',
      'Qualification',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Close',
      'Expansion',
    ]);
    for (const { id, data } of stages) {
      for (const list of [data?.entryCriteria, data?.exitCriteria]) {
        expect(list?.length, id).toBeGreaterThanOrEqual(2);
        expect(list?.length, id).toBeLessThanOrEqual(3);
      }
      expect(data?.owner, id).toBeTruthy();
      expect(data?.nextAction, id).toBeTruthy();
      expect(data?.maxDays, id).toBeLessThanOrEqual(14);
    }
    // Stages read left to right in pipeline order.
    const xs = stages.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});

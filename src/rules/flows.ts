import type { NodeKind } from '../model/layers';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import type { AuditContext } from './context';
import { isForward, walk } from './walk';
import { appendAll } from '../model/arrays';

/**
 * Lead-flow facts that several rules and the lead trace share. Each is a single linear walk,
 * computed at most once per audit through `context.once`.
 */

export const SALES_KINDS: ReadonlySet<NodeKind> = new Set(['motion', 'stage']);
/** The step a raw lead must pass before sales sees it (domain §3). */
export const GATE_KINDS: ReadonlySet<NodeKind> = new Set(['enrichment', 'scoring']);
/**
 * Where won/lost outcomes start (domain §3, §4 step 8). A CRM is not a start on its own: it
 * also carries engagement forward into scoring (step 5), so a CRM → scoring edge is no proof
 * that outcomes flow back. A CRM reached from a stage does carry them, and the walk passes it.
 */
export const OUTCOME_KINDS: ReadonlySet<NodeKind> = new Set(['stage', 'reporting']);
/** What the feedback loop refines: the ICP and the scoring model. */
export const REFINED_KINDS: ReadonlySet<NodeKind> = new Set(['segment', 'scoring']);

export function nodesOfKinds(context: AuditContext, kinds: ReadonlySet<NodeKind>): DiagramNode[] {
  const out: DiagramNode[] = [];
  for (const kind of kinds) appendAll(out, context.ofKind(kind));
  return out;
}

/**
 * Channels with a path to a sales node that passes no enrichment or scoring node. One backward
 * walk from all sales nodes that refuses to step onto a gate: any channel it reaches is ungated.
 */
export function ungatedChannels(context: AuditContext): ReadonlySet<string> {
  const reached = walk(context, nodesOfKinds(context, SALES_KINDS), {
    direction: 'backward',
    follow: isForward,
    enter: (node) => !GATE_KINDS.has(node.kind),
  });
  const out = new Set<string>();
  for (const channel of context.ofKind('channel')) if (reached.has(channel.id)) out.add(channel.id);
  return out;
}

export interface FeedbackLoop {
  /** Whether there is anything to loop from and to; the rule is silent otherwise. */
  readonly applicable: boolean;
  /** The segment or scoring node first reached, when the loop exists. */
  readonly reached: DiagramNode | undefined;
  readonly path: readonly DiagramEdge[];
}

/**
 * Whether won/lost data can flow from a stage or reporting node (through the CRM or anything
 * else) back to a segment or a scoring node, along edges of any kind: a stage wired into the
 * CRM that feeds scoring closes the loop as surely as an edge marked "feedback".
 */
export function feedbackLoop(context: AuditContext): FeedbackLoop {
  const sources = nodesOfKinds(context, OUTCOME_KINDS);
  const targets = nodesOfKinds(context, REFINED_KINDS);
  if (sources.length === 0 || targets.length === 0) {
    return { applicable: false, reached: undefined, path: [] };
  }
  const reach = walk(context, sources);
  const reached = targets.find((node) => reach.has(node.id));
  return { applicable: true, reached, path: reached ? reach.pathTo(reached.id) : [] };
}

/** True when the loop rule has something to say: both ends exist but nothing joins them. */
export function isFeedbackLoopMissing(context: AuditContext): boolean {
  const loop = context.once(feedbackLoop);
  return loop.applicable && !loop.reached;
}

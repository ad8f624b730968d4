import type { Diagram } from '../../model/schema';
import { addEdge, addNode } from '../../model/edits/element-edits';
import { defineRule, type QuickFix, type Report } from '../types';

const INTO_CHANNEL = 'Sequence steps to send';

/**
 * Connects a sequencing tool to the channel, sequencer → channel as a data flow (the steps it
 * sends): the diagram's first sequencer when it has one, else a new one.
 */
function connectSequencer(
  channelId: string,
  sequencer: { id: string; title: string } | undefined,
): QuickFix {
  return {
    label: sequencer
      ? `Connect the sequencer “${sequencer.title}” to it`
      : 'Add a sequencing tool that sends its steps',
    apply(diagram): Diagram {
      if (sequencer)
        return addEdge(diagram, sequencer.id, channelId, { label: INTO_CHANNEL, kind: 'dataflow' });
      const added = addNode(diagram, 'sequencing', 'Sequencer');
      return addEdge(added.diagram, added.node.id, channelId, {
        label: INTO_CHANNEL,
        kind: 'dataflow',
      });
    },
  };
}

export const outboundWithoutSequencing = defineRule({
  meta: {
    id: 'outbound-without-sequencing',
    severity: 'warning',
    layer: 'channels',
    description: 'Every outbound channel is connected to a sequencing tool.',
    why: 'Outbound at any volume runs on sequences: timed, personalised steps that stop when the prospect replies and log every touch back to the CRM (domain §2, RevOps). Without a sequencer the volume on the card is a hope, replies go untracked, and the reply rate the forecast uses has no source.',
    howToFix:
      'Connect a sequencing node to the channel (the sequence steps it sends) and, from the channel, the replies to the CRM. The quick fix connects the diagram’s sequencer, or adds one.',
    docs: 'docs/rules.md#outbound-without-sequencing',
    messages: {
      noSequencer:
        'The outbound channel “{channel}” has no sequencing tool connected: outreach at volume needs one.',
    },
  },
  check(_diagram, context) {
    const sequencer = context.ofKind('sequencing')[0];
    const reports: Report<'noSequencer'>[] = [];
    for (const channel of context.ofKind('channel')) {
      if (channel.data?.channelType !== 'outbound') continue;
      const neighbours = [
        ...(context.graph.outgoing.get(channel.id) ?? []).map((edge) => edge.target),
        ...(context.graph.incoming.get(channel.id) ?? []).map((edge) => edge.source),
      ];
      if (neighbours.some((id) => context.node(id)?.kind === 'sequencing')) continue;
      reports.push({
        messageId: 'noSequencer',
        data: { channel: channel.title },
        target: { type: 'node', id: channel.id },
        fix: connectSequencer(channel.id, sequencer),
      });
    }
    return reports;
  },
});

import { zonedMetrics } from '../metric-zones';
import { defineRule } from '../types';

/** Start with one outbound and one inbound channel (domain §8.7). */
export const MAX_UNPROVEN_CHANNELS = 2;

export const tooManyChannels = defineRule({
  meta: {
    id: 'too-many-channels',
    severity: 'warning',
    layer: 'channels',
    description: `No more than ${MAX_UNPROVEN_CHANNELS} channels run until one is proven by a metric within its benchmark.`,
    why: 'Every channel needs its own message adaptation, volume, tooling and attention. Running many at once before any of them works spreads a small team thin, and when results disappoint nobody can tell which channel failed. The usual path is to prove one outbound and one inbound channel, meaning a metric within or above its benchmark, and only then add more.',
    howToFix:
      'Pause channels until one is proven, or record the metric that proves one: a channel whose metric sits within or above its benchmark lifts this warning.',
    docs: 'docs/rules.md#too-many-channels',
    messages: {
      unproven:
        'The diagram runs {count} channels and none is proven by a metric within its benchmark: prove one outbound and one inbound channel before adding more.',
    },
  },
  check(_diagram, context) {
    const channels = context.ofKind('channel');
    if (channels.length <= MAX_UNPROVEN_CHANNELS) return [];
    const proven = context
      .once(zonedMetrics)
      .some(({ node, zone }) => node.kind === 'channel' && (zone === 'within' || zone === 'above'));
    if (proven) return [];
    return [
      {
        messageId: 'unproven',
        data: { count: channels.length },
        target: { type: 'diagram' },
        subject: 'channel-count',
      },
    ];
  },
});

import type { CompanyStage } from '../../model/schema';
import { defineRule } from '../types';

const EARLY: ReadonlySet<CompanyStage> = new Set(['pre-seed', 'seed']);
const MAX_CHANNELS = 2;
const MAX_MOTIONS = 1;

export const overcomplicatedEarlyStage = defineRule({
  meta: {
    id: 'overcomplicated-early-stage',
    severity: 'warning',
    layer: 'diagram',
    description: `A pre-seed or seed company runs at most ${MAX_CHANNELS} channels and ${MAX_MOTIONS} sales motion.`,
    why: 'An early-stage company has a handful of people and a few months of runway per experiment. Each extra channel or sales motion splits that attention and muddies what the data says. A seed-stage diagram with many channels and several motions is a plan for a company three times its size; focus finds product-market fit faster. When this rule fires on the channel count it replaces too-many-channels, which would say the same thing less precisely.',
    howToFix: `Keep one sales motion and at most ${MAX_CHANNELS} channels (one outbound, one inbound) until one of them is proven, or update the company stage in the diagram settings if it has moved on.`,
    docs: 'docs/rules.md#overcomplicated-early-stage',
    messages: {
      channels:
        'A {stage} company running {channels} channels is overcomplicated: start with one outbound and one inbound channel.',
      motions:
        'A {stage} company running {motions} sales motions is overcomplicated: pick one motion and prove it.',
      both: 'A {stage} company running {channels} channels and {motions} sales motions is overcomplicated: start with one motion, one outbound and one inbound channel.',
    },
    supersedes: ['too-many-channels'],
  },
  check(diagram, context) {
    const stage = diagram.meta.companyStage;
    if (!stage || !EARLY.has(stage)) return [];
    const channels = context.ofKind('channel').length;
    const motions = context.ofKind('motion').length;
    const tooManyChannels = channels > MAX_CHANNELS;
    const tooManyMotions = motions > MAX_MOTIONS;
    if (!tooManyChannels && !tooManyMotions) return [];
    const messageId = tooManyChannels ? (tooManyMotions ? 'both' : 'channels') : 'motions';
    const report = {
      messageId,
      data: { stage, channels, motions },
      target: { type: 'diagram' },
    } as const;
    return [tooManyChannels ? { ...report, subject: 'channel-count' } : report];
  },
});

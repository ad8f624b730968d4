import { createDiagram, link, place, type Diagram } from './build';

/**
 * A seed-stage company selling compliance automation, founder-led. Deliberately small: one
 * segment, one outbound and one inbound channel, one motion, five stages (domain §8.7).
 */
export function createSeedStarter(): Diagram {
  const diagram = createDiagram('Seed-stage GTM starter');
  diagram.meta = {
    companyStage: 'seed',
    currency: 'USD',
    description:
      'Founder-led sales for a seed-stage SaaS: one segment, one outbound and one inbound channel, five stages. Add a third channel only once one of these two holds its benchmark for a full quarter.',
  };
  diagram.nodes = [
    place('segment', 'seg-1', 'SaaS teams facing their first enterprise security review', 0, {
      industry: 'B2B SaaS',
      employees: '20-150',
      revenue: '$2M-$15M ARR',
      techStack: ['AWS or GCP', 'GitHub', 'Google Workspace or Okta'],
      geography: 'North America and the UK',
      growthSignals: [
        'Raised a Series A or B in the last 12 months',
        'Hiring a first security or IT lead',
        'Enterprise logos starting to appear on their site',
      ],
      notes: 'Drawn from the first 12 closed deals; rebuild it from data once there are 20.',
    }),
    place('persona', 'persona-champion', 'Head of Engineering', 1, {
      role: 'champion',
      notes: 'Runs audit prep today and loses sprint time collecting evidence by hand.',
    }),
    place('persona', 'persona-economic-buyer', 'CEO / co-founder', 2, {
      role: 'economic-buyer',
      notes: 'Signs because enterprise deals stall at the security questionnaire.',
    }),

    place('positioning', 'pos-1', 'Audit-ready in weeks, not quarters', 1, {
      targetSegment:
        'Venture-backed SaaS companies of 20-150 people whose enterprise prospects ask for a SOC 2 report',
      problem:
        'Enterprise deals stall for months while the team prepares for an audit, and the preparation eats engineering time',
      differentiator:
        'Evidence is pulled straight from cloud, code and identity systems, so nobody builds screenshot folders',
      proof:
        'Design partner reached a SOC 2 Type I report in 7 weeks and unblocked two enterprise deals (written case study with a CTO quote)',
    }),

    place('channel', 'ch-outbound', 'Founder cold email', 0, {
      channelType: 'outbound',
      volume: 250,
      period: 'week',
      spend: 400,
      metrics: [
        {
          key: 'reply-rate',
          value: 0.03,
          source: 'Sequencer report, last 6 weeks (about 1,500 sends)',
        },
      ],
      notes:
        'Three-step sequence of roughly 100 words per email, sent from the founder. Spend is data and sending domains; founder time is not costed.',
    }),
    place('channel', 'ch-inbound', 'SOC 2 guides (SEO)', 1, {
      channelType: 'inbound',
      volume: 4000,
      period: 'month',
      spend: 2500,
      metrics: [
        {
          key: 'visitor-to-lead',
          value: 0.015,
          source:
            'Web analytics, last 90 days: demo requests plus checklist downloads over unique visitors',
        },
      ],
      notes:
        'Two long-form guides a month (about 2,000 words each) and a readiness checklist. Volume is monthly unique visitors; spend is a freelance writer.',
    }),

    place('motion', 'motion-1', 'Founder-led sales', 2, {
      motionType: 'sales-led',
      acv: 18000,
      metrics: [
        {
          key: 'sales-cycle-days',
          value: 38,
          source: 'CRM: median days from lead created to signed, first 12 deals',
        },
      ],
      notes: 'Entry signals: a demo request or a positive reply to outbound.',
    }),
    place('stage', 'stage-lead', 'Lead', 3, {
      owner: 'Founder (CEO)',
      entryCriteria: ['Work email, company and source captured', 'Enriched with size and funding'],
      exitCriteria: [
        'ICP fit score of 60 or more',
        'Showed intent: replied, asked for a demo or downloaded the checklist',
      ],
      nextAction: 'Reply or send a booking link within one business day',
      maxDays: 3,
      metrics: [{ key: 'lead-to-mql', value: 0.25, source: 'CRM, last quarter' }],
    }),
    place('stage', 'stage-mql', 'MQL', 4, {
      owner: 'Founder (CEO)',
      entryCriteria: ['Fit score of 60 or more', 'Intent signal in the last 14 days'],
      exitCriteria: [
        'Audit need confirmed: a named deal or renewal asks for a report',
        'Demo booked with the engineering lead',
      ],
      nextAction: 'Hold a 20-minute qualification call',
      maxDays: 7,
      metrics: [{ key: 'mql-to-sql', value: 0.45, source: 'CRM, last quarter' }],
    }),
    place('stage', 'stage-sql', 'SQL / demo', 5, {
      owner: 'Founder (CEO)',
      entryCriteria: [
        'Fits the ICP and has a live audit need',
        'CEO or CTO reachable for a decision',
      ],
      exitCriteria: [
        'Demo held with the engineering lead',
        'Target audit date and budget owner known',
        'Next meeting on the calendar',
      ],
      nextAction: 'Send a recap with a proposed audit timeline',
      maxDays: 10,
      metrics: [{ key: 'demo-to-opportunity', value: 0.3, source: 'CRM, last two quarters' }],
    }),
    place('stage', 'stage-opportunity', 'Opportunity', 6, {
      owner: 'Founder with the founding AE',
      entryCriteria: [
        'Pain, cost of delay and next step written in the CRM',
        'Proposal requested by the buyer',
      ],
      exitCriteria: ['Order form signed', 'Or closed lost with a coded reason'],
      nextAction: 'Proposal call with the CEO; agree a signature date',
      maxDays: 14,
      metrics: [{ key: 'win-rate', value: 0.25, source: 'CRM, first 60 opportunities' }],
    }),
    place('stage', 'stage-won', 'Closed-won', 7, {
      owner: 'Founding AE',
      entryCriteria: ['Order form countersigned'],
      exitCriteria: ['Kickoff held and first integrations connected', 'Win reason logged'],
      nextAction: 'Book the onboarding kickoff within 5 business days',
      maxDays: 7,
    }),

    place('enrichment', 'enrich-1', 'Enrichment', 0, {
      notes: 'Company size, funding, cloud provider and a verified email before any send.',
    }),
    place('scoring', 'score-1', 'ICP fit score', 1, {
      notes:
        'Points for size, funding, cloud stack and hiring signals. 60 or more goes to outbound and the founder; below goes to a monthly nurture email.',
    }),
    place('sequencing', 'seq-1', 'Email sequencer', 2, {
      notes: 'Sends the email and its two follow-ups on a timer; stops when the prospect replies.',
    }),
    place('crm', 'crm-1', 'CRM', 6, {
      notes: 'Contacts, deals, stage dates and coded lost reasons in one place.',
    }),
    place('reporting', 'report-1', 'Weekly funnel review', 7, {
      notes:
        'Conversion by stage, cycle time and CAC by channel; 30 minutes every Monday, diagram reviewed each quarter.',
    }),
  ];
  diagram.edges = [
    link('seg-1', 'pos-1', 'First enterprise deal at risk → "audit-ready fast" angle'),
    link('persona-champion', 'pos-1', 'Eng lead: evidence busywork → "no screenshot folders"'),
    link('persona-economic-buyer', 'pos-1', 'CEO: stalled enterprise revenue → deal-speed angle'),
    link('pos-1', 'ch-outbound', 'Core message → 100-word cold email + two follow-ups'),
    link('pos-1', 'ch-inbound', 'Core message → 2,000-word guides + checklist'),
    link('seg-1', 'enrich-1', 'ICP filters → target account list', 'dataflow'),
    link('enrich-1', 'score-1', 'Firmographics + verified email → fit score', 'dataflow'),
    link('score-1', 'ch-outbound', 'Fit ≥ 60 → weekly send list; rest → nurture'),
    link('seq-1', 'ch-outbound', 'Email + two follow-ups on a timer → sends', 'dataflow'),
    link('ch-outbound', 'crm-1', 'Replies + meetings booked → contact timeline', 'dataflow'),
    link('ch-outbound', 'enrich-1', 'Raw replies → enrich role + company'),
    link('ch-inbound', 'enrich-1', 'Demo requests + downloads → enrich and verify'),
    link('score-1', 'motion-1', 'Scored lead + enrichment context → founder queue'),
    link('motion-1', 'stage-lead', 'Demo request or positive reply → lead opened'),
    link('stage-lead', 'stage-mql', 'Fit + intent → qualification call'),
    link('stage-mql', 'stage-sql', 'Audit need confirmed → demo'),
    link('stage-sql', 'stage-opportunity', 'Demo held + next step agreed → proposal'),
    link('stage-opportunity', 'stage-won', 'Order form signed → onboarding'),
    link('stage-won', 'crm-1', 'Won/lost + reason code → deal record', 'dataflow'),
    link('crm-1', 'report-1', 'Stage dates + amounts → funnel and CAC view', 'dataflow'),
    link('report-1', 'seg-1', 'Quarterly win/loss review → tighten the ICP', 'feedback'),
    link('report-1', 'score-1', 'Traits of won deals → reweight the fit score', 'feedback'),
  ];
  return diagram;
}

import { createDiagram, link, place, type Diagram } from './build';

/**
 * A product-led SaaS: content and a free plan bring sign-ups, usage plus fit makes a
 * product-qualified lead (PQL), and a small sales-assist team converts the larger accounts.
 * ACV sits in the product-led band of domain §2 ($500-$15K).
 */
export function createProductLed(): Diagram {
  const diagram = createDiagram('Product-led GTM');
  diagram.meta = {
    companyStage: 'series-a',
    currency: 'USD',
    description:
      'Free plan plus content for a no-code onboarding tool: sign-ups are enriched at the door, usage and fit make a PQL, and sales-assist works only PQLs. Paid and churned cohorts retune the PQL line every quarter.',
  };
  diagram.nodes = [
    place('segment', 'seg-1', 'SaaS product teams shipping weekly', 0, {
      industry: 'B2B SaaS',
      employees: '20-500',
      revenue: '$2M-$80M ARR',
      techStack: ['A product analytics tool', 'React or Vue front end', 'In-app messaging tool'],
      geography: 'Global, English-speaking markets first',
      growthSignals: [
        'Hiring product managers or growth roles',
        'Free trial or freemium plan of their own',
        'Recent changes to pricing or onboarding pages',
      ],
    }),
    place('persona', 'persona-end-user', 'Product manager', 1, {
      role: 'end-user',
      notes: 'Builds the first tour on the free plan; adoption starts with this person.',
    }),
    place('persona', 'persona-champion', 'Head of Product or Growth', 2, {
      role: 'champion',
      notes: 'Rolls it out to the team once the activation numbers move.',
    }),
    place('persona', 'persona-economic-buyer', 'VP Product', 3, {
      role: 'economic-buyer',
      notes: 'Approves the annual plan once spend passes the card limit.',
    }),

    place('positioning', 'pos-1', 'Onboarding without engineering tickets', 1, {
      targetSegment: 'Product and growth teams at SaaS companies of 20-500 people',
      problem:
        'New users leave before they reach value, and every onboarding change waits in the engineering backlog',
      differentiator:
        'No-code tours and checklists shipped in an afternoon and tied to activation events, so the lift is measured',
      proof:
        'Median trial-to-active lift of 18% within 60 days across 140 paying workspaces, plus a public case study with a named SaaS customer',
    }),

    place('channel', 'ch-content', 'Content + SEO', 0, {
      channelType: 'inbound',
      volume: 30000,
      period: 'month',
      spend: 9000,
      metrics: [
        {
          key: 'visitor-to-lead',
          value: 0.012,
          source:
            'Web analytics, trailing 90 days: sign-ups and template downloads over unique visitors',
        },
      ],
      notes:
        'Three or four posts a month of about 2,000 words and a template gallery. Volume is monthly unique visitors.',
    }),
    place('channel', 'ch-signup', 'Self-serve sign-up (free plan)', 1, {
      channelType: 'inbound',
      volume: 9000,
      period: 'month',
      spend: 1500,
      metrics: [
        {
          key: 'visitor-to-lead',
          value: 0.03,
          source: 'Product analytics: sign-ups over visitors to pricing and sign-up pages',
        },
      ],
      notes:
        'Direct, word-of-mouth, review-site and "made with" badge traffic; no credit card asked. Spend is review-site listings.',
    }),

    place('motion', 'motion-1', 'Product-led + sales-assist', 2, {
      motionType: 'product-led',
      acv: 7200,
      metrics: [
        {
          key: 'sales-cycle-days',
          value: 24,
          source: 'Product analytics: median days from sign-up to first paid invoice, two quarters',
        },
      ],
      notes:
        'Entry signal: a product-qualified lead. Sales only touches accounts above the PQL line or asking for 10+ seats.',
    }),
    place('stage', 'stage-signup', 'Sign-up', 3, {
      owner: 'Growth PM (automated onboarding)',
      entryCriteria: ['Work-email sign-up, workspace created', 'Company enriched (size, industry)'],
      exitCriteria: [
        'Activation event: first tour published to live users',
        'Or inactive for 14 days and moved to a nurture email track',
      ],
      nextAction: 'In-app checklist plus day-1 and day-3 emails',
      maxDays: 14,
      metrics: [
        {
          key: 'conversion',
          value: 0.35,
          source: 'Product analytics: sign-ups activated within 14 days, last quarter',
        },
      ],
    }),
    place('stage', 'stage-activated', 'Activated', 4, {
      owner: 'Growth PM',
      entryCriteria: ['First tour live to real users', 'At least one teammate invited'],
      exitCriteria: [
        'Usage line crossed: 3+ editors or 1,000+ tour views in 7 days',
        'Fit score of 60 or more',
      ],
      nextAction: 'Prompt to invite teammates and show plan limits in-app',
      maxDays: 14,
      metrics: [
        {
          key: 'lead-to-mql',
          value: 0.22,
          source: 'Activated workspaces that became PQLs, last quarter',
        },
      ],
    }),
    place('stage', 'stage-pql', 'PQL', 5, {
      owner: 'Sales-assist rep',
      entryCriteria: ['PQL score of 70 or more (usage plus fit)', 'Admin or champion identified'],
      exitCriteria: [
        'Conversation held with the admin or champion',
        'Seat count and plan need confirmed, or declined with a reason',
      ],
      nextAction: 'Personal email that quotes their usage, within one business day',
      maxDays: 5,
      metrics: [
        { key: 'mql-to-sql', value: 0.4, source: 'CRM: PQLs that took a call, last quarter' },
      ],
    }),
    place('stage', 'stage-assist', 'Sales-assist', 6, {
      owner: 'Sales-assist rep',
      entryCriteria: ['Team or annual plan of interest', 'Budget owner identified'],
      exitCriteria: [
        'Quote for a team or annual plan accepted',
        'Or stays self-serve with a coded reason',
      ],
      nextAction: 'Send the quote and security one-pager; follow-up call within 7 days',
      maxDays: 14,
      metrics: [
        { key: 'win-rate', value: 0.25, source: 'CRM: sales-assist deals, last two quarters' },
      ],
    }),
    place('stage', 'stage-paid', 'Paid', 7, {
      owner: 'Customer success (pooled)',
      entryCriteria: ['First invoice paid'],
      exitCriteria: [
        'Onboarding call held or self-serve guide completed',
        'Expansion trigger set at 80% seat usage',
      ],
      nextAction: 'Seat-usage check at day 30',
      maxDays: 14,
    }),

    place('enrichment', 'enrich-1', 'Sign-up enrichment', 1, {
      notes:
        'Company domain to size, industry and tech stack at sign-up; personal email addresses flagged.',
    }),
    place('scoring', 'score-1', 'PQL scoring', 4, {
      notes:
        'Usage (editors, tours live, views) plus fit (size, industry). 70 or more goes to the sales-assist queue; below stays in in-app nurture.',
    }),
    place('crm', 'crm-1', 'CRM', 6, {
      notes: 'Accounts, PQL alerts, sales-assist deals and plan changes.',
    }),
    place('reporting', 'report-1', 'Product + revenue dashboards', 7, {
      notes:
        'Weekly cohorts from sign-up to activated, PQL and paid; PQL-to-paid rate, expansion and CAC payback.',
    }),
  ];
  diagram.edges = [
    link('seg-1', 'pos-1', 'Product teams losing trial users → activation angle'),
    link('persona-end-user', 'pos-1', 'PM: onboarding stuck in backlog → "ship it today"'),
    link('persona-champion', 'pos-1', 'Head of Product: activation KPI → measured lift'),
    link('persona-economic-buyer', 'pos-1', 'VP Product: tool spend → per-seat ROI'),
    link('pos-1', 'ch-content', 'Core message → 2,000-word onboarding guides + templates'),
    link('pos-1', 'ch-signup', 'Core message → pricing page + free-plan promise'),
    link('seg-1', 'enrich-1', 'ICP attributes → fields to fill at sign-up', 'dataflow'),
    link('ch-content', 'enrich-1', 'Sign-ups + template downloads → enrich company'),
    link('ch-signup', 'enrich-1', 'New work-email sign-up → enrich company'),
    link('enrich-1', 'score-1', 'Firmographics → fit half of the PQL score', 'dataflow'),
    link('enrich-1', 'motion-1', 'Enriched sign-up → free-plan onboarding'),
    link('motion-1', 'stage-signup', 'Workspace created → onboarding checklist'),
    link('stage-signup', 'stage-activated', 'First tour live → activated'),
    link('stage-activated', 'score-1', 'Usage events → usage half of the PQL score', 'dataflow'),
    link('stage-activated', 'stage-pql', 'Usage + fit over the PQL line → PQL'),
    // Scoring raises the PQL alert in the CRM rather than feeding the stage directly, so sign-up
    // leads enter the pipeline once, at Sign-up, and the forecast does not count them twice.
    link('score-1', 'crm-1', 'Score 70+ → PQL alert + usage summary for sales-assist', 'dataflow'),
    link('stage-pql', 'stage-assist', 'Call held, plan need confirmed → quote'),
    link('stage-assist', 'stage-paid', 'Quote accepted → paid plan'),
    link('stage-paid', 'crm-1', 'Plan, seats, MRR → account record', 'dataflow'),
    link('crm-1', 'report-1', 'Cohorts + plan changes → funnel dashboards', 'dataflow'),
    link('report-1', 'score-1', 'Paid vs churned cohorts → retune the PQL line', 'feedback'),
    link('report-1', 'seg-1', 'Retention + expansion by segment → refine the ICP', 'feedback'),
  ];
  return diagram;
}

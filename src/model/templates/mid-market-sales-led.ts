import { createDiagram, dateDaysBefore, link, place, type Diagram } from './build';

/**
 * A complete Series B diagram: every layer, the full buying committee, three channels, and the
 * RevOps layer wired as the eight-step lead trace of domain §4. Rates sit inside the §5 ranges.
 * `now` only sets meta.lastReviewed (ten days ago), so a fresh copy is never review-overdue.
 */
export function createMidMarketSalesLed(now: Date = new Date()): Diagram {
  const diagram = createDiagram('Mid-market sales-led GTM');
  diagram.meta = {
    companyStage: 'series-b',
    currency: 'USD',
    lastReviewed: dateDaysBefore(now, 10),
    description:
      'A finance-automation vendor selling $48K deals to multi-entity mid-market companies: three channels, SDR to AE handoff, six stages and a quarterly win/loss loop back into the ICP and scoring.',
  };
  diagram.nodes = [
    place('segment', 'seg-1', 'Multi-entity mid-market companies', 0, {
      industry: 'B2B software, services and light manufacturing with three or more legal entities',
      employees: '200-1,500',
      revenue: '$30M-$250M',
      techStack: ['NetSuite or Sage Intacct', 'Salesforce or HubSpot', 'Spreadsheet consolidation'],
      geography: 'United States and Canada',
      growthSignals: [
        'Hiring controllers or FP&A analysts',
        'Acquired a company or opened an entity in the last 18 months',
        'Series C or private-equity backed',
      ],
      notes: 'Pattern of the last 40 closed-won deals; re-cut every quarter from win/loss data.',
    }),
    place('persona', 'persona-economic-buyer', 'CFO', 1, {
      role: 'economic-buyer',
      notes: 'Owns the budget. Cares about days to close, audit findings and headcount avoided.',
    }),
    place('persona', 'persona-champion', 'Corporate controller', 2, {
      role: 'champion',
      notes: 'Runs the monthly close and lives with the spreadsheet pain every month.',
    }),
    place('persona', 'persona-technical-evaluator', 'Finance systems lead', 3, {
      role: 'technical-evaluator',
      notes: 'Checks the ERP integration, data model, permissions and SSO.',
    }),
    place('persona', 'persona-end-user', 'Staff accountant', 4, {
      role: 'end-user',
      notes: 'Does the reconciliations; rollout succeeds or fails with this group.',
    }),
    place('persona', 'persona-blocker', 'IT security and procurement', 5, {
      role: 'blocker',
      notes: 'Vendor risk review, SOC 2 report, data processing terms and payment terms.',
    }),

    place('positioning', 'pos-1', 'Close the books in days, not weeks', 1, {
      targetSegment:
        'Finance teams at multi-entity companies of 200-1,500 employees running a cloud ERP',
      problem:
        'Month-end close takes ten or more working days because intercompany matching and reconciliations live in spreadsheets',
      differentiator:
        'Two-way ERP sync that matches intercompany entries automatically, live in under 30 days without consultants',
      proof:
        'Three reference customers cut close from 12 to 5 working days: two published case studies and one CFO reference call',
    }),

    place('channel', 'ch-outbound', 'Outbound: email + LinkedIn', 2, {
      channelType: 'outbound',
      volume: 1000,
      period: 'week',
      spend: 4400,
      metrics: [
        {
          key: 'reply-rate',
          value: 0.034,
          source: 'Sequencer report, trailing 8 weeks (about 8,000 sends)',
        },
      ],
      notes:
        'Two SDRs at about 500 sends a week each. Spend is their loaded cost plus data and tools.',
    }),
    place('channel', 'ch-inbound', 'Inbound: SEO content + demo page', 0, {
      channelType: 'inbound',
      volume: 25000,
      period: 'month',
      spend: 15000,
      metrics: [
        {
          key: 'visitor-to-lead',
          value: 0.018,
          source: 'Web analytics joined to CRM, trailing 90 days',
        },
      ],
      notes:
        'Three articles a month of about 2,000 words and one webinar a quarter. Volume is monthly unique visitors.',
    }),
    place('channel', 'ch-partners', 'Partnerships: ERP implementers', 1, {
      channelType: 'partnerships',
      volume: 450,
      period: 'quarter',
      spend: 6000,
      metrics: [
        {
          key: 'conversion',
          value: 0.3,
          source: 'CRM: partner-sourced contacts that asked for a follow-up, last four quarters',
        },
      ],
      notes:
        'Joint webinars, partner newsletters and direct referrals; volume counts partner-sourced contacts. Cheaper per deal than direct, but the partner sets the timing and part of the message, so CAC by channel is compared every quarter before budget moves.',
    }),

    place('motion', 'motion-1', 'Sales-led: SDR → AE', 3, {
      motionType: 'sales-led',
      acv: 48000,
      metrics: [
        { key: 'win-rate', value: 0.22, source: 'CRM: opportunities created to closed-won, FY' },
        {
          key: 'sales-cycle-days',
          value: 42,
          source: 'CRM: median days from lead created to signature, trailing 12 months',
        },
      ],
      notes: 'Entry signals: a demo request, a partner referral or a reply to outbound.',
    }),
    place('stage', 'stage-lead', 'Lead', 4, {
      owner: 'Marketing ops (automatic routing)',
      entryCriteria: [
        'Work email, company and source captured',
        'Enriched and scored against the ICP',
      ],
      exitCriteria: [
        'Fit score of 70 or more plus one engagement signal (reply, demo request, webinar)',
        'Or parked in nurture with a reason',
      ],
      nextAction: 'Route to the territory SDR within four business hours',
      maxDays: 2,
      metrics: [{ key: 'lead-to-mql', value: 0.22, source: 'CRM lifecycle report, last quarter' }],
    }),
    place('stage', 'stage-mql', 'MQL', 5, {
      owner: 'SDR',
      entryCriteria: ['Fit score of 70 or more', 'Engaged in the last 30 days'],
      exitCriteria: [
        'SQL test passed: ICP fit, close pain confirmed, controller or CFO reachable',
        'Discovery booked on an AE calendar, or rejected with a coded reason',
      ],
      nextAction: 'Call plus a personal email within one business day',
      maxDays: 5,
      metrics: [{ key: 'mql-to-sql', value: 0.42, source: 'CRM lifecycle report, last quarter' }],
    }),
    place('stage', 'stage-sql', 'SQL', 6, {
      owner: 'Account executive',
      entryCriteria: [
        'SDR handoff note with the enrichment context attached',
        'Discovery meeting accepted by the controller',
      ],
      exitCriteria: [
        'Discovery and tailored demo held',
        'Pain, cost of a slow close and the next step written in the CRM',
      ],
      nextAction: 'Discovery call, then a demo built on their entity structure',
      maxDays: 10,
      metrics: [{ key: 'demo-to-opportunity', value: 0.27, source: 'CRM, last two quarters' }],
    }),
    place('stage', 'stage-opportunity', 'Opportunity', 7, {
      owner: 'Account executive with a solutions engineer',
      entryCriteria: ['Qualified discovery complete', 'CFO identified and aware of the project'],
      exitCriteria: [
        'Proposal sent with scope, price and rollout plan',
        'Technical evaluation passed (ERP sync, SSO)',
        'Mutual action plan agreed with the controller',
      ],
      nextAction: 'Walk the CFO through the business case',
      maxDays: 14,
      metrics: [
        {
          key: 'conversion',
          value: 0.45,
          source: 'CRM: opportunities reaching negotiation, last two quarters',
        },
      ],
    }),
    place('stage', 'stage-negotiation', 'Negotiation', 8, {
      owner: 'Account executive (deal desk approves discounts)',
      entryCriteria: ['CFO names us the preferred vendor', 'Security review started'],
      exitCriteria: [
        'Security review and data processing terms approved',
        'Procurement checklist cleared',
        'Order form signed, or lost with a coded reason',
      ],
      nextAction: 'Weekly check-in against the procurement checklist',
      maxDays: 14,
      metrics: [
        {
          key: 'conversion',
          value: 0.5,
          source: 'CRM: negotiations signed, last two quarters',
        },
      ],
    }),
    place('stage', 'stage-won', 'Closed-won', 9, {
      owner: 'Customer success manager',
      entryCriteria: ['Order form countersigned', 'Discovery notes handed over by the AE'],
      exitCriteria: ['Kickoff held and ERP connected', 'Win reasons logged in the CRM'],
      nextAction: 'Kickoff within five business days',
      maxDays: 7,
    }),

    place('sequencing', 'seq-1', 'Sequencing', 2, {
      notes: 'Five email and LinkedIn steps over 14 days; stops on any reply.',
    }),
    place('enrichment', 'enrich-1', 'Enrichment', 0, {
      notes:
        'Two providers in a waterfall: firmographics, ERP detected, verified email and direct dial.',
    }),
    place('scoring', 'score-1', 'ICP fit + intent scoring', 1, {
      notes:
        'Fit (size, entities, ERP) up to 70 points plus engagement up to 30. 70+ goes to an SDR, 40-69 to nurture, below 40 is suppressed.',
    }),
    place('crm', 'crm-1', 'CRM', 3, {
      notes: 'The one record for contacts, deals, stage dates and coded lost reasons.',
    }),
    place('reporting', 'report-1', 'RevOps dashboards', 4, {
      notes:
        'Pipeline velocity, stage conversion, win rate, 3x pipeline coverage and CAC by channel. Reviewed monthly; the diagram itself quarterly.',
    }),
  ];
  diagram.edges = [
    link('seg-1', 'pos-1', 'Multi-entity finance teams → slow-close problem'),
    link('persona-economic-buyer', 'pos-1', 'CFO: audit risk + hiring cost → ROI angle'),
    link('persona-champion', 'pos-1', 'Controller: spreadsheet close → days-saved angle'),
    link('persona-technical-evaluator', 'pos-1', 'Systems lead: integration effort → ERP proof'),
    link('persona-end-user', 'pos-1', 'Accountant: manual matching → ease-of-use demo'),
    link('persona-blocker', 'pos-1', 'Security + procurement: vendor risk → SOC 2 pack'),
    link('pos-1', 'ch-outbound', 'Core message → 100-word email + 300-char LinkedIn note'),
    link('pos-1', 'ch-inbound', 'Core message → 2,000-word close guides + demo page'),
    link('pos-1', 'ch-partners', 'Core message → co-branded one-pager for implementers'),
    // The eight-step lead trace (domain §4), in order.
    link('seg-1', 'enrich-1', '1 · ICP filters → target account list', 'dataflow'),
    link('enrich-1', 'score-1', '2 · Firmographics + ERP + contacts → fit score', 'dataflow'),
    link('score-1', 'ch-outbound', '3 · Fit 70+ → outbound; 40-69 → nurture'),
    link('ch-outbound', 'seq-1', '4 · Approved copy + contact list → cadence', 'dataflow'),
    link('seq-1', 'crm-1', '5 · Replies, clicks, meetings → contact timeline', 'dataflow'),
    link('seq-1', 'score-1', '5 · Replies + clicks → engagement points', 'dataflow'),
    link('score-1', 'motion-1', '6 · Sales-ready lead + enrichment context → routing'),
    link('stage-won', 'crm-1', '7 · Won/lost + reason codes → deal record', 'dataflow'),
    link('crm-1', 'report-1', '7 · Stage dates + amounts → velocity, conversion, CAC', 'dataflow'),
    link('report-1', 'seg-1', '8 · Quarterly win/loss review → refine the ICP', 'feedback'),
    link('report-1', 'score-1', '8 · Traits of won deals → reweight scoring', 'feedback'),
    // Inbound and partner leads join the trace at enrichment.
    link('ch-inbound', 'enrich-1', 'Demo requests + webinar sign-ups → enrich'),
    link('ch-partners', 'enrich-1', 'Partner referrals → enrich + dedupe against CRM'),
    link('motion-1', 'stage-lead', 'Demo request, referral or reply → lead opened'),
    link('stage-lead', 'stage-mql', 'Fit 70+ and engaged → SDR queue'),
    link('stage-mql', 'stage-sql', 'SQL + enrichment context → AE'),
    link('stage-sql', 'stage-opportunity', 'Qualified discovery → opportunity'),
    link('stage-opportunity', 'stage-negotiation', 'Proposal accepted in principle → terms'),
    link('stage-negotiation', 'stage-won', 'Signed order form → CS handoff'),
  ];
  return diagram;
}

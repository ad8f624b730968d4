import { createDiagram, link, place, type Diagram } from './build';

/**
 * The seven-block sales system of domain §6 as pipeline stages. The shared definitions are the
 * criteria: a Lead has minimum data; an SQL fits the ICP, has a problem we solve and a reachable
 * decision maker; a qualified discovery has pain, its cost and a next step on record. The other
 * layers are kept minimal but complete, so the audit has a whole system to check.
 */
export function createSalesSystemMap(): Diagram {
  const diagram = createDiagram('Sales System Map');
  diagram.meta = {
    companyStage: 'series-a',
    currency: 'USD',
    description:
      'Seven blocks from sourcing to expansion, each with entry and exit criteria built on shared definitions of Lead, SQL and qualified discovery. To diagnose a live deal, find its block and the criteria it is still missing.',
  };
  diagram.nodes = [
    place('segment', 'seg-1', 'Commercial service contractors', 0, {
      industry: 'Commercial HVAC, electrical and facilities maintenance',
      employees: '50-500, with 20 or more field technicians',
      revenue: '$10M-$100M',
      techStack: [
        'Whiteboard or spreadsheet dispatch',
        'QuickBooks or Sage',
        'Ageing on-prem tools',
      ],
      geography: 'United States',
      growthSignals: [
        'Hiring technicians and dispatchers',
        'New maintenance contracts or branch openings',
        'Private-equity roll-ups in their region',
      ],
    }),
    place('persona', 'persona-economic-buyer', 'Owner or COO', 1, {
      role: 'economic-buyer',
      notes: 'Signs off on anything over $25K; thinks in margin per technician.',
    }),
    place('persona', 'persona-champion', 'Service operations manager', 2, {
      role: 'champion',
      notes: 'Runs dispatch every morning and owns the rollout.',
    }),

    place('positioning', 'pos-1', 'Fill every technician’s day', 1, {
      targetSegment: 'Commercial service contractors with 20 or more field technicians',
      problem:
        'Dispatch runs on whiteboards and phone calls, so technicians drive extra miles and billable work slips a week',
      differentiator:
        'Scheduling built around service contracts and preventive maintenance, with mobile work orders that sync to accounting',
      proof:
        'Two regional contractors added 1.3 billable jobs per technician per week within 90 days (case studies with named operations managers)',
    }),

    place('channel', 'ch-outbound', 'Outbound to operations leaders', 0, {
      channelType: 'outbound',
      volume: 500,
      period: 'week',
      spend: 2000,
      metrics: [{ key: 'reply-rate', value: 0.035, source: 'Sequencer report, trailing 8 weeks' }],
      notes: 'Email and phone to owners and service managers from the scored account list.',
    }),
    place('channel', 'ch-inbound', 'Inbound: trade content + ROI calculator', 1, {
      channelType: 'inbound',
      volume: 8000,
      period: 'month',
      spend: 6000,
      metrics: [
        {
          key: 'visitor-to-lead',
          value: 0.016,
          source: 'Web analytics joined to CRM, trailing 90 days',
        },
      ],
      notes: 'Two trade-focused guides a month plus an ROI calculator. Volume is monthly visitors.',
    }),

    place('motion', 'motion-1', 'Sales-led: SDR → AE → CSM', 2, {
      motionType: 'sales-led',
      acv: 36000,
      metrics: [
        { key: 'win-rate', value: 0.22, source: 'CRM: proposals to signed, trailing 12 months' },
        {
          key: 'sales-cycle-days',
          value: 58,
          source: 'CRM: median days from SQL to signature, trailing 12 months',
        },
      ],
      notes:
        'Measured per block: conversion, days in block, win rate, pipeline coverage and coded lost reasons.',
    }),
    place('stage', 'stage-sourcing', 'Sourcing', 3, {
      owner: 'SDR team (marketing owns inbound capture)',
      entryCriteria: [
        'Contact came from a target list, inbound form, partner or event',
        'Lead definition met: name, company, role and one way to reach them',
      ],
      exitCriteria: [
        'Enriched and scored against the ICP',
        'Engaged: replied, booked or asked for a demo',
      ],
      nextAction: 'First touch within one business day; inbound within one hour',
      maxDays: 5,
      metrics: [{ key: 'lead-to-mql', value: 0.22, source: 'CRM lifecycle report, last quarter' }],
    }),
    place('stage', 'stage-qualification', 'Qualification', 4, {
      owner: 'SDR',
      entryCriteria: ['Lead engaged with us', 'Fit score at or above the outreach threshold'],
      exitCriteria: [
        'SQL test passed: fits the ICP, has a problem we solve, decision maker or gatekeeper reachable',
        'Discovery meeting booked with an AE',
        'Or disqualified with a coded reason',
      ],
      nextAction: 'Fifteen-minute yes/no call with the qualification questions',
      maxDays: 5,
      metrics: [{ key: 'mql-to-sql', value: 0.4, source: 'CRM lifecycle report, last quarter' }],
    }),
    place('stage', 'stage-discovery', 'Discovery', 5, {
      owner: 'Account executive',
      entryCriteria: ['SQL accepted by the AE', 'Meeting with the operations lead confirmed'],
      exitCriteria: [
        'Qualified discovery on record: business pain, its cost and the agreed next step',
        'Decision process, people and timeline mapped',
        'Risks and competing options noted',
      ],
      nextAction: 'Discovery call and a demo on their own job types; recap within 24 hours',
      maxDays: 14,
      metrics: [{ key: 'demo-to-opportunity', value: 0.28, source: 'CRM, last two quarters' }],
    }),
    place('stage', 'stage-proposal', 'Proposal', 6, {
      owner: 'Account executive (solutions engineer for integrations)',
      entryCriteria: [
        'Qualified discovery complete',
        'Economic buyer has joined at least one call',
      ],
      exitCriteria: [
        'Proposal delivered with scope, price and rollout risks',
        'Walked through live with the economic buyer',
      ],
      nextAction: 'Proposal walkthrough with the owner or COO',
      maxDays: 10,
      metrics: [
        { key: 'conversion', value: 0.5, source: 'CRM: proposals reaching negotiation, FY' },
      ],
    }),
    place('stage', 'stage-negotiation', 'Negotiation', 7, {
      owner: 'Account executive (deal desk approves discounts)',
      entryCriteria: ['Buyer names us the preferred vendor', 'Open objections listed'],
      exitCriteria: [
        'Objections resolved or traded',
        'Procurement and legal checklist cleared',
        'Signature date agreed',
      ],
      nextAction: 'Weekly call against the procurement checklist',
      maxDays: 14,
      metrics: [
        { key: 'conversion', value: 0.5, source: 'CRM: negotiations reaching final terms, FY' },
      ],
    }),
    place('stage', 'stage-close', 'Close', 8, {
      owner: 'Account executive',
      entryCriteria: ['Final terms agreed', 'Signer named'],
      exitCriteria: [
        'Contract signed and first invoice issued',
        'Handoff to customer success with the discovery notes',
        'Won or lost reason coded',
      ],
      nextAction: 'Send for signature and book the onboarding kickoff',
      maxDays: 7,
      metrics: [{ key: 'conversion', value: 0.9, source: 'CRM: final terms to signed, FY' }],
    }),
    place('stage', 'stage-expansion', 'Expansion', 9, {
      owner: 'Customer success manager',
      entryCriteria: ['Contract signed and kickoff held', 'Success plan with usage goals agreed'],
      exitCriteria: [
        'Live in every branch with technicians on mobile work orders',
        'Upsell or cross-sell opportunity opened, or renewal confirmed',
      ],
      nextAction: 'Adoption check at day 30, business review at day 90',
      maxDays: 14,
      notes:
        'Expansion runs for the life of the account; 14 days is the longest gap allowed between customer touches in the first 90 days.',
    }),

    place('enrichment', 'enrich-1', 'Enrichment', 0, {
      notes: 'Firmographics, technician headcount, verified email and direct dial.',
    }),
    place('scoring', 'score-1', 'ICP fit + engagement score', 1, {
      notes:
        'Fit (size, trade, technician count) plus engagement. Top tier to SDRs, rest to nurture.',
    }),
    place('crm', 'crm-1', 'CRM', 2, {
      notes: 'Stage dates, criteria met per block, coded lost reasons, renewals and upsells.',
    }),
    place('sequencing', 'seq-1', 'Call and email cadence', 4, {
      notes: 'The SDR cadence: calls and emails on a schedule, paused when a prospect answers.',
    }),
    place('reporting', 'report-1', 'Sales system dashboard', 3, {
      notes:
        'Conversion and days per block, win rate, pipeline coverage and lost reasons by block; reviewed monthly.',
    }),
  ];
  diagram.edges = [
    link('seg-1', 'pos-1', 'Contractors with 20+ technicians → dispatch-waste problem'),
    link('persona-economic-buyer', 'pos-1', 'Owner/COO: margin per technician → revenue angle'),
    link('persona-champion', 'pos-1', 'Ops manager: morning dispatch chaos → time-saved angle'),
    link('pos-1', 'ch-outbound', 'Core message → 100-word email + call opener'),
    link('pos-1', 'ch-inbound', 'Core message → trade guides + ROI calculator'),
    link('seg-1', 'enrich-1', 'ICP filters → target account list', 'dataflow'),
    link('enrich-1', 'score-1', 'Firmographics + verified contacts → fit score', 'dataflow'),
    link('score-1', 'ch-outbound', 'Top tier → weekly call and email list'),
    link('seq-1', 'ch-outbound', 'Cadence steps → calls and emails sent', 'dataflow'),
    link('ch-outbound', 'crm-1', 'Replies + meetings booked → contact timeline', 'dataflow'),
    link('crm-1', 'score-1', 'Engagement logged → score points', 'dataflow'),
    link('ch-inbound', 'enrich-1', 'Demo requests + calculator leads → enrich and verify'),
    link('score-1', 'motion-1', 'Scored lead + enrichment context → SDR queue'),
    link('motion-1', 'stage-sourcing', 'Lead with minimum data → sourcing'),
    link('stage-sourcing', 'stage-qualification', 'Engaged lead → yes/no call'),
    link('stage-qualification', 'stage-discovery', 'SQL (ICP + problem + decision maker) → AE'),
    link('stage-discovery', 'stage-proposal', 'Pain, cost and next step on record → proposal'),
    link('stage-proposal', 'stage-negotiation', 'Scope, price and risks reviewed → terms'),
    link('stage-negotiation', 'stage-close', 'Objections and procurement cleared → signature'),
    link('stage-close', 'stage-expansion', 'Signed + discovery notes → customer success'),
    link('stage-expansion', 'crm-1', 'Go-live, renewals and upsells → account record', 'dataflow'),
    link('crm-1', 'report-1', 'Block dates + outcomes → conversion and cycle time', 'dataflow'),
    link('report-1', 'seg-1', 'Coded lost reasons + won traits → refine the ICP', 'feedback'),
    link('report-1', 'score-1', 'Conversion by segment → reweight the fit score', 'feedback'),
  ];
  return diagram;
}

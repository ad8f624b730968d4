/**
 * Starting values the stage quick fixes offer, chosen from the stage's title. They follow the
 * shared definitions of domain §6 (Lead = minimum data; SQL = ICP fit + relevant problem +
 * reachable decision maker; qualified discovery = pain, impact and next step captured), so a
 * fixed stage says something true that the team then edits, rather than a placeholder.
 */
export interface StageDefaults {
  readonly owner: string;
  readonly exitCriterion: string;
  readonly nextAction: string;
}

const BY_TITLE: readonly (readonly [RegExp, StageDefaults])[] = [
  [
    /won|expansion|onboard|customer/i,
    {
      owner: 'Customer success',
      exitCriterion: 'Contract signed and kickoff date set',
      nextAction: 'Hand the deal notes over to onboarding',
    },
  ],
  [
    /lost/i,
    {
      owner: 'Account executive',
      exitCriterion: 'Lost reason coded in the CRM',
      nextAction: 'Record the lost reason for the quarterly ICP review',
    },
  ],
  [
    /negotiat|contract|procure/i,
    {
      owner: 'Account executive',
      exitCriterion: 'Objections handled and the procurement steps listed',
      nextAction: 'Agree the signing timeline with procurement',
    },
  ],
  [
    /proposal|quote|pricing/i,
    {
      owner: 'Account executive',
      exitCriterion: 'Scope, price and risks agreed with the buyer',
      nextAction: 'Walk the economic buyer through the proposal',
    },
  ],
  [
    /discover|demo|opportunit|\bopp\b/i,
    {
      owner: 'Account executive',
      exitCriterion: 'Business pain, its cost and a next step captured',
      nextAction: 'Book the discovery call with the champion',
    },
  ],
  [
    /mql|pql|marketing.?qualified|product.?qualified/i,
    {
      owner: 'Marketing',
      exitCriterion: 'Score above the threshold and accepted by sales',
      nextAction: 'Pass the lead to an SDR for qualification',
    },
  ],
  [
    /sql|qualif/i,
    {
      owner: 'SDR',
      exitCriterion: 'Fits the ICP, has a relevant problem and a reachable decision maker',
      nextAction: 'Route to an account executive with the enrichment context',
    },
  ],
  [
    /lead|sourc|prospect|target/i,
    {
      owner: 'Marketing',
      exitCriterion: 'Minimum contact and company data captured',
      nextAction: 'Enrich and score the lead',
    },
  ],
];

const FALLBACK: StageDefaults = {
  owner: 'Account executive',
  exitCriterion: 'Next step agreed with the buyer',
  nextAction: 'Book the next step with the buyer',
};

export function stageDefaults(title: string): StageDefaults {
  return BY_TITLE.find(([pattern]) => pattern.test(title))?.[1] ?? FALLBACK;
}

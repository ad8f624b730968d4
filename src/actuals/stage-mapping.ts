import type { Actuals, Diagram } from '../model/schema';

/** Where a CRM stage goes: a stage card's id, or an outcome marker. */
export type StageTarget = Actuals['stageMap'][string];
export type StageMap = Readonly<Record<string, StageTarget>>;

/**
 * The form stage names are compared in: lower case, spaces, hyphens and underscores as one
 * space, a trailing "(pipeline)" dropped, so HubSpot's `Closed Won (Sales Pipeline)` meets a
 * card titled "Closed-won".
 */
export function stageKey(name: string): string {
  return name
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

const WON = /\bwon\b|\bclosed[ -]?won\b/i;
const LOST = /\blost\b|\bclosed[ -]?lost\b/i;

interface StageMapSuggestion {
  readonly map: Record<string, StageTarget>;
  /** CRM stages no card matched and no outcome recognised: the mapping step lists them. */
  readonly unmatched: readonly string[];
}

/**
 * A mapping for `crmStages`: what the diagram already saved first (a card that is gone no
 * longer counts), then a card whose title matches, then won and lost by name. A card titled
 * "Closed won" takes its CRM stage as a stage; the forecast treats the last stage as the won
 * deals in the same way.
 */
export function suggestStageMap(
  crmStages: readonly string[],
  diagram: Diagram,
  saved: StageMap = diagram.actuals?.stageMap ?? {},
): StageMapSuggestion {
  const stages = diagram.nodes.filter((node) => node.kind === 'stage');
  const ids = new Set(stages.map((node) => node.id));
  const byTitle = new Map<string, string>();
  for (const node of stages)
    if (!byTitle.has(stageKey(node.title))) byTitle.set(stageKey(node.title), node.id);
  const savedByKey = new Map<string, StageTarget>();
  for (const [name, target] of Object.entries(saved)) savedByKey.set(stageKey(name), target);

  const map: Record<string, StageTarget> = {};
  const unmatched: string[] = [];
  for (const crmStage of crmStages) {
    const key = stageKey(crmStage);
    const remembered = savedByKey.get(key);
    if (remembered !== undefined && (remembered.startsWith('@') || ids.has(remembered))) {
      map[crmStage] = remembered;
      continue;
    }
    const card = byTitle.get(key);
    if (card) map[crmStage] = card;
    else if (WON.test(crmStage)) map[crmStage] = '@won';
    else if (LOST.test(crmStage)) map[crmStage] = '@lost';
    else unmatched.push(crmStage);
  }
  return { map, unmatched };
}

/**
 * Applies `--map "CRM stage=Diagram stage"` pairs: the right side names a card by title or
 * id, or `won`, `lost`, `ignore`. Returns the problem in words when a side names nothing.
 */
export function applyMapPairs(
  map: Record<string, StageTarget>,
  pairs: readonly string[],
  diagram: Diagram,
): { ok: true; map: Record<string, StageTarget> } | { ok: false; message: string } {
  const result = { ...map };
  const stages = diagram.nodes.filter((node) => node.kind === 'stage');
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0)
      return { ok: false, message: `--map "${pair}" must read "CRM stage=Diagram stage".` };
    const crmStage = pair.slice(0, at).trim();
    const right = pair.slice(at + 1).trim();
    const outcome = right.replace(/^@/, '').toLowerCase();
    let target: StageTarget | undefined;
    if (outcome === 'won' || outcome === 'lost' || outcome === 'ignore') target = `@${outcome}`;
    else {
      target =
        stages.find((node) => node.id === right)?.id ??
        stages.find((node) => stageKey(node.title) === stageKey(right))?.id;
    }
    if (target === undefined) {
      return {
        ok: false,
        message: `--map "${pair}": the diagram has no stage "${right}" (use a stage's title or id, or won, lost, ignore).`,
      };
    }
    const existing = Object.keys(result).find((name) => stageKey(name) === stageKey(crmStage));
    result[existing ?? crmStage] = target;
  }
  return { ok: true, map: result };
}

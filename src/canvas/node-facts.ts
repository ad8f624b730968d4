import { NODE_WIDTH } from '../model/bands';
import type { DiagramNode } from '../model/schema';
import { cardText, fitWords } from '../drawing/card-text';
import { approximateMeasure } from '../io/text-measure';

/** The card's 12 px fact lines have the card's width less its 12 px padding on each side. */
const FACT_WIDTH = NODE_WIDTH - 24;
const FACT_FONT = '400 12px system-ui, sans-serif';
/** How many fact lines a card has room for. */
const FACT_LINES = 2;

/**
 * The facts a card shows, from the one card-text module the SVG export uses too: in the
 * diagram's currency, each cut at a word so that no number is ever half shown.
 */
export function nodeFacts(node: DiagramNode, currency?: string): string[] {
  return cardText(node, currency)
    .facts.slice(0, FACT_LINES)
    .map((fact) => fitWords(fact, FACT_FONT, FACT_WIDTH, approximateMeasure).text);
}

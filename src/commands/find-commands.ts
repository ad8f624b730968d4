import { COMMANDS, type Command } from './registry';

/** What the command palette offers: every command but the one that opens it. */
export const PALETTE_COMMANDS: readonly Command[] = COMMANDS.filter(
  (c) => c.id !== 'command-palette',
);

/**
 * The commands a palette query finds: every word, case-insensitive, in the label or the group,
 * so "history" lists Undo, Redo, Save version and Mark as reviewed, in registry order.
 */
export function findCommands(
  query: string,
  commands: readonly Command[] = PALETTE_COMMANDS,
): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const text = `${c.label} ${c.group}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

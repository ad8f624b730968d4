import { CliError, EXIT, UsageError, reasonOf, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command loads on demand so `audit` does not pay for the exporters. */
// A Map, not an object literal: "constructor" or "__proto__" must be unknown commands.
const COMMANDS: ReadonlyMap<string, () => Promise<{ run: Command }>> = new Map([
  ['audit', () => import('./audit')],
  ['forecast', () => import('./forecast')],
  ['export', () => import('./export')],
  ['diff', () => import('./diff')],
  ['actuals', () => import('./actuals')],
  ['serve', () => import('./serve')],
]);

export const USAGE = `Usage:
  gtm-blueprint audit <file.json|-> [--format text|json|sarif]
  gtm-blueprint forecast <file.json|-> [--format text|json] [--target <new ARR a month>]
  gtm-blueprint export --to mermaid|md|json|svg <file.json|-> [-o out]
  gtm-blueprint diff <old.json> <new.json> [--format text|json|md]
  gtm-blueprint actuals <diagram.json> <deals.csv> [--as-of YYYY-MM-DD] [--map "CRM stage=Diagram stage"]… [--format text|json]
  gtm-blueprint serve [--port 4321] [--host 127.0.0.1] [--data ./gtm-data]

Exit codes: 0 no errors, 1 the audit found errors, 2 invalid file or usage.
`;

/**
 * Runs one command. Every run ends in exit 0, 1 or 2 with at most one sentence on stderr: a
 * failure the user can act on is a `CliError`; anything else is reported as an internal error,
 * in one line and without a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    io.stderr(`gtm-blueprint: unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gtm-blueprint ${name}: ${sentence(error.message)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      io.stderr(`gtm-blueprint: ${sentence(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(
      `gtm-blueprint ${name}: internal error, please report it: ${sentence(reasonOf(error))}\n`,
    );
    return EXIT.usage;
  }
}

/** One line ending in a full stop, however the message came. */
function sentence(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

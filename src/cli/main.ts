import { EXIT, UsageError, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command loads on demand so `audit` does not pay for the exporters. */
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  audit: () => import('./audit'),
  forecast: () => import('./forecast'),
  export: () => import('./export'),
  diff: () => import('./diff'),
  serve: () => import('./serve'),
};

export const USAGE = `Usage:
  gtm-blueprint audit <file.json|-> [--format text|json|sarif]
  gtm-blueprint forecast <file.json|-> [--format text|json]
  gtm-blueprint export --to mermaid|md|json|svg <file.json|-> [-o out]
  gtm-blueprint diff <old.json> <new.json> [--format text|json|md]
  gtm-blueprint serve [--port 4321] [--host 127.0.0.1] [--data ./gtm-data]

Exit codes: 0 no errors, 1 the audit found errors, 2 invalid file or usage.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`gtm-blueprint: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gtm-blueprint ${name}: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

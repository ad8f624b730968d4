import { MAX_FILE_BYTES } from '../model/version';
import { EXIT, readLimited, type CliIo } from './io';
import { main } from './main';
import { toTerminalText } from './terminal-text';

/**
 * The CLI on the real process: output through the terminal sanitiser, standard input counted
 * while it streams, a closed pipe downstream (`| head`) ending the run quietly, and nothing, not
 * even a crash outside a command, leaving without exit 0, 1 or 2 and one sentence.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const fail = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      toTerminalText(`gtm-blueprint: internal error, please report it: ${reason.split('\n')[0]}\n`),
    );
    process.exit(EXIT.usage);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away (`| head -c 10`): there is no one left to tell, so stop quietly.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      else fail(error);
    });
  }
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(toTerminalText(text)),
    stderr: (text) => void process.stderr.write(toTerminalText(text)),
    readStdin: () => readLimited(process.stdin, MAX_FILE_BYTES),
  };
  process.exitCode = await main(argv, io);
}

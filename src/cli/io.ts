import { open, writeFile } from 'node:fs/promises';
import type { Diagram } from '../model/schema';
import { MAX_FILE_BYTES } from '../model/version';
import { parseDiagramFile } from '../io/parse-file';
import { describeProblems } from '../io/problems';

/** What a command may touch; tests pass fakes, the bin passes the process (process-io.ts). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input as text; rejects with a `CliError` past the size limit. */
  readStdin(): Promise<string>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A failure the user can act on: main prints its one sentence and exits with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** A wrong command line: main prints the sentence and the usage. */
export class UsageError extends CliError {}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

function tooLarge(what: string, bytes: number | undefined): CliError {
  const size = bytes === undefined ? 'over' : `${megabytes(bytes)} MB, over`;
  return new CliError(
    `${what} is ${size} the ${megabytes(MAX_FILE_BYTES).replace(/\.00$/, '')} MB that GTM Blueprint opens`,
  );
}

const FS_REASON: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EMFILE: 'too many files are open',
  EADDRINUSE: 'the port is already in use',
  EADDRNOTAVAIL: 'the address is not one of this machine’s',
};

/** A file-system error in words, without Node's stack or syscall detail. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FS_REASON, code)) return FS_REASON[code] as string;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'unknown error';
  return String(error);
}

/**
 * Reads a stream, counting bytes as they arrive: past `limit` it stops reading (and destroys the
 * stream) before the rest is buffered, so a 300 MB pipe costs no more memory than a 5 MB one.
 */
export async function readLimited(
  stream: AsyncIterable<Uint8Array> & { destroy?: () => void },
  limit = MAX_FILE_BYTES,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.byteLength;
    if (total > limit) {
      stream.destroy?.();
      throw tooLarge('Standard input', undefined);
    }
    chunks.push(chunk);
  }
  return decode(concat(chunks, total));
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** As the editor decodes a dropped file: a byte-order mark dropped, bad UTF-8 as U+FFFD. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/**
 * A file's text, refused by its size before it is read, and read no further than the limit
 * (a file that grows after the size check, or a pipe with no size, is still bounded).
 */
export async function readFileLimited(path: string, limit = MAX_FILE_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${reasonOf(error)}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new CliError(`cannot read ${path}: ${FS_REASON.EISDIR}`);
    if (info.isFile() && info.size > limit) throw tooLarge(path, info.size);
    const bytes = new Uint8Array(Math.min(limit + 1, info.isFile() ? info.size + 1 : limit + 1));
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge(path, undefined);
    return decode(bytes.subarray(0, length));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${reasonOf(error)}`);
  } finally {
    await handle.close();
  }
}

/** Reads `<file.json|->` through the same gate as the editor; prints problems on refusal. */
export async function readDiagram(
  path: string,
  io: CliIo,
): Promise<{ ok: true; diagram: Diagram } | { ok: false }> {
  const text = path === '-' ? await io.readStdin() : await readFileLimited(path);
  const parsed = parseDiagramFile(text);
  if (!parsed.ok) {
    const where = path === '-' ? 'standard input' : path;
    io.stderr(
      `gtm-blueprint: ${where} is not a valid diagram:\n${describeProblems(parsed.problems)}\n`,
    );
    return { ok: false };
  }
  return { ok: true, diagram: parsed.diagram };
}

/** Writes to standard output, or to `out`; a failed write names the file (exit 2). */
export async function writeOutput(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  try {
    await writeFile(out, text, 'utf8');
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    throw new CliError(
      `cannot write ${out}: ${missing ? 'its folder does not exist' : reasonOf(error)}`,
    );
  }
}

/**
 * A small argument parser: positionals plus `--flag value` / `--flag=value` / `-o value`.
 * Unknown flags are usage errors, so a typo never silently changes the output.
 */
export function parseArgs(
  args: readonly string[],
  flags: Readonly<Record<string, { alias?: string; values?: readonly string[] }>>,
): { positionals: string[]; flags: Record<string, string> } {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const byAlias = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) {
    byAlias.set(`--${name}`, name);
    if (spec.alias) byAlias.set(`-${spec.alias}`, name);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const name = byAlias.get(flag);
    if (!name) throw new UsageError(`unknown option ${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    const allowed = flags[name]?.values;
    if (allowed && !allowed.includes(value)) {
      throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
    }
    values.set(name, value);
  }
  return { positionals, flags: Object.fromEntries(values) };
}

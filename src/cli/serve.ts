import { resolve } from 'node:path';
import { startServer, type ServeOptions } from '../server/server';
import { CliError, EXIT, UsageError, parseArgs, reasonOf, type CliIo } from './io';

/** The built app of this package, whatever folder the command runs in. */
const PACKAGE_DIST = resolve(import.meta.dirname, '../../dist');

/**
 * `gtm-blueprint serve [--port 4321] [--host 127.0.0.1] [--data ./gtm-data] [--dist dir]`.
 * Runs until SIGTERM or SIGINT, then folds open rooms into their snapshots and exits 0.
 */
export async function run(args: string[], io: CliIo, env = process.env): Promise<number> {
  const { positionals, flags } = parseArgs(args, {
    port: { alias: 'p' },
    host: {},
    data: {},
    dist: {},
  });
  if (positionals.length > 0) throw new UsageError('serve takes no file');
  const port = Number(flags.port ?? env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError('--port must be a whole number from 0 to 65535');
  }
  const options: ServeOptions = {
    port,
    host: flags.host ?? '127.0.0.1',
    dataDir: resolve(flags.data ?? './gtm-data'),
    distDir: flags.dist ? resolve(flags.dist) : PACKAGE_DIST,
    databaseUrl: env.GTM_DATABASE_URL || undefined,
    databasePrefix: env.GTM_DATABASE_PREFIX || undefined,
    redisUrl: env.GTM_REDIS_URL || undefined,
    createToken: env.GTM_CREATE_TOKEN || undefined,
    publicUrl: env.GTM_PUBLIC_URL || undefined,
  };
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    throw new CliError(`cannot start the server on port ${port}: ${reasonOf(error)}`);
  }
  const storage = options.databaseUrl ? 'PostgreSQL' : `SQLite in ${options.dataDir}`;
  io.stdout(
    `GTM Blueprint co-editing server on ${server.url} (rooms in ${storage}${options.redisUrl ? ', shared through Redis' : ''})\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      done();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await server.close();
  io.stdout('Stopped; every room is stored.\n');
  return EXIT.ok;
}

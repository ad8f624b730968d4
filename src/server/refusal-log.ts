/**
 * One line per refusal: the room, the reason and sizes, never what the peer sent (a diagram is
 * a company's plans; the log is read by whoever runs the server).
 */
export type Logger = (line: string) => void;

export const stderrLogger: Logger = (line) => process.stderr.write(`${line}\n`);

export function logRefusal(
  log: Logger,
  room: string | null,
  reason: string,
  detail: Record<string, number | string> = {},
): void {
  const extra = Object.entries(detail)
    .map(([key, value]) => ` ${key}=${value}`)
    .join('');
  log(`gtm-blueprint serve: refused room=${room ?? '-'} reason=${reason}${extra}`);
}

import type { Diagram } from '../model/schema';
import { SCHEMA_PATH } from '../model/version';

/**
 * The v1 file as people read it: pretty-printed, `$schema` first so editors validate it.
 * Keys are written in a fixed order so that saving twice gives the same bytes.
 */
export function serializeDiagram(diagram: Diagram, options: { pretty?: boolean } = {}): string {
  const { $schema: _ignored, ...rest } = diagram;
  const file = { $schema: SCHEMA_PATH, ...rest };
  return JSON.stringify(file, null, options.pretty === false ? undefined : 2);
}

/** A file name from the diagram name: safe on every OS, never empty. */
export function fileNameFor(diagram: Pick<Diagram, 'name'>, extension: string): string {
  const base =
    diagram.name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'gtm-diagram';
  return `${base}.${extension}`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** The JS the page loads before it can run: entry chunks and their static imports. */
  readonly initialJsGzipKb: number;
  readonly initialJsMinKb: number;
  readonly initialCssGzipKb: number;
  /** Every other JS chunk (loaded by `import()` only), gzip KB by file name. */
  readonly lazyJsGzipKb: Readonly<Record<string, number>>;
  readonly initialFiles: readonly string[];
}

const KB = 1024;
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`, never `import("./x.js")`.
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

/** Where a `/assets/x.js` or `./x.js` reference from `from` points, relative to the dist root. */
function resolveRef(ref: string, from: string): string {
  if (ref.startsWith('/')) return ref.slice(1);
  const base = from.split('/').slice(0, -1);
  for (const part of ref.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.') base.push(part);
  }
  return base.join('/');
}

/**
 * Sizes a Vite build as the browser loads it: the scripts and modulepreloads `index.html` names,
 * followed through their static imports (Vite's lazy chunks are reached by `import()` only).
 */
export function measureBundle(dist: string, allJs: readonly string[]): BundleSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => resolveRef(m[1] as string, 'index.html'));
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
    resolveRef(m[1] as string, 'index.html'),
  );

  const initial = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT))
      queue.push(resolveRef(match[1] as string, file));
  }

  let js = 0;
  let min = 0;
  for (const file of initial) {
    const bytes = readFileSync(join(dist, file));
    js += gzip(bytes);
    min += bytes.length;
  }
  const cssGzip = css.reduce((sum, file) => sum + gzip(readFileSync(join(dist, file))), 0);
  const lazy: Record<string, number> = {};
  for (const file of allJs) {
    if (initial.has(file)) continue;
    // Hashes change with every build; the name before the hash says what the chunk is.
    const name = (file.split('/').pop() as string).replace(/-[\w-]{8}\.js$/, '');
    lazy[name] = (lazy[name] ?? 0) + kb(gzip(readFileSync(join(dist, file))));
  }
  return {
    initialJsGzipKb: kb(js),
    initialJsMinKb: kb(min),
    initialCssGzipKb: kb(cssGzip),
    lazyJsGzipKb: lazy,
    initialFiles: [...initial].map((f) =>
      (f.split('/').pop() as string).replace(/-[\w-]{8}\.js$/, ''),
    ),
  };
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { measureBundle } from '../../bench/bundle-size';

// The build the other specs serve (see harness.ts); no browser is needed here.
const DIST = resolve(process.env.GTM_DIST ?? resolve(import.meta.dirname, '../../dist'));
const ALL_JS = readdirSync(join(DIST, 'assets'))
  .filter((file) => file.endsWith('.js'))
  .map((file) => `assets/${file}`);
const bundle = measureBundle(DIST, ALL_JS);
// measureBundle names files without their hash; read them by that name.
const initialText = ALL_JS.filter((file) =>
  bundle.initialFiles.includes(file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')),
).map((file) => readFileSync(join(DIST, file), 'utf8'));

/** Text each library carries in its minified code, whatever the bundler renames. */
const MARKERS = {
  yjs: 'Yjs was already imported',
  '@hocuspocus/provider': 'messageReconnectTimeout',
  papaparse: '.Papa=',
} as const;

describe('the JS the page loads before it can run (issue 13)', () => {
  it('stays within its 200 KiB gzip budget', () => {
    assert.ok(
      bundle.initialJsGzipKb <= 200,
      `initial JS is ${bundle.initialJsGzipKb} KiB gzip: ${bundle.initialFiles.join(', ')}`,
    );
  });

  it('holds no co-editing library and no CSV parser: they load when a room or deals file opens', () => {
    for (const [library, marker] of Object.entries(MARKERS)) {
      assert.ok(
        initialText.every((text) => !text.includes(marker)),
        `${library} is in the initial JS`,
      );
      // The marker must be found somewhere, or this check could never fail.
      const everywhere = readdirSync(join(DIST, 'assets'))
        .filter((file) => file.endsWith('.js'))
        .some((file) => readFileSync(join(DIST, 'assets', file), 'utf8').includes(marker));
      assert.ok(everywhere, `no chunk carries the ${library} marker "${marker}"`);
    }
  });
});

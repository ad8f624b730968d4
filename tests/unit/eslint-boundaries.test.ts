import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries, noBrowserGlobals } from '../../scripts/eslint-boundaries.js';

// Only the boundary rules, without type information, so that a snippet needs no file on disk.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...boundaries,
    noBrowserGlobals,
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('refuses an import up the house, saying why', async () => {
    const cases: [string, string, RegExp][] = [
      ['src/model/x.ts', "import '../rules/engine';", /model .* imports nothing else in src/],
      ['src/rules/x.ts', "import '../canvas/Canvas';", /below the store and the UI/],
      ['src/forecast/x.ts', "import 'react';", /pure TypeScript that also runs in Node/],
      ['src/io/x.ts', "import '../store/editor-store';", /below the store and the UI/],
      ['src/store/x.ts', "import '../ui/TopBar';", /below commands and the UI/],
      ['src/ui-kit/x.ts', "import '../canvas/Canvas';", /below both/],
      ['src/canvas/x.ts', "import '../ui/TopBar';", /do not import each other/],
      ['src/ui/x.ts', "import '../canvas/Canvas';", /do not import each other/],
      ['src/ui/x.ts', "import '../model/edits/element-edits';", /only through store intents/],
      ['src/ui/x.ts', "import '../persistence/library';", /only through store intents/],
      ['src/cli/x.ts', "import '../store/editor-store';", /never the editor/],
      ['src/commands/x.ts', "import '../ui/TopBar';", /below the UI/],
      ['src/ui/x.ts', "import '../testing/test-diagrams';", /never ships them/],
    ];
    for (const [file, code, why] of cases) {
      const found = await problems(file, code);
      expect(found, `${file}: ${code}`).toHaveLength(1);
      expect(found[0]).toMatch(why);
    }
  });

  it('allows the imports down the house, and test helpers in tests', async () => {
    const cases: [string, string][] = [
      ['src/ui/x.tsx', "import '../store/react/editor-context'; import '../ui-kit/LayerIcon';"],
      ['src/store/react/x.ts', "import 'react'; import 'zustand'; import '../editor-store';"],
      ['src/rules/x.ts', "import '../model/schema'; import '../model/edits/element-edits';"],
      ['src/ui/x.test.tsx', "import '../testing/test-diagrams';"],
    ];
    for (const [file, code] of cases) expect(await problems(file, code), file).toEqual([]);
  });

  it('refuses browser globals in the core, but not in the PNG encoder', async () => {
    const found = await problems('src/rules/x.ts', 'export const n = localStorage.length;');
    expect(found).toEqual([expect.stringMatching(/browser global.*also runs in Node/)]);
    expect(await problems('src/cli/x.ts', 'export const w = window;')).toHaveLength(1);
    expect(
      await problems('src/io/png.ts', 'export const c = document.createElement("canvas");'),
    ).toEqual([]);
    expect(await problems('src/ui/x.ts', 'export const w = window;')).toEqual([]);
  });
});

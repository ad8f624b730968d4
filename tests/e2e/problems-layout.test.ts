import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serializeDiagram } from '../../src/io/serialize';
import { findTemplate } from '../../src/model/templates';
import { runAudit } from '../../src/rules/engine';
import { openApp, screenshotDir, settle, type Session } from './harness';

describe('the Problems panel keeps its rows inside it', () => {
  let session: Session;
  before(async () => {
    session = await openApp();
  });
  after(async () => {
    await session?.close();
  });

  it('wraps a long Fix button instead of running past the panel, and keeps its full name', async () => {
    const { page } = session;
    // The mid-market template with its handoffs unlabelled: a finding on each, and a quick fix
    // that spells out the label it offers ("Label it “Who reads the message and …”").
    const template = findTemplate('mid-market-sales-led')?.create();
    assert.ok(template, 'the template exists');
    const diagram = { ...template, edges: template.edges.map((e) => ({ ...e, label: '' })) };
    const findings = runAudit(diagram).findings;
    assert.ok(findings.length >= 20, `the diagram has ${findings.length} findings`);
    const longest = findings
      .flatMap((f) => (f.fix ? [f.fix.label] : []))
      .sort((a, b) => b.length - a.length)[0];
    assert.ok(longest && longest.length > 60, `the longest fix reads “${longest}”`);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (
      await chooser
    ).setFiles({
      name: 'unlabelled.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeDiagram(diagram)),
    });
    await page.getByRole('tab', { name: /^Problems/ }).click();
    const panel = page.getByRole('region', { name: 'Problems' });
    const fix = panel.getByRole('button', { name: `Fix: ${longest}` }).first();
    await fix.waitFor();
    await settle(page);

    const region = await panel.boundingBox();
    assert.ok(region, 'the panel is drawn');
    const right = region.x + region.width;
    const buttons = await panel.getByRole('button').evaluateAll((elements) =>
      elements.map((el) => ({
        name: el.textContent ?? '',
        right: el.getBoundingClientRect().right,
        width: el.getBoundingClientRect().width,
      })),
    );
    assert.ok(buttons.length > findings.length, `${buttons.length} buttons measured`);
    const past = buttons.filter((b) => b.width > 0 && b.right > right + 0.5);
    assert.deepEqual(
      past.map((b) => `${b.name} ends at ${Math.round(b.right)}`),
      [],
      `no button runs past the panel's right edge (${right})`,
    );
    // Wrapped, the button is taller than one line, and says the whole fix.
    const box = await fix.boundingBox();
    assert.ok(box && box.height > 24, 'the long fix wraps onto a second line');
    assert.equal(await fix.textContent(), `✦Fix: ${longest}`);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'problems-layout-long-fix.png') });
    assert.deepEqual(session.errors, []);
  });
});

/**
 * What each case rests on in the browser (README, "What each case rests on"; R8): the prosecutor's home page lists
 * the demo's evidence at risk (the fictional mechanism's mandate ended: elements lost), a row leads to the case's
 * proof matrix, where unsupported elements stand out, the list sorts by status and the page is axe-clean — on a
 * laptop and on a phone, in Dutch; the IND sees the list of its 1F files.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

describe('the proof matrix and evidence at risk in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  for (const screen of [{ width: 1366, height: 768, name: 'laptop' }, { width: 390, height: 844, name: 'phone' }]) {
    it(`the prosecutor follows a lost element from the home page to the proof matrix (${screen.name})`, async () => {
      const { context, page } = await world.newPage(screen);
      try {
        await world.signIn(page, 'prosecutor');
        const panel = page.getByTestId('evidence-at-risk');
        await panel.waitFor();
        await settled(page);
        await panel.getByText('Verloren').first().waitFor();
        assert.deepEqual(await axeSerious(page), []);
        if (process.env.IMKETEN_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMKETEN_SCREENSHOTS}/proof-home-${screen.name}.png`, fullPage: true });
        await panel.getByRole('link', { name: /^SZ-/ }).first().click();
        await page.getByTestId('proof-summary').waitFor();
        await settled(page);
        assert.match(await page.getByTestId('proof-summary').innerText(), /\d+ bewezen · \d+ alleen aanwijzing · [1-9]\d* onbewezen/);
        assert.ok(await page.locator('[data-testid^="element-"][data-status="unsupported"]').count() >= 1);
        assert.ok(await page.getByText('niet meer beschikbaar').count() >= 1, 'the unavailable material is named as such');
        assert.deepEqual(await axeSerious(page), []);
        if (process.env.IMKETEN_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMKETEN_SCREENSHOTS}/proof-matrix-${screen.name}.png`, fullPage: true });
        await page.getByRole('combobox', { name: 'Sorteer op' }).click();
        await page.getByRole('option', { name: 'Status' }).click();
        const first = await page.locator('[data-testid^="element-"]').first().getAttribute('data-status');
        assert.equal(first, 'unsupported');
      } finally {
        await context.close();
      }
    });
  }

  it('the IND sees the evidence at risk of its 1F files', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ind-1f');
      const panel = page.getByTestId('evidence-at-risk');
      await panel.waitFor();
      await panel.getByRole('link', { name: /^IF-/ }).first().waitFor();
    } finally {
      await context.close();
    }
  });
});

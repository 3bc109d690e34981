/**
 * The preference page of the e-mail digest in the browser (README, "Notifications"): reached from the footer of
 * every page, in Dutch and in English, at a laptop's width and at 390 px, axe-clean; an address is asked for before
 * the digest can be turned on, and the choice is kept (the store holds it, and the page shows it after a reload).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readPreferences } from '../../src/store/digest-store.js';
import { browserSkip, settled, startWorld, type World } from './harness.js';

const SHOTS = join(tmpdir(), 'imketen-notify-shots');

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

describe('the e-mail notification preferences in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startWorld();
  });
  after(async () => { await world?.close(); });

  it('the prosecutor turns a weekly English digest on from the footer link, and the choice is kept', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Meldingen per e-mail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meldingen per e-mail' }).waitFor();
      await settled(page);
      assert.match(await page.locator('main').innerText(), /geen namen, zaaknummers/);
      assert.match(await page.getByTestId('last-sent').innerText(), /nog geen samenvatting/);
      assert.deepEqual(await violations(page), []);
      await page.screenshot({ path: join(SHOTS, 'notifications-nl.png'), fullPage: true });

      const form = page.getByRole('form', { name: 'Instellingen van de e-mailsamenvatting' });
      await form.getByLabel('Stuur mij een samenvatting per e-mail').check();
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await form.getByText('Vul een e-mailadres in om de samenvatting aan te zetten.').waitFor();
      assert.equal(await page.locator('#digest-email').evaluate((field) => field === field.ownerDocument.activeElement), true, 'focus goes to the field to fix');
      await form.getByLabel('E-mailadres').fill('om.demo@om.example');
      await form.getByRole('radio', { name: 'Wekelijks (maandagochtend)' }).check();
      await form.getByRole('radio', { name: 'English' }).check();
      await form.getByRole('checkbox', { name: 'Zittingen voor te bereiden' }).uncheck();
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();

      const [account] = await world.store.db.query<{ id: number }>("SELECT id FROM accounts WHERE username = 'om.demo'");
      const stored = await readPreferences(world.store.db, account!.id);
      assert.deepEqual([stored?.enabled, stored?.frequency, stored?.language, stored?.email, stored?.kinds.includes('hearing')], [true, 'weekly', 'en', 'om.demo@om.example', false]);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Meldingen per e-mail' }).waitFor();
      await settled(page);
      assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'om.demo@om.example');
      assert.equal(await page.getByRole('radio', { name: 'Wekelijks (maandagochtend)' }).isChecked(), true);
      assert.equal(await page.getByRole('checkbox', { name: 'Zittingen voor te bereiden' }).isChecked(), false);
    } finally {
      await context.close();
    }
  });

  it('in English and at 390 px: every label translated, axe-clean, no wider than the screen', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'dtv');
      await page.getByRole('button', { name: /English/ }).click();
      await page.goto('/settings/notifications');
      await page.getByRole('heading', { level: 1, name: 'E-mail notifications' }).waitFor();
      await settled(page);
      const text = await page.locator('main').innerText();
      assert.match(text, /no names, case numbers or other case details/);
      assert.match(text, /Article 3 barriers to reassess/);
      assert.match(text, /This installation sends no e-mail at the moment/);
      assert.doesNotMatch(text, /notifications\.|article3-reassessment|screening-hit/, 'no keys or raw codes');
      assert.deepEqual(await violations(page), []);
      const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
      assert.ok(overflow <= 0, `the page fits 390 px (overflow ${overflow} px)`);
      await page.screenshot({ path: join(SHOTS, 'notifications-en-390.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});

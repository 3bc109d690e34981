/**
 * Browser test of the administrator's retention page (docs/retention.md, "The procedure"): one administrator runs
 * the dry run and requests an erasure, and cannot approve it; a second administrator approves and carries it out;
 * the item leaves the due list. Dutch and English, axe-clean, and at 390 px the tables become cards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/accounts/demo-accounts.js';
import { browserSkip, settled, startWorld, type World } from './harness.js';

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('header nav').waitFor();
  await settled(page);
}

async function openRetention(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Bewaartermijnen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bewaartermijnen en verwijderen' }).waitFor();
  await settled(page);
}

describe("the administrator's retention page", { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('one administrator requests, cannot approve; a second approves and carries it out; the item leaves the due list', async () => {
    const first = await world.newPage();
    let label: string;
    let id: string;
    try {
      await signInAs(first.page, 'beheer.demo');
      await openRetention(first.page);
      // The partner select: the DT&V's list, then back to the police's.
      await first.page.getByRole('combobox', { name: 'Partner' }).click();
      await first.page.getByRole('option', { name: 'DT&V' }).click();
      await first.page.waitForURL(/partner=dtv/);
      await settled(first.page);
      await first.page.getByRole('combobox', { name: 'Partner' }).click();
      await first.page.getByRole('option', { name: 'Politie (TIM)' }).click();
      await first.page.waitForURL(/partner=tim/);
      await settled(first.page);
      // the URL changes before the rows do: wait for the police's rows themselves (criminal cases)
      const button = first.page.getByRole('button', { name: /^Proefrun: Strafzaak / }).first();
      await button.waitFor();
      label = (await button.getAttribute('aria-label'))!;
      assert.match(label, /^Proefrun: Strafzaak /);
      await button.click();
      const plan = first.page.getByRole('region', { name: /^Proefrun: wat verwijderen raakt/ });
      await plan.getByText(/gebeurtenis\(sen\)/).first().waitFor();
      await plan.getByRole('button', { name: 'Verwijderen aanvragen' }).click();
      const notice = first.page.getByRole('status').filter({ hasText: /^Verzoek \d+ is opgeslagen/ });
      await notice.waitFor();
      id = /Verzoek (\d+)/.exec(await notice.innerText())![1]!;
      await settled(first.page);
      await first.page.getByText('Uw eigen verzoek: een andere beheerder beslist.').first().waitFor();
      assert.equal(await first.page.getByRole('button', { name: `Verzoek ${id} goedkeuren` }).count(), 0, 'no approve button on one\'s own request');
      // Nor over the API: the server refuses the requester.
      const csrf = (await (await first.page.request.get('/api/session')).json() as { csrfToken: string }).csrfToken;
      const own = await first.page.request.post(`/api/retention/erasure/requests/${id}/decision`, { data: { decision: 'approve' }, headers: { 'x-csrf-token': csrf } });
      assert.equal(own.status(), 403);
      assert.deepEqual(await axeSerious(first.page), [], 'the retention page (Dutch)');
    } finally {
      await first.context.close();
    }

    const second = await world.newPage();
    try {
      await signInAs(second.page, 'beheer2.demo');
      await openRetention(second.page);
      await second.page.getByRole('button', { name: `Verzoek ${id} goedkeuren` }).click();
      await second.page.getByRole('status').filter({ hasText: `Verzoek ${id} is goedgekeurd` }).waitFor();
      await settled(second.page);
      await second.page.getByRole('button', { name: `Verzoek ${id} uitvoeren` }).click();
      await second.page.getByRole('status').filter({ hasText: `Verzoek ${id} is uitgevoerd` }).waitFor({ timeout: 120_000 });
      await settled(second.page);
      await second.page.getByText('uitgevoerd', { exact: true }).first().waitFor();
      // The due list reloads apart from the requests: wait for the item to leave it (a timeout here is the failure).
      await second.page.getByRole('button', { name: label, exact: true }).waitFor({ state: 'detached' });
      await second.page.screenshot({ path: 'docs/screenshots/retention-admin.png' });
    } finally {
      await second.context.close();
    }
  });

  it('reads in English, and on a 390 px phone shows cards without sideways scrolling, axe-clean', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await signInAs(page, 'beheer.demo');
      await page.goto('/retention?partner=tim');
      await settled(page);
      await page.locator('main [data-layout="cards"] li').first().waitFor();
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
      assert.deepEqual(await axeSerious(page), [], 'the retention page on a phone');
      await page.screenshot({ path: 'docs/screenshots/retention-admin-phone.png' });
      await page.getByRole('button', { name: /Taal: English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Retention and erasure' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'What is due for removal' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

/**
 * Browser tests of person search and screening on the demo registry. The header search uses the screening matcher:
 * "Mohamed al Hasan" finds the demo person registered as "Mohamad al-Hassan" / "محمد الحسن" (no name contains the
 * typed text), with a score and the explanation. The police screen that person against a watchlist from the person
 * page, review the hit on the screening page (a reason is required; the hit leaves the review list) and see its
 * status change there and on the person page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { importWatchlist } from '../../src/screening/import-watchlist.js';
import { browserSkip, NOW, settled, startWorld, type World } from './harness.js';

/** A demo person the police see (the suspect of criminal/SZ-2016-003): names "Mohamad al-Hassan" and "محمد الحسن", born 1968-10, SYR. */
const PERSON = 'P-00030';
const LIST_ENTRY = { id: 'E2E-0001', names: ['Muhammad Alhasan'], birthDates: ['1968'], nationalities: ['SYR'] };

describe('person search and screening in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    await importWatchlist(world.store.db, [{ name: 'e2e-list.jsonl', bytes: Buffer.from(`${JSON.stringify(LIST_ENTRY)}\n`) }], { name: 'e2e-list', now: () => NOW });
  });
  after(async () => { await world?.close(); });

  it('the header search finds a person by a transliterated spelling, with the score and why', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      const search = page.getByRole('search');
      await search.getByLabel('Zoek persoon op naam').fill('Mohamed al Hasan');
      await search.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Zoekresultaten voor “Mohamed al Hasan”' }).waitFor();
      await settled(page);
      const row = page.locator('main tbody tr', { hasText: PERSON });
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, /Mohamad al-Hassan/);
      assert.match(text, /محمد الحسن/);
      assert.match(await row.getByTestId('match-score').innerText(), /^0,\d\d$|^1,00$/);
      assert.match(await row.getByTestId('match-summary').innerText(), /Mohamed ≈ .+\((transliteratie|spellingsvariant)\)/);
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('the police screen a person against a list, confirm the hit with a reason, and see its status change', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');

      // Screening from the person page: the hit is stored, open, with the list entry and the explanation.
      await page.goto(`/persons/${PERSON}`);
      await page.locator('[data-testid="person-names"]').waitFor();
      const section = page.getByRole('region', { name: 'Screening tegen een lijst' });
      await section.getByRole('button', { name: 'Screenen' }).click();
      await section.getByRole('status').filter({ hasText: 'Gescreend tegen e2e-list (versie 1)' }).waitFor();
      const found = section.locator('[data-testid="hit"]');
      await found.first().waitFor();
      assert.equal(await found.count(), 1);
      const hitId = (await found.getAttribute('data-hit'))!;
      assert.equal(await found.getAttribute('data-status'), 'open');
      const card = await found.innerText();
      assert.match(card, /Muhammad Alhasan/);
      assert.match(card, /E2E-0001/);
      assert.match(card, /transliteratie/);
      assert.match(await found.getByTestId('match-birth-date').innerText(), /verenigbaar \(1968-10 \/ 1968\)/);
      assert.match(await found.getByTestId('match-nationality').innerText(), /komt overeen/);

      // The review page: a hit is a signal for a human; the open hit waits for review.
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Screening' }).click();
      await page.getByRole('heading', { level: 1, name: 'Screening: treffers beoordelen' }).waitFor();
      await settled(page);
      assert.match(await page.getByTestId('screening-help').innerText(), /signaal voor een mens, nooit een beslissing/);
      const hit = page.locator(`[data-testid="hit"][data-hit="${hitId}"]`);
      await hit.waitFor();
      assert.equal(await hit.getAttribute('data-status'), 'open');
      assert.match(await hit.innerText(), /Mohamad al-Hassan/);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      assert.deepEqual(serious.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`), []);

      // Confirming needs a reason: without one nothing is recorded.
      await hit.getByRole('button', { name: `Bevestigen: treffer ${hitId}` }).click();
      const dialog = page.getByRole('dialog', { name: `Treffer ${hitId} bevestigen` });
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.getByText('Verplicht veld.').waitFor();
      await dialog.getByRole('textbox', { name: /Reden/ }).fill('Zelfde geboortejaar en nationaliteit; paspoortnummer gelijk aan de lijstvermelding');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: `Treffer ${hitId} is bevestigd.` }).waitFor();
      // no longer waiting for review: the list reloads without it (waited for, as the reload may still be running)
      await page.locator(`[data-testid="hit"][data-hit="${hitId}"]`).waitFor({ state: 'detached' });

      // Under "confirmed" it is there, with the decision, who made it and the reason.
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Bevestigd' }).click();
      const confirmed = page.locator(`[data-testid="hit"][data-hit="${hitId}"][data-status="confirmed"]`);
      await confirmed.waitFor();
      const decision = await confirmed.getByTestId('hit-last-decision').innerText();
      assert.match(decision, /Bevestigd door tim\.demo/);
      assert.match(decision, /paspoortnummer gelijk/);

      // And the person page shows the new status.
      await page.goto(`/persons/${PERSON}`);
      await page.locator(`[data-testid="person-screening"] [data-hit="${hitId}"][data-status="confirmed"]`).waitFor();
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });
});

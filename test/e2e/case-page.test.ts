/**
 * The case page for a working day (README, "Web application"; issue 17): a long timeline is collapsed to the latest
 * entries with "show all", filtered by kind of event, each entry says who recorded it; retraction is in a row's menu
 * (no button per row) and focus comes back; the add-event form opens from the top; on a phone the rows are cards
 * with every column's content on screen; DT&V sees the Article 3 reassessment (R7) of a dossier on its list.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { importEvents } from '../../src/import/import-events.js';
import { textSource } from '../../src/import/sources.js';
import { browserSkip, NOW, settled, startWorld, type World } from './harness.js';

const CASE = 'SZ-2023-001';
const shots = process.env.IMKETEN_SCREENSHOTS;

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

describe('the case page: a long timeline, its filter, the row menu, phones, R7', { skip: browserSkip }, () => {
  let world: World;
  let total = 0;
  before(async () => {
    world = await startWorld();
    // Forty hearings more: a case with a long timeline (fictional, like the demo).
    const hearings = Array.from({ length: 40 }, (_, index) => JSON.stringify({
      id: `cp-hearing-${index}`, stream: `criminal/${CASE}`, type: 'criminal.hearing-scheduled',
      date: index < 31 ? `2026-10-${String(index + 1).padStart(2, '0')}` : `2026-11-${String(index - 30).padStart(2, '0')}`,
      data: { date: '2027-03-01', court: 'Rechtbank Den Haag' },
    }));
    const summary = await importEvents(world.store.db, [textSource('case-page', hearings.join('\n'))], { now: () => NOW });
    assert.ok(summary, 'imported');
    const [row] = await world.store.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE stream = $1', [`criminal/${CASE}`]);
    total = row!.count;
  });
  after(async () => { await world?.close(); });

  it('collapses, filters, names the recorder and retracts from the row menu (laptop)', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto(`/cases/criminal/${CASE}`);
      await page.getByTestId('timeline').waitFor();
      await settled(page);
      const rows = page.getByTestId('timeline').locator('tbody tr');
      assert.equal(await rows.count(), 10, 'the latest ten');
      assert.equal(await page.getByTestId('timeline-count').innerText(), `10 van ${total} getoond`);
      assert.equal(await page.getByRole('button', { name: 'Intrekken' }).count(), 0, 'no retract button on every row');
      assert.match(await rows.first().getByTestId('recorded-by').innerText(), /^door /);
      const height = await page.locator('html').evaluate((html) => html.scrollHeight);
      assert.ok(height < 4000, `the page is ${height} px high`);
      if (shots) await page.screenshot({ path: `${shots}/case-page-collapsed.png`, fullPage: true });

      await page.getByRole('button', { name: `Toon alle ${total}` }).click();
      assert.equal(await rows.count(), total);

      await page.getByRole('combobox', { name: 'Filteren op soort' }).click();
      await page.getByRole('option', { name: /^Zitting gepland/ }).click();
      const shown = await rows.allInnerTexts();
      assert.ok(shown.length >= 40 && shown.every((text) => /Zitting gepland/.test(text)), `${shown.length} rows`);
      assert.deepEqual(await axeSerious(page), []);

      // retract one hearing from its row's menu; focus comes back to the timeline
      await rows.first().getByRole('button', { name: /^Acties voor Zitting gepland/ }).click();
      await page.getByRole('menuitem', { name: 'Intrekken…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/Reden van intrekking/).fill('dubbel ingevoerd');
      await dialog.getByRole('button', { name: 'Intrekken' }).click();
      await page.getByText('De gebeurtenis is ingetrokken.').waitFor();
      await page.getByText(/Ingetrokken op .*: dubbel ingevoerd/).first().waitFor();
      await page.locator(':focus').filter({ hasText: 'Tijdlijn' }).waitFor();
      const recorder = await page.getByText(/Ingetrokken op .*: dubbel ingevoerd/).first().locator('xpath=ancestor::tr').getByTestId('recorded-by').innerText();
      assert.match(recorder, /^door /);

      // the add-event form opens from the top of the page
      await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /Soort gebeurtenis/ }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator(':focus').filter({ hasText: 'Gebeurtenis toevoegen' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a phone the timeline rows are cards with every column on screen', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto(`/cases/criminal/${CASE}`);
      await page.getByTestId('timeline').waitFor();
      await settled(page);
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      assert.equal(overflow, 0, 'nothing is off-screen sideways');
      // the latest card with a menu (the newest entry is the retraction of the test before: no menu)
      const card = page.getByTestId('timeline').locator('[data-layout="cards"] li').filter({ has: page.getByRole('button', { name: /^Acties voor/ }) }).last();
      for (const label of ['Juridische datum', 'Gebeurtenis', 'Gegevens', 'Geregistreerd', 'Acties']) {
        const term = card.locator(':scope > dl > div > dt', { hasText: new RegExp(`^${label}$`) });
        assert.equal(await term.count(), 1, `the card names ${label}`);
      }
      // Long Dutch compounds may hyphenate: the card asks for it, in the page's language.
      assert.equal(await card.locator(':scope > dl').evaluate((list) => `${list.ownerDocument.defaultView?.getComputedStyle(list).hyphens} ${list.closest('[lang]')?.getAttribute('lang')}`), 'auto nl');
      const box = await card.getByRole('button', { name: /^Acties voor/ }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the row menu is on screen');
      const recorded = await card.getByTestId('recorded-by').boundingBox();
      assert.ok(recorded && recorded.x + recorded.width <= 390, 'who recorded it is on screen');
      assert.deepEqual(await axeSerious(page), []);
      if (shots) await page.screenshot({ path: `${shots}/case-page-phone.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('DT&V sees the reassessment of a Syrian dossier on its list: last assessment, due since the change, status', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'dtv');
      // one of the Syrian dossiers not reassessed since the fall of the Assad regime (src/demo/departure-trajectories.ts)
      await page.goto('/cases/departure/DTV-2018-030');
      const panel = page.getByTestId('reassessment');
      await panel.waitFor();
      await settled(page);
      const text = await panel.innerText();
      assert.match(text, /herbeoordeling nodig/);
      assert.match(text, /8 december 2024/);
      assert.equal(await page.getByText('De regels leiden voor deze zaak niets af.').count(), 0);
      assert.deepEqual(await axeSerious(page), []);
      if (shots) await page.screenshot({ path: `${shots}/case-page-dtv.png`, fullPage: false });
    } finally {
      await context.close();
    }
  });
});

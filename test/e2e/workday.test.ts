/**
 * Browser tests of issue 17 (a working day in the app): R5 — recording that a victim was informed names the duty it
 * discharges, and information about one judgment clears only that one; the auditor's access log newest first, paged,
 * filtered by case and exported as CSV; a watchlist imported in the app; the victims page on a phone as cards with every column reachable. Each page
 * checked with axe-core (WCAG 2.1 AA: no serious or critical violation).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

async function axeClean(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  assert.deepEqual(serious.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`), []);
}

/** One victim's row on the victims page. */
const victimRow = (page: Page, victim: string) => page.locator('main tr', { has: page.getByRole('link', { name: victim }) }).first();

/** The overdue reasons listed for one victim on the victims page. */
async function reasonsOf(page: Page, victim: string): Promise<string[]> {
  return victimRow(page, victim).locator('li').allInnerTexts();
}

describe('a working day in the browser (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('R5: informing a victim about one judgment clears that duty only, and the dialog offers the open duties', async () => {
    const { context, page } = await world.newPage({ height: 768 });
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto('/victims?overdue=1');
      await settled(page);
      const victim = 'Jean-Pierre Mukeshimana';
      await victimRow(page, victim).locator('li').first().waitFor();
      const before = await reasonsOf(page, victim);
      assert.ok(before.some((text) => text.startsWith('Uitspraak op 17 oktober 2021')), before.join(' | '));
      assert.ok(before.some((text) => text.startsWith('Periodieke update')), before.join(' | '));
      assert.ok(before.every((text) => !/criminal\.|\d{4}-\d{2}-\d{2}/.test(text)), `no codes or ISO dates: ${before.join(' | ')}`);

      const trigger = page.getByRole('button', { name: `Geïnformeerd vastleggen: ${victim}` });
      await trigger.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: /^Bericht over: Uitspraak van 17 oktober 2021/ }).waitFor();
      await axeClean(page);
      await dialog.getByLabel(/Waarover is het slachtoffer geïnformeerd/).fill('de uitspraak in eerste aanleg en de planning van de zitting in hoger beroep');
      // Enter in the date field does not submit the dialog; without a chosen duty it is not sent either.
      await dialog.getByLabel(/^Datum/).press('Enter');
      assert.equal(await dialog.isVisible(), true);
      await dialog.getByRole('button', { name: 'Geïnformeerd vastleggen' }).click();
      await dialog.getByText('Kies ten minste één plicht, of „iets anders”.').waitFor();

      await dialog.getByRole('checkbox', { name: /^Bericht over: Uitspraak van 17 oktober 2021/ }).check();
      await dialog.getByRole('button', { name: 'Geïnformeerd vastleggen' }).click();
      await page.getByText('Vastgelegd.').waitFor();
      // The notice shows while the list reloads: wait for the duty to leave the victim's row before reading it.
      await victimRow(page, victim).locator('li', { hasText: /^Uitspraak op 17 oktober 2021/ }).waitFor({ state: 'detached' });
      await settled(page);

      const afterwards = await reasonsOf(page, victim);
      assert.ok(!afterwards.some((text) => text.startsWith('Uitspraak op 17 oktober 2021')), afterwards.join(' | '));
      assert.ok(afterwards.some((text) => text.startsWith('Periodieke update')), `the periodic update stays overdue: ${afterwards.join(' | ')}`);
      assert.equal(afterwards.length, before.length - 1, afterwards.join(' | '));
      // Focus is back on the button that opened the dialog.
      assert.equal(await page.locator(':focus').getAttribute('aria-label'), `Geïnformeerd vastleggen: ${victim}`);
    } finally {
      await context.close();
    }
  });

  it('the auditor sees the newest accesses first, pages back, filters by case and exports the selection as CSV', async () => {
    // Some reads to find: the prosecutor opens a case three times.
    const reader = await world.newPage();
    try {
      await world.signIn(reader.page, 'prosecutor');
      await reader.page.goto('/cases/criminal/SZ-2023-001');
      await reader.page.locator('[data-testid="current-phase"]').waitFor();
      await settled(reader.page);
      // Enough further reads through the API (the same session) that the log runs to more than one page.
      for (let n = 0; n < 60; n++) assert.equal((await reader.page.request.get('/api/cases/criminal/SZ-2023-001')).status(), 200);
    } finally {
      await reader.context.close();
    }

    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'auditor');
      await page.getByRole('link', { name: 'Toegangslog' }).click();
      // The auditor's home shows the log as well: wait until the log's own page has replaced it (its h1), as the
      // home's fifty rows are still there while the click's navigation renders.
      await page.waitForURL('**/access-log');
      await page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
      await settled(page);
      const times = async () => page.locator('main tbody tr td:first-child').allInnerTexts();
      // The page's rows arrive after the first page of the log: wait for the fiftieth.
      await page.locator('main tbody tr').nth(49).waitFor();
      const first = await times();
      assert.equal(first.length, 50);
      await page.getByRole('button', { name: 'Oudere' }).click();
      await settled(page);
      await page.getByText(/^Pagina 2:/).waitFor();
      await page.getByRole('button', { name: 'Nieuwere' }).click();
      await page.getByText(/^Pagina 1:/).waitFor();

      await page.getByLabel('Zaaknummer').fill('SZ-2023-001');
      await page.getByRole('button', { name: 'Toon' }).click();
      // The unfiltered page's rows stay until the filtered page arrives: wait until no row shown is of another resource.
      await page.waitForURL(/[?&]case=SZ-2023-001/);
      await page.locator('main tbody tr td:nth-child(4)').filter({ hasNotText: 'Strafzaak SZ-2023-001' }).first().waitFor({ state: 'detached' });
      await settled(page);
      const actions = await page.locator('main tbody tr td:nth-child(3)').allInnerTexts();
      assert.ok(actions.length >= 3 && actions.every((action) => action === 'Dossier ingezien'), actions.join(', '));
      await axeClean(page);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteer selectie (CSV)' }).click()]);
      assert.match(download.suggestedFilename(), /^toegangslog-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'Tijdstip;Gebruikersnaam;Organisatie;Handeling;Gegevens;Personen;Doel;Grondslag;Uitkomst');
      // The export follows the cursor past the page shown: every read of the case, the 61 made above at least.
      assert.equal(actions.length, 50);
      assert.ok(lines.length - 1 >= 61, `${lines.length - 1} rows exported`);
      assert.ok(lines.slice(1).every((line) => line.includes('Dossier ingezien') && line.includes('Strafzaak SZ-2023-001')), lines.slice(0, 3).join('\n'));
    } finally {
      await context.close();
    }
  });

  it('the police import a watchlist in the app: all or nothing, a bad line named, then a new version that screens', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.goto('/screening');
      await settled(page);
      const form = page.locator('form[aria-labelledby="watchlist-upload-title"]');
      await form.getByLabel(/Naam van de lijst/).fill('e2e-signalen');
      // A file with a broken second line: refused, nothing stored, the line named.
      await form.getByLabel('Bestand(en)').setInputFiles({ name: 'signalen.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"id":"s1","names":["Fictief Persoon"]}\n{"id":"s2",\n') });
      await form.getByRole('button', { name: 'Inlezen' }).click();
      const refusal = form.locator('[data-testid="problem"]');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /signalen\.jsonl:2:/);
      await axeClean(page);

      await form.getByLabel('Bestand(en)').setInputFiles({ name: 'signalen.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"id":"s1","names":["Fictief Persoon"]}\n{"id":"s2","names":["Andere Fictieve Naam"],"nationalities":["SYR"]}\n') });
      await form.getByRole('button', { name: 'Inlezen' }).click();
      const done = page.locator('[data-testid="watchlist-imported"]');
      await done.waitFor();
      assert.equal(await done.innerText(), 'Lijst e2e-signalen versie 1 ingelezen: 2 vermeldingen, 2 toegevoegd, 0 gewijzigd, 0 verwijderd.');
      await page.getByRole('combobox', { name: /Lijst/ }).last().click();
      await page.getByRole('option', { name: 'e2e-signalen' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a phone (390×844) the victims page shows each victim as a card, every column reachable without scrolling sideways', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'police');
      await page.goto('/victims?overdue=1');
      await settled(page);
      const card = page.locator('main [data-layout="cards"] li').first();
      await card.getByText('Status').waitFor();
      await card.getByRole('button', { name: /^Geïnformeerd vastleggen:/ }).waitFor();
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls ${overflow}px sideways`);
      const box = await card.getByRole('button', { name: /^Geïnformeerd vastleggen:/ }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
      await axeClean(page);
    } finally {
      await context.close();
    }
  });
});

/**
 * Browser tests of issue 17's "lists that work": the case list sorted, searched and paged by the server, exported
 * as CSV exactly as shown; the header search opening a case by its number; the IND decisions list on a phone as
 * cards with every column reachable. Each page checked with axe-core (WCAG 2.1 AA: no serious or critical violation).
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

const caseIds = (page: Page) => page.locator('main tbody tr td:first-child').allInnerTexts();
/** The page's document, as far as rowsChangedFrom reads it (this file is compiled without the DOM's types). */
type FirstCell = { querySelector(selector: string): { textContent: string | null } | null };
/**
 * Waits until the first row shows another case than `before`: the page's labels can change before its rows do.
 * A function, not a string: a string predicate is polled with eval, which the app's Content-Security-Policy refuses.
 */
const rowsChangedFrom = (page: Page, before: string) => page.waitForFunction((previous) => {
  const cell = (globalThis as unknown as { document: FirstCell }).document.querySelector('main tbody tr td:first-child');
  return cell?.textContent?.trim() !== previous;
}, before.trim());
const byNumber = (a: string, b: string) => a.localeCompare(b, 'nl', { numeric: true });

describe('lists that work (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('the case list: the columns users need, sorted both ways, searched, paged by cursor and exported as shown', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto('/cases?kind=criminal');
      await settled(page);
      await page.locator('main tbody tr').first().waitFor();
      const headers = await page.locator('main thead th').allInnerTexts();
      assert.deepEqual(headers.map((text) => text.trim()), ['Zaak', 'Verdachte', 'Situatie', 'Rechtbank', 'Volgende zitting', 'Fase', 'In deze fase sinds', 'Status']);
      // Situations in Dutch words, no codes or English names.
      const situations = await page.locator('main tbody tr td:nth-child(3)').allInnerTexts();
      assert.ok(situations.some((text) => text === 'Syrië'), situations.slice(0, 10).join(', '));
      assert.ok(!situations.some((text) => /^[A-Z]{3}$|^Syria$/.test(text)), situations.join(', '));

      // Sorted by case number, ascending; the header says so; a click turns the order.
      const caseHeader = page.getByRole('columnheader', { name: 'Zaak' });
      assert.equal(await caseHeader.getAttribute('aria-sort'), 'ascending');
      const ascending = await caseIds(page);
      assert.equal(ascending.length, 25);
      assert.deepEqual(ascending, [...ascending].sort(byNumber));
      await caseHeader.getByRole('button').click();
      await page.waitForURL(/order=desc/);
      await settled(page);
      await page.getByRole('columnheader', { name: 'Zaak', exact: true }).and(page.locator('[aria-sort="descending"]')).waitFor();
      await rowsChangedFrom(page, ascending[0]!);
      const descending = await caseIds(page);
      assert.deepEqual(descending, [...descending].sort(byNumber).reverse());
      assert.ok(byNumber(descending[0]!, ascending.at(-1)!) > 0, `${descending[0]} comes after ${ascending.at(-1)}`);

      // The next page continues after the last row (cursor), the previous page comes back.
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.getByText(/^Pagina 2:/).waitFor();
      await rowsChangedFrom(page, descending[0]!);
      const second = await caseIds(page);
      assert.ok(second.length > 0 && byNumber(second[0]!, descending.at(-1)!) < 0, `${second[0]} after ${descending.at(-1)}`);
      await page.getByRole('button', { name: 'Vorige' }).click();
      await page.getByText(/^Pagina 1:/).waitFor();
      await rowsChangedFrom(page, second[0]!);
      assert.deepEqual(await caseIds(page), descending);

      // Search: the server narrows the whole list, not the page — a name no case names finds nothing, and a suspect's
      // name finds their case (the demo's names recur, as victims too, so the count says little).
      const suspect = (await page.locator('main tbody tr td:nth-child(2)').first().innerText()).trim();
      // An answer received is not yet one shown, and the rows before stay until it is: wait for what only it shows.
      const searchFor = async (text: string, shown: () => Promise<void>) => {
        const answered = page.waitForResponse((response) => response.url().includes('/api/cases?') && new URL(response.url()).searchParams.get('q') === text);
        await page.getByRole('searchbox', { name: 'Zoek op zaaknummer of naam' }).fill(text);
        await page.getByRole('button', { name: 'Zoek', exact: true }).click();
        await answered;
        await shown();
        await settled(page);
        return page.locator('main tbody tr td:nth-child(2)').allInnerTexts();
      };
      assert.deepEqual(await searchFor('Niemand Bestaat-Zo', () => page.locator('main tbody td', { hasText: 'Geen zaken.' }).waitFor()), [], 'no case names this person');
      const found = await searchFor(suspect, () => page.locator('main tbody tr td:nth-child(2)', { hasText: suspect }).first().waitFor());
      assert.ok(found.includes(suspect), `${suspect} not in ${found.join(', ')}`);
      await axeClean(page);

      // CSV of exactly what is shown: the headers, then each row's cells as on the page, semicolon-separated.
      const shown = await page.locator('main tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell as unknown as { innerText: string }).innerText.trim())));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteer wat getoond wordt (CSV)' }).click()]);
      assert.equal(download.suggestedFilename(), 'strafzaken.csv');
      const csv = await readFile((await download.path())!, 'utf8');
      assert.ok(csv.startsWith('\uFEFF'), 'starts with a byte order mark');
      const lines = csv.slice(1).trim().split('\r\n');
      assert.equal(lines[0], 'Zaak;Verdachte;Situatie;Rechtbank;Volgende zitting;Fase;In deze fase sinds;Status');
      assert.equal(lines.length - 1, shown.length);
      assert.equal(lines[1], shown[0]!.map((cell) => (/[;"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';'));
    } finally {
      await context.close();
    }
  });

  it('the header search offers a case by its number, and opens it', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.getByRole('search').getByLabel('Zoek persoon of zaak').fill('SZ-2016-001');
      await page.getByRole('search').getByRole('button', { name: 'Zoeken' }).click();
      await settled(page);
      const open = page.getByRole('link', { name: 'Open zaak SZ-2016-001 (strafzaak)' });
      await open.waitFor();
      assert.equal(await page.getByText(/Open persoon SZ-2016-001/).count(), 0);
      await axeClean(page);
      await open.click();
      await page.waitForURL(/\/cases\/criminal\/SZ-2016-001$/);
      await page.locator('[data-testid="current-phase"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a phone (390×844) the IND decisions are cards, every column reachable without scrolling sideways', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'ind-1f');
      await settled(page);
      const list = page.locator('main section[data-layout="cards"]', { has: page.locator('dt', { hasText: 'Terugkeerbesluit' }) }).first();
      const card = list.locator('li').first();
      await card.waitFor();
      const labels = (await card.locator('dt').allInnerTexts()).map((text) => text.trim());
      assert.equal(labels.length, 9, labels.join(' | '));
      for (const value of await card.locator('dd').all()) {
        const box = await value.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
      }
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls ${overflow}px sideways`);
      await axeClean(page);
    } finally {
      await context.close();
    }
  });
});

/**
 * Two gaps of issue 17 in Chromium. The screening hits list like the other lists: paged by the server's cursor, sorted
 * by a column, narrowed by status and searched by name — each time the rows themselves change. And a password the
 * administrator resets in the app is temporary: beheer.demo resets ministerie.demo's password, who signs in with it,
 * is shown only the change-password page, chooses a new one and then reaches the inbox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadDemoWatchlist } from '../../src/demo/demo-watchlist.js';
import { reviewHit } from '../../src/screening/review-hit.js';
import { findHits } from '../../src/store/hits-store.js';
import { visiblePersons } from '../../src/store/visible-persons.js';
import { browserSkip, DEMO_USERS, NOW, settled, startWorld, type World } from './harness.js';

const TABLE = 'Overzicht van de treffers';

/** The hit numbers in the table's first column, in the order shown. */
function shownIds(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: TABLE }).locator('tbody tr td:first-child').allInnerTexts();
}

/** The page's document, as far as these tests read it (this file is compiled without the DOM's types). */
type Doc = { querySelector(selector: string): { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } | null };

/** Waits until the table's rows are other than `before` (and not empty, unless `empty`): the rows themselves, in the page. */
async function rowsChange(page: Page, before: readonly string[], empty = false): Promise<string[]> {
  await page.waitForFunction(({ caption, previous, allowEmpty }) => {
    const region = (globalThis as unknown as { document: Doc }).document.querySelector(`[role="region"][aria-label="${caption}"]`);
    if (!region) return false;
    const texts = Array.from(region.querySelectorAll('tbody tr td:first-child')).map((cell) => (cell.textContent ?? '').trim());
    const links = region.querySelectorAll('tbody tr td:first-child a').length;
    return (allowEmpty || links > 0) && texts.join(',') !== previous;
  }, { caption: TABLE, previous: before.join(','), allowEmpty: empty });
  return shownIds(page);
}

/** Waits until every row of the table names this person. */
async function onlyPerson(page: Page, name: string): Promise<void> {
  await page.waitForFunction(({ caption, person }) => {
    const region = (globalThis as unknown as { document: Doc }).document.querySelector(`[role="region"][aria-label="${caption}"]`);
    const texts = region ? Array.from(region.querySelectorAll('tbody tr td:nth-child(2)')).map((cell) => (cell.textContent ?? '').trim()) : [];
    return texts.length > 0 && texts.every((text) => text === person);
  }, { caption: TABLE, person: name });
}

describe('the hits list and the forced password change in the browser', { skip: browserSkip }, () => {
  let world: World;
  let confirmedId: number;
  before(async () => {
    world = await startWorld();
    await loadDemoWatchlist(world.store.db, () => NOW);
    // The IND's unit 1F sees nearly all the demo's hits (persons in 1F files and departure dossiers); one is confirmed.
    const hits = await findHits(world.store.db, { source: 'watchlist' });
    const seen = await visiblePersons(world.store.db, hits.map((candidate) => candidate.personId), ['exclusion', 'departure']);
    const hit = hits.find((candidate) => seen.has(candidate.personId));
    const confirmed = await reviewHit(world.store.db, { hitId: hit!.id, decision: 'confirmed', reason: 'e2e: zelfde paspoort (fictief)', by: 'e2e', now: () => NOW });
    confirmedId = confirmed.hit.id;
  });
  after(async () => { await world?.close(); });

  it('pages, sorts, narrows and searches the hits, the rows changing each time', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ind-1f');
      await page.goto('/screening?status=all&size=2');
      await page.getByRole('heading', { level: 1, name: 'Screening: treffers beoordelen' }).waitFor();
      const first = await rowsChange(page, []);
      assert.equal(first.length, 2);
      await settled(page);

      // The next page: two other hits; and back.
      await page.getByRole('navigation', { name: /Overzicht van de treffers/ }).getByRole('button', { name: 'Volgende' }).click();
      const second = await rowsChange(page, first);
      assert.ok(second.length > 0 && second.every((id) => !first.includes(id)), `page 2 ${second} repeats page 1 ${first}`);
      await page.getByRole('navigation', { name: /Overzicht van de treffers/ }).getByRole('button', { name: 'Vorige' }).click();
      assert.deepEqual(await rowsChange(page, second), first);

      // Sorted by score: highest first by default; the header turns it round.
      const scores = async () => (await page.getByRole('region', { name: TABLE }).locator('tbody tr td:nth-child(5)').allInnerTexts()).map((text) => Number(text.replace(',', '.')));
      const descending = await scores();
      assert.ok(descending[0]! >= descending[1]!, `${descending}`);
      await page.getByRole('region', { name: TABLE }).getByRole('button', { name: 'Score' }).click();
      await rowsChange(page, first);
      const ascending = await scores();
      assert.ok(ascending[0]! <= ascending[1]!, `${ascending}`);
      assert.ok(ascending[0]! <= descending.at(-1)!, `the lowest first: ${ascending} after ${descending}`);

      // Narrowed by status: only the confirmed hit.
      const beforeFilter = await shownIds(page);
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Bevestigd' }).click();
      const confirmedRows = await rowsChange(page, beforeFilter);
      assert.deepEqual(confirmedRows, [String(confirmedId)]);
      assert.equal(await page.locator(`[data-testid="hit"][data-hit="${confirmedId}"][data-status="confirmed"]`).count(), 1);

      // Searched by name: all statuses again, then the name of one person narrows to that person's hits.
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Alle' }).click();
      const all = await rowsChange(page, confirmedRows);
      const person = (await page.getByRole('region', { name: TABLE }).locator('tbody tr td:nth-child(2)').first().innerText()).trim();
      const search = page.getByRole('search', { name: TABLE });
      await search.getByRole('searchbox', { name: 'Zoeken op naam' }).fill(person);
      await search.getByRole('button', { name: 'Zoek', exact: true }).click();
      await onlyPerson(page, person);
      const searched = await shownIds(page);
      assert.ok(searched.includes(all[0]!), `${searched} holds ${all[0]}`);
      const nobody = await shownIds(page);
      await search.getByRole('searchbox', { name: 'Zoeken op naam' }).fill('Niemand Heet Zo');
      await search.getByRole('button', { name: 'Zoek', exact: true }).click();
      await rowsChange(page, nobody, true);
      await page.getByRole('region', { name: TABLE }).getByText('Geen treffers met deze status.').waitFor();
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('beheer.demo resets a password; the user must choose a new one before reaching the inbox', async () => {
    const admin = await world.newPage();
    let temporary: string;
    try {
      await world.signIn(admin.page, 'admin');
      await admin.page.goto('/admin/accounts');
      await admin.page.locator('main h1', { hasText: 'Accounts' }).waitFor();
      await settled(admin.page);
      await admin.page.getByLabel('Zoek op naam of gebruikersnaam').fill(DEMO_USERS.ministry);
      const actions = admin.page.getByRole('group', { name: `Acties voor ${DEMO_USERS.ministry}` });
      await actions.getByRole('button', { name: 'Nieuw wachtwoord' }).click();
      await admin.page.getByRole('dialog').getByRole('button', { name: 'Nieuw wachtwoord' }).click();
      const shown = admin.page.getByRole('dialog', { name: `Eenmalig wachtwoord voor ${DEMO_USERS.ministry}` });
      await shown.waitFor();
      temporary = await shown.locator('#one-time-password').inputValue();
      assert.match(temporary, /^[A-Za-z2-9]{20}$/);
    } finally {
      await admin.context.close();
    }

    const { context, page } = await world.newPage();
    try {
      await page.goto('/login');
      await page.locator('#username').fill(DEMO_USERS.ministry);
      await page.locator('#password').fill(temporary);
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
      assert.equal(await page.locator('header nav').count(), 0, 'nothing but the change-password page');
      // Any address shows the same page, and the server refuses the session everything else.
      await page.goto('/inbox');
      await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
      const refused = await page.evaluate(async () => (await fetch('/api/inbox')).json() as Promise<{ code: string }>);
      assert.equal(refused.code, 'PASSWORD_CHANGE_REQUIRED');

      const form = page.getByRole('form', { name: 'Nieuw wachtwoord kiezen' });
      await form.getByLabel(/Huidig \(tijdelijk\) wachtwoord/).fill(temporary);
      await form.getByLabel(/^Nieuw wachtwoord/).first().fill(temporary);
      await form.getByLabel(/Nieuw wachtwoord herhalen/).fill(temporary);
      await form.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await form.getByText('Moet verschillen van het huidige wachtwoord.').waitFor();

      const chosen = 'mijn-eigen-wachtwoord-2026';
      await form.getByLabel(/^Nieuw wachtwoord/).first().fill(chosen);
      await form.getByLabel(/Nieuw wachtwoord herhalen/).fill(chosen);
      const answer = page.waitForResponse((response) => response.url().endsWith('/api/session/password'));
      await form.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      assert.equal((await answer).status(), 200);
      // The app itself now: the inbox with its navigation and its own answer from the server.
      const inbox = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/inbox' && response.status() === 200);
      await page.locator('header nav').waitFor();
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Werkbak' }).click();
      await inbox;
      await page.locator('main h1', { hasText: 'Werkbak' }).waitFor();
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });
});

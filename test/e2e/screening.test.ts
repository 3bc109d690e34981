/**
 * Browser tests of person search and screening on the demo registry. The header search uses the screening matcher:
 * "Mohamed al Hasan" finds the demo person registered as "Mohamad al-Hassan" / "محمد الحسن" (no name contains the
 * typed text), with a score and the explanation. The police screen that person against a watchlist from the person
 * page, review the hit on the screening page (a reason is required; the hit leaves the review list) and see its
 * status change there and on the person page. The IND screens its 1F investigations as a group against two lists and
 * narrows the hits to one list. Cross-references follow hit/no-hit: two persons added here, one in an IND 1F file
 * and one in a DT&V departure dossier, resemble the police's suspect; the police learn only that a possible match
 * exists elsewhere, the IND (which reads departure dossiers) sees the DT&V person, and still nothing of the police's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { importEvents } from '../../src/import/import-events.js';
import { textSource } from '../../src/import/sources.js';
import { loadPolicy } from '../../src/policy/policy.js';
import { crossReferenceRegistry } from '../../src/screening/cross-reference-registry.js';
import { importWatchlist } from '../../src/screening/import-watchlist.js';
import { EventFactory, jsonl } from '../../src/testing/event-factory.js';
import { browserSkip, NOW, settled, startWorld, type World } from './harness.js';

/** A demo person the police see (the suspect of criminal/SZ-2016-003): names "Mohamad al-Hassan" and "محمد الحسن", born 1968-10, SYR. */
const PERSON = 'P-00030';
const LIST_ENTRY = { id: 'E2E-0001', names: ['Muhammad Alhasan'], birthDates: ['1968'], nationalities: ['SYR'] };
const OTHER_ENTRY = { id: 'E2E-OTHER-1', names: ['Mohammed al-Hasan'], birthDates: ['1968'], nationalities: ['SYR'] };
/** Added for these tests: a person in an IND 1F investigation and one in a DT&V departure dossier, both resembling PERSON. */
const IND_PERSON = 'P-E2E-01';
const DTV_PERSON = 'P-E2E-02';

describe('person search and screening in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    await importWatchlist(world.store.db, [{ name: 'e2e-list.jsonl', bytes: Buffer.from(`${JSON.stringify(LIST_ENTRY)}\n`) }], { name: 'e2e-list', now: () => NOW });
    await importWatchlist(world.store.db, [{ name: 'e2e-other.jsonl', bytes: Buffer.from(`${JSON.stringify(OTHER_ENTRY)}\n`) }], { name: 'e2e-other', now: () => NOW });
    const f = new EventFactory('e2e-screening');
    await importEvents(world.store.db, [textSource('e2e-persons.jsonl', jsonl([
      f.event(`person/${IND_PERSON}`, 'person.registered', '2026-11-02', { names: ['Muhammad Alhasan'], birthDate: '1968', nationalities: ['SYR'] }),
      f.event(`person/${DTV_PERSON}`, 'person.registered', '2026-11-02', { names: ['Mohammed al-Hasan'], birthDate: '1968-10', nationalities: ['SYR'] }),
      f.event('exclusion/IF-E2E-01', 'exclusion.opened', '2026-11-03', { person: IND_PERSON }),
      f.event('departure/VT-E2E-01', 'departure.opened', '2026-11-03', { person: DTV_PERSON }),
    ]))], { now: () => NOW });
    await crossReferenceRegistry(world.store.db, { policy: loadPolicy(), by: 'e2e', now: () => NOW });
  });
  after(async () => { await world?.close(); });

  it('the header search finds a person by a transliterated spelling, with the score and why', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      const search = page.getByRole('search');
      await search.getByLabel('Zoek persoon of zaak').fill('Mohamed al Hasan');
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
      assert.match(await found.getByTestId('match-nationality').innerText(), /komt overeen.*Syrië/);

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

  it('the IND screens its 1F investigations as a group against a list, sees the summary, and narrows the hits to one list', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ind-1f');
      await page.goto('/screening');
      await page.getByRole('heading', { level: 1, name: 'Screening: treffers beoordelen' }).waitFor();
      await settled(page);
      assert.match(await page.getByTestId('screening-help').innerText(), /signaal voor een mens, nooit een beslissing/);
      const form = page.getByRole('region', { name: 'Een groep screenen' });
      const screenGroup = async (list: string, phase?: string) => {
        await form.getByRole('combobox', { name: 'Lijst' }).click();
        await page.getByRole('option', { name: new RegExp(`^${list} \\(versie 1`) }).click();
        await form.getByRole('combobox', { name: 'Soort zaak' }).click();
        await page.getByRole('option', { name: '1F-onderzoeken' }).click();
        if (phase) {
          await form.getByRole('combobox', { name: 'Fase' }).click();
          await page.getByRole('option', { name: phase, exact: true }).click();
        }
        await form.getByRole('button', { name: 'Groep screenen' }).click();
        const summary = form.getByRole('status').filter({ hasText: `gescreend tegen ${list} (versie 1)` });
        await summary.waitFor();
        return summary.innerText();
      };

      const summary = await screenGroup('e2e-list');
      assert.match(summary, /^1F-onderzoeken gescreend tegen e2e-list \(versie 1\): [1-9]\d* personen in de groep, [1-9]\d* gescreend, \d+ ongewijzigd; [1-9]\d* treffer\(s\) gevonden, [1-9]\d* nieuw ter beoordeling/);
      // the list reloads with the hit the run raised
      await page.locator('[data-testid="hit"][data-list="e2e-list"]', { hasText: IND_PERSON }).waitFor();
      const inPhase = await screenGroup('e2e-other', 'Open');
      assert.match(inPhase, /^1F-onderzoeken in fase Open gescreend tegen e2e-other \(versie 1\): [1-9]\d* personen in de groep/);
      await page.locator('[data-testid="hit"][data-list="e2e-other"]', { hasText: IND_PERSON }).waitFor();
      await settled(page);
      const all = await page.locator('[data-testid="hit"]').count();

      // the list filter: only the hits on e2e-other, kept in the URL
      await page.getByRole('combobox', { name: 'Treffers op lijst' }).click();
      await page.getByRole('option', { name: 'e2e-other', exact: true }).click();
      await page.waitForURL(/[?&]list=e2e-other/);
      await page.locator('[data-testid="hit"][data-list="e2e-list"]').first().waitFor({ state: 'detached' });
      await settled(page);
      const lists = await page.locator('[data-testid="hit"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-list')));
      assert.ok(lists.length > 0 && lists.length < all, `${lists.length} of ${all}`);
      assert.deepEqual([...new Set(lists)], ['e2e-other']);
      await page.reload();
      await page.locator('[data-testid="hit"][data-list="e2e-other"]').first().waitFor();
      await settled(page);
      assert.equal(await page.locator('[data-testid="hit"][data-list="e2e-list"]').count(), 0);
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it("cross-references: the police learn only that a possible match exists in another partner's files, nothing of who", async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.goto(`/persons/${PERSON}`);
      await page.locator('[data-testid="person-names"]').waitFor();
      const section = page.getByRole('region', { name: 'Kruisverwijzingen' });
      await section.getByTestId('match-elsewhere').waitFor();
      await settled(page);
      assert.match(await section.getByTestId('match-elsewhere').innerText(), /mogelijke overeenkomst in de bestanden van een andere partner.+wettelijke grondslag/);
      assert.equal(await section.locator('[data-testid="cross-reference"]').count(), 0);
      const text = await page.locator('main').innerText();
      for (const secret of [IND_PERSON, DTV_PERSON, 'IF-E2E-01', 'VT-E2E-01']) assert.ok(!text.includes(secret), `shows ${secret}`);
      // (the list entry "Muhammad Alhasan" is on the page, in the person's watchlist hit: the other persons' names are not in the section)
      const shown = await section.innerText();
      for (const secret of ['Muhammad Alhasan', 'Mohammed al-Hasan', 'Score', 'Overeenkomst']) assert.ok(!shown.includes(secret), `shows ${secret}`);
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('cross-references: the IND sees the DT&V person it may read, with the score and why, and reviews the pair; of the police suspect only the notice', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ind-1f');
      await page.goto(`/persons/${IND_PERSON}`);
      await page.locator('[data-testid="person-names"]').waitFor();
      const section = page.getByRole('region', { name: 'Kruisverwijzingen' });
      const match = section.locator('[data-testid="cross-reference"]', { hasText: DTV_PERSON });
      await match.waitFor();
      await settled(page);
      assert.equal(await match.getAttribute('data-status'), 'open');
      const card = await match.innerText();
      assert.match(card, new RegExp(`Mohammed al-Hasan \\(${DTV_PERSON}\\)`));
      assert.match(await match.getByTestId('hit-score').innerText(), /Score: (0,\d\d|1,00)/);
      await match.getByTestId('match-details').waitFor();
      assert.ok(await section.getByTestId('match-elsewhere').isVisible(), 'the police suspect: a notice');
      const text = await page.locator('main').innerText();
      for (const secret of [PERSON, 'Mohamad al-Hassan', 'محمد الحسن']) assert.ok(!text.includes(secret), `shows ${secret}`);

      const hitId = (await match.getAttribute('data-hit'))!;
      await match.getByRole('button', { name: `Onzeker: treffer ${hitId}` }).click();
      const dialog = page.getByRole('dialog', { name: `Treffer ${hitId} als onzeker markeren` });
      assert.match(await dialog.innerText(), new RegExp(`tegenover persoon Mohammed al-Hasan \\(${DTV_PERSON}\\) in de bestanden van een andere partner`));
      await dialog.getByRole('textbox', { name: /Reden/ }).fill('Geboortejaar gelijk; paspoort nog niet vergeleken');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await section.getByRole('status').filter({ hasText: `Treffer ${hitId} is als onzeker gemarkeerd.` }).waitFor();
      await section.locator(`[data-testid="cross-reference"][data-hit="${hitId}"][data-status="unsure"]`).waitFor();
      assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
    } finally {
      await context.close();
    }
  });
});

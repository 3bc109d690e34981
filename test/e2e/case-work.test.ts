/**
 * Browser tests that change the registry: a prosecutor adds an event (the form checks as the user types; the
 * timeline, the phase and the yearly report change), a refused retraction shows the server's reason, a retraction
 * needs a reason and takes the event back, victim support records that a victim was informed, the ministry
 * publishes the report and compares it with the publication, and a refused read shows why.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

/** The report's figures for a year as the report page shows them, keyed `table.row.year`. */
async function reportFigures(page: Page, year: number): Promise<Record<string, string>> {
  await page.goto('/report');
  await page.getByRole('combobox', { name: 'Rapportagejaar' }).click();
  await page.getByRole('option', { name: String(year), exact: true }).click();
  await page.getByRole('button', { name: 'Toon' }).click();
  await page.locator(`[data-figure="criminal-investigations.total.${year}"]`).waitFor();
  await settled(page);
  const cells = await page.locator('[data-figure]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-figure')!, node.textContent ?? '']));
  return Object.fromEntries(cells);
}

describe('case work in the browser', { skip: browserSkip }, () => {
  let world: World;
  let caseId: string;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('the prosecutor adds an event: the form checks as the user types, the timeline, phase and report change', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      const before = await reportFigures(page, 2026);

      await page.goto('/cases?kind=criminal&phase=investigation');
      // The first column holds the case link (the second the suspect's).
      const first = page.locator('main tbody tr').first().locator('td').first().getByRole('link');
      caseId = await first.innerText();
      await first.click();
      await page.locator('[data-testid="current-phase"]').waitFor();
      await settled(page);
      assert.equal(await page.locator('[data-testid="current-phase"]').innerText(), 'Onderzoeksfase');

      // The form opens from the top of the page. Only the events the state machine allows now are offered: an
      // investigation cannot have a judgment yet.
      await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /Soort gebeurtenis/ }).click();
      const offered = await page.getByRole('option').allInnerTexts();
      assert.ok(offered.includes('Gedagvaard'), offered.join(', '));
      assert.ok(!offered.includes('Uitspraak') && !offered.includes('Hoger beroep ingesteld'), offered.join(', '));
      await page.getByRole('option', { name: 'Gedagvaard' }).click();

      // Checked as the user types: a date after today is refused before anything is sent.
      const date = page.getByLabel(/Juridische datum/);
      await date.fill('2027-01-15');
      await page.getByText('Een gebeurtenis kan niet na vandaag (2026-11-28) plaatsvinden.').waitFor();
      await date.fill('2026-11-28');
      // The court is picked from the controlled vocabulary (migration 037); a required field left empty is named.
      await page.getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByText('Verplicht veld.').waitFor();
      await page.getByRole('combobox', { name: /^Gerecht/ }).click();
      await page.getByRole('option', { name: 'Rechtbank Den Haag', exact: true }).click();
      await page.getByRole('button', { name: 'Toevoegen' }).click();

      await page.getByText('De gebeurtenis is toegevoegd.').waitFor();
      await page.locator('[data-testid="current-phase"]', { hasText: /^Eerste aanleg$/ }).waitFor();
      const lastRow = await page.locator('main table').first().locator('tbody tr').last().innerText();
      assert.match(lastRow, /28 november 2026/);
      assert.match(lastRow, /Gedagvaard/);
      assert.match(lastRow, /Rechtbank Den Haag/);

      const after = await reportFigures(page, 2026);
      assert.equal(Number(after['criminal-investigations.investigation.2026']), Number(before['criminal-investigations.investigation.2026']) - 1);
      assert.equal(Number(after['criminal-investigations.first-instance.2026']), Number(before['criminal-investigations.first-instance.2026']) + 1);
      assert.equal(after['criminal-investigations.total.2025'], before['criminal-investigations.total.2025'], 'last year stays as it was');
    } finally {
      await context.close();
    }
  });

  it('a refused retraction shows the reason; a retraction needs a reason and takes the event back', async () => {
    assert.ok(caseId, 'the previous test chose a case');
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto(`/cases/criminal/${caseId}`);
      await page.locator('[data-testid="current-phase"]').waitFor();
      await settled(page);

      // Retracting the opening event would leave a stream that does not start with criminal.opened: refused.
      await page.getByRole('button', { name: /^Acties voor Strafzaak geopend/ }).click();
      await page.getByRole('menuitem', { name: 'Intrekken…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Intrekken' }).click();
      await dialog.getByText('Verplicht veld.').waitFor();
      await dialog.getByLabel(/Reden van intrekking/).fill('ingevoerd in het verkeerde dossier');
      await dialog.getByRole('button', { name: 'Intrekken' }).click();
      const refusal = dialog.getByRole('alert');
      await refusal.waitFor();
      const reason = await refusal.innerText();
      assert.match(reason, /Reden:/);
      assert.match(reason, /criminal\.opened|cannot come first|first event/i, reason);
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      assert.match(await page.locator(':focus').getAttribute('aria-label') ?? '', /^Acties voor Strafzaak geopend/, 'focus went back to the row menu');

      // The indictment added before can be taken back: the case returns to the investigation phase.
      await page.getByRole('button', { name: /^Acties voor Gedagvaard/ }).click();
      await page.getByRole('menuitem', { name: 'Intrekken…' }).click();
      await page.getByRole('dialog').getByLabel(/Reden van intrekking/).fill('dagvaarding nog niet betekend');
      await page.getByRole('dialog').getByRole('button', { name: 'Intrekken' }).click();
      await page.getByText('De gebeurtenis is ingetrokken.').waitFor();
      await page.locator('[data-testid="current-phase"]', { hasText: /^Onderzoeksfase$/ }).waitFor();
      await page.getByText(/Ingetrokken op .*: dagvaarding nog niet betekend/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('victim support records that a victim was informed', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.goto('/victims?overdue=1');
      await settled(page);
      const button = page.getByRole('button', { name: /^Geïnformeerd vastleggen:/ }).first();
      await button.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: /^Periodieke update/ }).check();
      await dialog.getByLabel(/Waarover is het slachtoffer geïnformeerd/).fill('e2e: voortgang van het onderzoek besproken');
      await dialog.getByRole('combobox', { name: /Kanaal/ }).click();
      await page.getByRole('option', { name: 'Telefoon', exact: true }).click();
      await dialog.getByRole('button', { name: 'Geïnformeerd vastleggen' }).click();
      await page.getByText('Vastgelegd.').waitFor();
      await page.getByRole('checkbox', { name: /Alleen slachtoffers/ }).click();
      await page.getByText('28 november 2026: e2e: voortgang van het onderzoek besproken').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the ministry publishes the report, compares it with the publication, and cannot publish twice', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ministry');
      await page.goto('/report');
      await page.locator('[data-testid="report-view"]').waitFor();
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Publiceren' }).click();
      await page.getByText(/^Gepubliceerd op/).waitFor();
      await page.getByRole('button', { name: 'Vergelijk met publicatie' }).click();
      await page.locator('[data-testid="report-diff"]').getByText('Geen cijfers veranderd sinds de publicatie.').waitFor();
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Publiceren' }).click();
      const refusal = page.locator('[data-testid="problem"]');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /nooit vervangen/);
    } finally {
      await context.close();
    }
  });

  it('a read the policy refuses shows the reason and what would allow it', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.goto('/cases/exclusion/IF-2024-012');
      const refusal = page.locator('[data-testid="problem"]').first();
      await refusal.waitFor();
      const text = await refusal.innerText();
      assert.match(text, /Niet toegestaan/);
      assert.match(text, /Geweigerd: 1F-onderzoek IF-2024-012 bestaat niet/);
    } finally {
      await context.close();
    }
  });
});

/**
 * Recording what a case rests on in the browser (README, "What each case rests on", "Witnesses"; issue 13): the
 * prosecutor links an evidence item to an unsupported element and the proof matrix shows it proven; lead-only
 * conditions make it not count; conditions with consent and the consent given make it count again; a second link
 * to the same element is refused by the server, in words. The police register a witness and record a protective
 * measure; the prosecutor is offered no measure (the write policy gives it to the police only). Dialogs return focus
 * to their opener and Enter in a date field does not submit; axe-clean at 1366 px and 390 px.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

/** A demo case whose offence is torture; its element "intent" has no evidence (src/demo/proof-links.ts). */
const CASE = 'SZ-2023-003';
const ITEM = 'BW-003';
const INTENT = 'torture.official.intent';
const shots = process.env.IMKETEN_SCREENSHOTS;

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

async function matrixStatus(page: Page, element: string): Promise<string | null> {
  await page.goto(`/cases/criminal/${CASE}/proof`);
  await page.getByTestId('proof-summary').waitFor();
  await settled(page);
  return page.getByTestId(`element-${element}`).getAttribute('data-status');
}

async function openEvidence(page: Page): Promise<Locator> {
  await page.goto(`/evidence/${ITEM}`);
  const record = page.getByTestId('evidence-record');
  await record.getByRole('button', { name: 'Voorwaarden vastleggen' }).waitFor();
  await settled(page);
  return record;
}

async function choose(page: Page, dialog: Locator, field: RegExp, option: string | RegExp): Promise<void> {
  await dialog.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function setConditions(page: Page, conditions: string): Promise<void> {
  const record = await openEvidence(page);
  await record.getByRole('button', { name: 'Voorwaarden vastleggen' }).click();
  const dialog = page.getByTestId('conditions-dialog');
  await choose(page, dialog, /^Voorwaarden/, conditions);
  await dialog.getByRole('textbox', { name: /Verstrekker/ }).fill('Fictieve getuigenorganisatie');
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Vastgelegd.' }).waitFor();
}

describe('recording links, conditions, consent and witnesses in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('the prosecutor links an item to an unsupported element, and conditions and consent decide whether it counts', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      assert.equal(await matrixStatus(page, INTENT), 'unsupported');

      const record = await openEvidence(page);
      const opener = record.getByRole('button', { name: 'Koppelen aan bestanddeel' });
      await opener.click();
      const dialog = page.getByTestId('element-link-dialog');
      await dialog.getByRole('combobox', { name: /^Bestanddeel/ }).waitFor();
      assert.deepEqual(await axeSerious(page), []);
      await choose(page, dialog, /^Bestanddeel/, /^Opzet op de gedraging/);
      await choose(page, dialog, /^Gewicht/, 'sterk');
      // Enter in the date field is no submit: the reasoning is still missing, and nothing says so yet
      await dialog.getByLabel(/^Datum/).press('Enter');
      assert.equal(await dialog.getByText('Verplicht veld.').count(), 0, 'Enter in the date field submitted the form');
      await dialog.getByRole('textbox', { name: /^Onderbouwing/ }).fill('De getuige beschrijft dat de verdachte wist wat er in de cel gebeurde.');
      if (shots) await page.screenshot({ path: `${shots}/record-link-dialog.png` });
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: 'Vastgelegd.' }).waitFor();
      assert.equal(await page.locator(':focus').getAttribute('id'), 'record-link', 'focus went back to the button that opened the dialog');
      await page.getByTestId('element-links').getByText(/Opzet op de gedraging/).waitFor();
      if (shots) await page.screenshot({ path: `${shots}/record-evidence-page.png`, fullPage: true });

      // the same link again: the server refuses, and the dialog says so in words
      await opener.click();
      const again = page.getByTestId('element-link-dialog');
      await choose(page, again, /^Bestanddeel/, /^Opzet op de gedraging/);
      await again.getByRole('textbox', { name: /^Onderbouwing/ }).fill('Nogmaals.');
      await again.getByRole('button', { name: 'Vastleggen' }).click();
      await again.getByTestId('problem').waitFor();
      assert.match(await again.getByTestId('problem').innerText(), /al gekoppeld|already linked/);
      await again.getByRole('button', { name: 'Annuleren' }).click();

      assert.equal(await matrixStatus(page, INTENT), 'proven');
      if (shots) await page.screenshot({ path: `${shots}/record-matrix-proven.png`, fullPage: true });

      await setConditions(page, 'alleen als aanwijzing');
      assert.equal(await matrixStatus(page, INTENT), 'lead-only', 'a lead does not prove an element');

      await setConditions(page, 'bewijs met toestemming');
      assert.notEqual(await matrixStatus(page, INTENT), 'proven', 'not without the consent');
      const withConsent = await openEvidence(page);
      await withConsent.getByRole('button', { name: 'Toestemming gegeven' }).click();
      const consent = page.getByTestId('consent-dialog');
      await consent.getByRole('button', { name: 'Vastleggen' }).click();
      await consent.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: 'Vastgelegd.' }).waitFor();
      assert.equal(await matrixStatus(page, INTENT), 'proven', 'consent given: it counts');
    } finally {
      await context.close();
    }
  });

  it('the police register a witness and record a protective measure; the prosecutor is offered no measure (390 px)', async () => {
    const police = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(police.page, 'police');
      await police.page.goto(`/cases/criminal/${CASE}`);
      await settled(police.page);
      await police.page.getByRole('button', { name: 'Getuige registreren' }).click();
      const dialog = police.page.getByTestId('register-witness-dialog');
      await dialog.getByRole('textbox', { name: /^Naam/ }).fill('Fictieve Getuige Één');
      assert.deepEqual(await axeSerious(police.page), []);
      if (shots) await police.page.screenshot({ path: `${shots}/record-witness-phone.png` });
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      const section = police.page.getByTestId('witness-section');
      await section.getByText('Fictieve Getuige Één').waitFor();
      await section.getByRole('button', { name: /^Beschermingsmaatregel: getuige/ }).click();
      const protection = police.page.getByTestId('protection-dialog');
      await choose(police.page, protection, /^Maatregel/, /^Bedreigde getuige/);
      await protection.getByRole('button', { name: 'Vastleggen' }).click();
      await protection.waitFor({ state: 'detached' });
      await section.getByText(/^Bedreigde getuige/).waitFor();
      assert.deepEqual(await axeSerious(police.page), []);
      const overflow = await police.page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      assert.equal(overflow, 0, 'nothing of the case page is off-screen on a phone');
    } finally {
      await police.context.close();
    }
    const prosecutor = await world.newPage();
    try {
      await world.signIn(prosecutor.page, 'prosecutor');
      await prosecutor.page.goto(`/cases/criminal/${CASE}`);
      await settled(prosecutor.page);
      const section = prosecutor.page.getByTestId('witness-section');
      await section.getByRole('button', { name: /^Beschikbaarheid: getuige/ }).waitFor();
      assert.equal(await section.getByRole('button', { name: /^Beschermingsmaatregel/ }).count(), 0, 'the prosecutor records no protective measure');
      assert.equal(await section.getByText('Fictieve Getuige Één').count(), 0, 'the protected witness is a pseudonym to the prosecutor');
      await section.getByRole('button', { name: /^Beschikbaarheid: getuige/ }).click();
      const availability = prosecutor.page.getByTestId('witness-availability-dialog');
      await choose(prosecutor.page, availability, /^Status/, 'Teruggekeerd naar land van herkomst');
      await availability.getByRole('button', { name: 'Vastleggen' }).click();
      await availability.waitFor({ state: 'detached' });
      await section.getByText('Teruggekeerd naar land van herkomst').waitFor();
    } finally {
      await prosecutor.context.close();
    }
  });

  it('a role that may not write here is offered no form, and the refusal is said in words', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ind-1f');
      await page.goto(`/evidence/${ITEM}`);
      await page.getByTestId('problem').waitFor();
      assert.match(await page.getByTestId('problem').innerText(), /Niet toegestaan/);
      assert.equal(await page.getByTestId('evidence-record').count(), 0, 'the IND does not read the evidence of a criminal case, so it gets no form');
    } finally {
      await context.close();
    }
  });
});

/**
 * Witnesses in the browser (README, "Witnesses"): on the case page of a demo case with a protected witness, the
 * police see who the witness is and the prosecutor only the pseudonym; the risk lists page with the country filter,
 * the police's potential witnesses; every page axe-clean, in Dutch, at 1366×768 and on a 390 px phone.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

const SHOTS = process.env.WITNESS_SHOTS;

describe('witnesses in the browser', { skip: browserSkip }, () => {
  let world: World;
  /** The demo's protected witness who returned to Syria: the case, the person, the pseudonym code. */
  let protectedWitness: { case: string; person: string; pseudonym: string };
  before(async () => {
    world = await startWorld();
    const [row] = await world.store.db.query<{ case: string; person: string; pseudonym: string }>(
      `SELECT data ->> 'criminalCase' AS case, data ->> 'person' AS person, data ->> 'pseudonym' AS pseudonym FROM events
       WHERE type = 'witness.registered' AND data ? 'person' AND data ? 'criminalCase'
         AND stream IN (SELECT stream FROM events WHERE type = 'witness.protection-set') ORDER BY stream LIMIT 1`,
    );
    assert.ok(row, 'the demo has a protected witness registered as a person');
    protectedWitness = row;
  });
  after(async () => { await world?.close(); });

  for (const [role, sees] of [['police', true], ['prosecutor', false]] as const) {
    it(`${role}: the case page's witness section ${sees ? 'names' : 'withholds'} the protected witness, at 1366 and 390 px`, async () => {
      for (const width of [1366, 390]) {
        const { context, page } = await world.newPage({ width, height: width === 390 ? 844 : 768 });
        try {
          await world.signIn(page, role);
          await page.goto(`/cases/criminal/${protectedWitness.case}`);
          const section = page.getByTestId('witness-section');
          await section.waitFor();
          await section.getByText(`getuige ${protectedWitness.pseudonym}`).first().waitFor();
          await settled(page);
          const text = await section.innerText();
          assert.equal(text.includes(protectedWitness.person), sees, `${role} sees ${protectedWitness.person}: ${text}`);
          if (!sees) assert.ok(await section.getByTestId('identity-withheld').count() > 0);
          const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
          assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width}`);
          assert.deepEqual(await axeSerious(page), []);
          if (SHOTS) await section.screenshot({ path: `${SHOTS}/witnesses-case-${role}-${width}.png` });
        } finally {
          await context.close();
        }
      }
    });
  }

  it('the risk lists: cases at risk by country, the potential witnesses for the police; the home page links there', async () => {
    for (const width of [1366, 390]) {
      const { context, page } = await world.newPage({ width, height: width === 390 ? 844 : 768 });
      try {
        await world.signIn(page, 'police');
        await page.getByTestId('witness-risk-card').getByRole('link', { name: 'Naar de lijst' }).click();
        await page.getByRole('heading', { name: 'Getuigen in gevaar', level: 1 }).waitFor();
        await page.getByRole('heading', { name: 'Mogelijke nieuwe getuigen' }).waitFor();
        await settled(page);
        const body = await page.locator('main').innerText();
        assert.match(body, new RegExp(protectedWitness.case));
        assert.match(body, /val van het regime-Assad/);
        await page.goto('/witnesses?country=IRQ');
        await page.getByText('Geen zaken met getuigen in gevaar.').waitFor();
        await page.goto('/witnesses?country=SYR');
        await page.getByText(protectedWitness.case).first().waitFor();
        await settled(page);
        const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width}`);
        assert.deepEqual(await axeSerious(page), []);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/witnesses-risk-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    }
  });
});

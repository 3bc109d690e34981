/**
 * Browser test of the task inbox (issue 17, README "Task inbox"): the inbox of each of the seven roles (the ministry,
 * the administrator and the auditor have no case work: a sensible empty state), overdue first with due dates in words
 * and no codes; assigning a task to a colleague, who then sees it as theirs; marking it done; a legal duty (R5)
 * marked done that stays open; the home page's card; the inbox at 390 px as cards. Each page checked with axe-core;
 * screenshots go to a temporary directory (its name is printed). The world is the demo as `imketen demo` loads it,
 * its watchlist screened too, on the demo's "today": each role with work has a plausible day of it (every kind
 * expected of the role, not dominated by one kind, overdue first).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/accounts/demo-accounts.js';
import { loadDemoCrossReferences } from '../../src/demo/demo-cross-references.js';
import { loadDemoWatchlist } from '../../src/demo/demo-watchlist.js';
import type { WaitingKind } from '../../src/operations/list-waiting-work.js';
import { browserSkip, NOW, settled, startWorld, type DemoRole, type World } from './harness.js';

/** Screenshots to look at (not the README's: `npm run screenshots` renews those, inbox pages included). */
const SHOTS = mkdtempSync(join(tmpdir(), 'imketen-inbox-shots-'));

async function axeClean(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  assert.deepEqual(serious.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`), []);
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('header nav').waitFor();
  await settled(page);
}

async function openInbox(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Werkbak' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkbak' }).waitFor();
  await settled(page);
}

describe('the task inbox in the browser (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    // as `imketen demo` does after the import (src/cli/commands/demo.ts): the demo watchlist screened, the registry cross-referenced
    await loadDemoWatchlist(world.store.db, () => new Date(NOW));
    await loadDemoCrossReferences(world.store.db, () => new Date(NOW));
    process.stdout.write(`# screenshots in ${SHOTS}\n`);
  });
  after(async () => { await world?.close(); });

  /**
   * What a working day holds for each role with work in the demo (README, "Task inbox"; src/demo): the kinds of
   * task expected, how many tasks in all, and the most one kind may take of them.
   */
  const withWork: [DemoRole, RegExp, WaitingKind[], [number, number], number][] = [
    ['police', /Slachtoffer .* informeren|Periodieke update/, ['victim-information', 'screening-hit'], [5, 30], 1],
    ['prosecutor', /Slachtoffer .* informeren|Periodieke update|Zitting voorbereiden/, ['victim-information', 'hearing', 'authorisation-expiring', 'screening-hit'], [10, 35], 0.6],
    ['ind-1f', /Artikel 3-belemmering herbeoordelen|Treffer op lijst|Kruisverwijzing beoordelen/, ['article3-reassessment', 'screening-hit', 'cross-reference'], [5, 30], 0.8],
    ['dtv', /Artikel 3-belemmering herbeoordelen|Treffer op lijst/, ['article3-reassessment', 'screening-hit'], [4, 30], 0.9],
  ];
  for (const [role, expected, kinds, [fewest, most], largestShare] of withWork) {
    it(`${role}: what waits, overdue first, due dates in words, no codes; every kind of its work, none taking over`, async () => {
      const { context, page } = await world.newPage({ height: 768 });
      try {
        await world.signIn(page, role);
        await page.getByRole('heading', { level: 2, name: 'Wat wacht' }).waitFor();
        await settled(page);
        if (role === 'prosecutor') await page.screenshot({ path: join(SHOTS, 'home-inbox-card.png') });
        const answer = await page.request.get('/api/inbox');
        assert.equal(answer.status(), 200);
        const { items } = await answer.json() as { items: { kind: WaitingKind; overdue: boolean; dueDate: string }[] };
        assert.ok(items.length >= fewest && items.length <= most, `${role} has ${items.length} tasks, expected ${fewest}–${most}`);
        const perKind = new Map<string, number>();
        for (const item of items) perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
        for (const kind of kinds) assert.ok((perKind.get(kind) ?? 0) > 0, `${role} has a task of kind ${kind}: ${JSON.stringify([...perKind])}`);
        for (const [kind, count] of perKind) assert.ok(count <= largestShare * items.length, `${kind} takes ${count} of ${role}'s ${items.length} tasks`);
        if (kinds.includes('article3-reassessment')) {
          assert.ok(perKind.get('article3-reassessment')! < 0.6 * items.length, `reassessments are ${perKind.get('article3-reassessment')} of ${items.length} tasks`);
        }
        assert.ok(items.some((item) => item.overdue) && items.some((item) => !item.overdue), `${role} has overdue tasks and tasks not yet due`);
        const firstOnTime = items.findIndex((item) => !item.overdue);
        assert.ok(items.slice(firstOnTime).every((item) => !item.overdue), 'overdue first');
        await openInbox(page);
        const cards = page.locator('main article');
        assert.ok(await cards.count() > 0, `${role} has work`);
        const texts = await cards.allInnerTexts();
        assert.match(texts.join('\n'), expected);
        // overdue first: once a card is not overdue, none after it is
        const overdue = await Promise.all((await cards.all()).map((card) => card.getByText('Te laat', { exact: true }).count()));
        assert.deepEqual(overdue, [...overdue].sort((a, b) => b - a), 'overdue first');
        assert.match(texts[0]!, /uiterlijk|al .* te laat/);
        assert.ok(texts.every((text) => /uiterlijk|te laat/.test(text)), 'every task says when it is due');
        const main = await page.locator('main').innerText();
        assert.ok(!/\b\d{4}-\d{2}-\d{2}\b|criminal\/|person\/|P-\d{4}|victim-information|screening-hit/.test(main), `no ISO dates, stream names or codes on ${role}'s inbox`);
        await axeClean(page);
        if (role === 'prosecutor') await page.screenshot({ path: join(SHOTS, 'inbox-prosecutor.png') });
      } finally {
        await context.close();
      }
    });
  }

  for (const role of ['ministry', 'admin', 'auditor'] as const) {
    it(`${role}: an empty inbox that says why`, async () => {
      const { context, page } = await world.newPage({ height: 768 });
      try {
        await world.signIn(page, role);
        await openInbox(page);
        await page.getByText('Uw rol heeft geen taken in zaken').waitFor();
        assert.equal(await page.locator('main article').count(), 0);
        await axeClean(page);
      } finally {
        await context.close();
      }
    });
  }

  it('the prosecutor assigns a hearing to a colleague, who sees it as theirs and marks it done; a victim duty marked done stays open', async () => {
    const first = await world.newPage({ height: 768 });
    const second = await world.newPage({ height: 768 });
    try {
      const page = first.page;
      await world.signIn(page, 'prosecutor');
      await openInbox(page);
      await page.getByRole('combobox', { name: 'Soort taak' }).click();
      await page.getByRole('option', { name: 'Zitting voorbereiden' }).click();
      const hearing = page.locator('main article').first();
      const text = (await hearing.locator('p').first().innerText()).trim();
      await hearing.getByRole('button', { name: 'Toewijzen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Aan collega' }).click();
      await page.getByRole('option', { name: 'Demo tweede officier van justitie' }).click();
      await axeClean(page);
      await dialog.getByRole('button', { name: 'Toewijzen' }).click();
      await page.getByText('Opgeslagen.').waitFor();
      await settled(page);
      await page.locator('main article', { hasText: text }).getByText('Toegewezen aan Demo tweede officier van justitie').waitFor();

      const colleague = second.page;
      await signInAs(colleague, 'om2.demo');
      await openInbox(colleague);
      await colleague.getByRole('switch', { name: 'Alleen aan mij toegewezen' }).check();
      // The whole inbox stays shown until the narrowed list arrives: wait for its count.
      await colleague.getByTestId('inbox-count').filter({ hasText: /^1 taak$/ }).waitFor();
      await settled(colleague);
      const mine = colleague.locator('main article');
      assert.equal(await mine.count(), 1);
      assert.equal((await mine.locator('p').first().innerText()).trim(), text);
      await mine.getByRole('button', { name: 'Afhandelen' }).click();
      await colleague.getByRole('dialog').getByLabel('Toelichting (niet verplicht)').fill('Zittingsdossier klaar');
      await colleague.getByRole('dialog').getByRole('button', { name: 'Bevestigen' }).click();
      await colleague.getByText('Opgeslagen.').waitFor();
      // "Opgeslagen." shows while the list reloads: wait for the empty list before counting.
      await colleague.getByText('Er wacht niets op u.').waitFor();
      await settled(colleague);
      assert.equal(await colleague.locator('main article').count(), 0, 'a hearing marked done leaves the list');

      await page.reload();
      await settled(page);
      assert.equal(await page.locator('main article', { hasText: text }).count(), 0, 'and leaves the colleague\'s inbox too: one organisation, one task');
      await page.getByRole('combobox', { name: 'Soort taak' }).click();
      await page.getByRole('option', { name: 'Slachtoffer informeren' }).click();

      const duty = page.locator('main article', { hasText: 'Wettelijke plicht' }).first();
      const dutyText = (await duty.locator('p').first().innerText()).trim();
      await duty.getByRole('button', { name: 'Afhandelen' }).click();
      await page.getByRole('dialog').getByText('Dit is een wettelijke plicht').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByText('Opgeslagen.').waitFor();
      await settled(page);
      const still = page.locator('main article', { hasText: dutyText }).first();
      await still.getByText(/de wettelijke plicht staat nog open/).waitFor();
      await still.getByRole('button', { name: 'Heropenen' }).waitFor();
      await axeClean(page);
      await still.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'inbox-done-still-open.png') });
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('at 390 px: cards within the screen, actions reachable; in English too', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'dtv');
      await page.goto('/inbox');
      await page.locator('main article').first().waitFor();
      await settled(page);
      const widths = await page.locator('main article').evaluateAll((cards) => cards.slice(0, 5).map((card) => card.getBoundingClientRect().right));
      assert.ok(widths.length > 0 && widths.every((right) => right <= 390), `cards fit: ${widths.join(', ')}`);
      const scroll = await page.locator('html').evaluate((html) => html.scrollWidth);
      assert.ok(scroll <= 390, `no horizontal scrolling (${scroll})`);
      await page.locator('main article').first().getByRole('button', { name: 'Afhandelen' }).waitFor();
      await axeClean(page);
      await page.screenshot({ path: join(SHOTS, 'inbox-phone.png') });
      await page.getByRole('button', { name: /Taal: English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
      await settled(page);
      assert.match(await page.locator('main article').first().innerText(), /Reassess the Article 3 barrier|Review the hit/);
      assert.match(await page.locator('main article').first().innerText(), /overdue for|due /);
    } finally {
      await context.close();
    }
  });
});

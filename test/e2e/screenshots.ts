/**
 * Takes the screenshots of the main pages shown in the README (docs/screenshots): `npm run screenshots`, or only
 * some of them by file name: `npm run screenshots -- admin-accounts.png watchlists.png`.
 * The demo as `imketen demo` loads it (registry, watchlist, cross-references), the demo accounts, Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemoCrossReferences } from '../../src/demo/demo-cross-references.js';
import { loadDemoWatchlist } from '../../src/demo/demo-watchlist.js';
import { importEvents } from '../../src/import/import-events.js';
import { textSource } from '../../src/import/sources.js';
import { browserSkip, NOW, settled, startWorld, type DemoRole } from './harness.js';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

interface Shot { file: string; role?: DemoRole; path?: string; wait?: string; width?: number; height?: number; english?: boolean; fullPage?: boolean; then?: (page: Page) => Promise<void> }

const SHOTS: Shot[] = [
  { file: 'login.png', width: 1366, height: 768 },
  { file: 'home-prosecutor.png', role: 'prosecutor' },
  { file: 'home-ind.png', role: 'ind-1f', fullPage: false },
  { file: 'home-dtv.png', role: 'dtv', fullPage: false },
  { file: 'case-page.png', role: 'prosecutor', path: '/cases/criminal/SZ-2023-001', wait: '[data-testid="current-phase"]',
    then: async (page) => {
      await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /Soort gebeurtenis/ }).click();
      await page.getByRole('option', { name: 'Uitspraak' }).click();
    } },
  { file: 'case-page-1f.png', role: 'ind-1f', path: '/cases/exclusion/IF-2024-012', wait: '[data-testid="current-phase"]' },
  { file: 'person-page-withheld.png', role: 'prosecutor', wait: '[data-testid="withheld"]' },
  { file: 'victims.png', role: 'police', path: '/victims?overdue=1', fullPage: false },
  { file: 'report.png', role: 'ministry', path: '/report', wait: '[data-testid="report-view"]' },
  { file: 'report-en.png', role: 'ministry', path: '/report', wait: '[data-testid="report-view"]', english: true, fullPage: false },
  { file: 'inbox-prosecutor.png', role: 'prosecutor', path: '/inbox', wait: 'main article', fullPage: false, height: 768 },
  { file: 'inbox-phone.png', role: 'dtv', path: '/inbox', wait: 'main article', fullPage: false, width: 390, height: 844 },
  { file: 'tablet-home-police.png', role: 'police', width: 768, height: 1024 },
  { file: 'admin-accounts.png', role: 'admin', path: '/admin/accounts', fullPage: false },
  { file: 'admin-tokens.png', role: 'admin', path: '/admin/tokens', fullPage: false,
    then: async (page) => {
      // One token issued (its secret shown once, then closed), one for a case-reading role waiting for approval.
      for (const [name, role] of [['rapportage-ministerie', 'Ministerie'], ['koppeling-politie', 'Politie (TIM)']]) {
        await page.getByLabel(/^Naam/).fill(name!);
        await page.getByRole('combobox', { name: /^Rol/ }).click();
        await page.getByRole('option', { name: role! }).click();
        await page.getByRole('button', { name: 'Uitgeven' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
        await page.locator(`[data-token="${name}"]`).waitFor();
      }
    } },
  { file: 'admin-vocabularies.png', role: 'admin', path: '/admin/vocabularies', fullPage: false },
  { file: 'watchlists.png', role: 'police', path: '/watchlists', fullPage: true,
    then: async (page) => {
      // Two versions of a fictional list, uploaded in the app, and what the second changed.
      const versions = [
        [{ id: 'F-1', names: ['Karel Voorbeeld'], birthDates: ['1970'], nationalities: ['NLD'], kind: 'person' }, { id: 'F-2', names: ['Stichting Proefwind'], kind: 'organization' }],
        [{ id: 'F-1', names: ['Karel Voorbeeld', 'Carel Voorbeelt'], birthDates: ['1970'], nationalities: ['NLD'], kind: 'person' }, { id: 'F-3', names: ['Anna Fictief'], birthDates: ['1981-04-02'], nationalities: ['BEL'], kind: 'person' }],
      ];
      for (const [index, entries] of versions.entries()) {
        await page.locator('#watchlist-name').fill('proeflijst-fictief');
        const content = entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n';
        await page.locator('#watchlist-files').setInputFiles({ name: `versie-${index + 1}.jsonl`, mimeType: 'application/jsonl', buffer: Buffer.from(content) });
        await page.getByRole('button', { name: 'Inlezen' }).click();
        await page.getByTestId('watchlist-imported').filter({ hasText: `versie ${index + 1}` }).waitFor();
        await settled(page);
      }
      const show = page.getByRole('button', { name: /proeflijst-fictief: .*versie 2 tonen/ });
      await show.click();
      await page.getByTestId('watchlist-changes').locator('table, [data-layout="cards"]').first().waitFor();
    } },
  { file: 'phone-accounts.png', role: 'admin', path: '/admin/accounts', width: 390, height: 844, fullPage: false },
  // The lists (README, "Lists"): screen, print, phone.
  { file: 'lists-case-list.png', role: 'prosecutor', path: '/cases', wait: 'main table tbody tr', fullPage: false, height: 768 },
  { file: 'lists-case-list-print.png', role: 'prosecutor', path: '/cases', wait: 'main table tbody tr', fullPage: false, height: 768,
    then: async (page) => { await page.emulateMedia({ media: 'print' }); } },
  { file: 'lists-phone-case-list.png', role: 'prosecutor', path: '/cases', wait: 'main [data-layout="cards"] li', width: 390, height: 844, fullPage: false },
  { file: 'lists-dtv-reassessment.png', role: 'dtv', fullPage: false,
    then: async (page) => {
      await page.getByRole('heading', { name: /^Herbeoordeling artikel 3-beletsels per nationaliteit/ }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    } },
  { file: 'lists-report-trends.png', role: 'ministry', fullPage: false },
  { file: 'lists-phone-ind-decisions.png', role: 'ind-1f', width: 390, height: 844, fullPage: false,
    then: async (page) => {
      const decisions = page.locator('main section[data-layout="cards"]', { has: page.locator('dt', { hasText: 'Terugkeerbesluit' }) }).first();
      await decisions.locator('li').first().scrollIntoViewIfNeeded();
    } },
  { file: 'phone-case-page.png', role: 'prosecutor', path: '/cases/criminal/SZ-2023-001', wait: '[data-testid="current-phase"]', width: 390, height: 844, fullPage: false },
  { file: 'case-page-departure-r7.png', role: 'dtv', path: '/cases/departure/DTV-2018-030', wait: '[data-testid="current-phase"]' },
  { file: 'proof-matrix.png', role: 'prosecutor', wait: '[data-testid="evidence-at-risk"]', fullPage: false,
    then: async (page) => {
      await page.getByTestId('evidence-at-risk').getByRole('link', { name: /^SZ-/ }).first().click();
      await page.getByTestId('proof-summary').waitFor();
      await settled(page);
    } },
  { file: 'screening-hits.png', role: 'ind-1f', path: '/screening', wait: 'main table tbody tr', fullPage: false },
  { file: 'phone-screening-hits.png', role: 'ind-1f', path: '/screening', wait: 'main [data-layout="cards"]', width: 390, height: 844, fullPage: false,
    then: async (page) => { await page.locator('main [data-layout="cards"]').first().scrollIntoViewIfNeeded(); } },
  { file: 'change-password.png', role: 'police', path: '/settings/password', wait: 'main form', fullPage: false, height: 768 },
  { file: 'tablet-case-page.png', role: 'prosecutor', path: '/cases/criminal/SZ-2023-001', wait: '[data-testid="current-phase"]', width: 768, height: 1024, fullPage: false },
];

if (browserSkip) {
  process.stderr.write(`${browserSkip}\n`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const world = await startWorld();
// The demo as `imketen demo` loads it: the demo watchlist screened, the registry cross-referenced.
await loadDemoWatchlist(world.store.db, () => new Date(NOW));
await loadDemoCrossReferences(world.store.db, () => new Date(NOW));
// A report intake naming a person with a 1F file, so that the person page shows what the policy withholds from
// the prosecution and how the investigating judge's authorisation (R3) would open it.
const [excluded] = await world.store.db.query<{ person: string }>(`SELECT data ->> 'person' AS person FROM events WHERE stream = 'exclusion/IF-2024-012' AND type = 'exclusion.opened'`);
await importEvents(world.store.db, [textSource('screenshots', JSON.stringify({
  id: 'shot-intake', stream: 'intake/ML-2026-900', type: 'intake.received', date: '2026-11-20', data: { from: 'IND (1F-signaal)', situation: 'Syria', subjects: [excluded!.person] },
}))], { now: () => NOW });
SHOTS.find((shot) => shot.file === 'person-page-withheld.png')!.path = `/persons/${excluded!.person}`;
const only = process.argv.slice(2);
try {
  for (const shot of SHOTS.filter((candidate) => only.length === 0 || only.includes(candidate.file))) {
    const { context, page } = await world.newPage({ width: shot.width, height: shot.height ?? 900 });
    if (shot.role) await world.signIn(page, shot.role); else await page.goto('/login');
    if (shot.english) await page.getByRole('button', { name: /Taal: English/ }).click();
    if (shot.path) await page.goto(shot.path);
    if (shot.wait) await page.locator(shot.wait).first().waitFor();
    await settled(page);
    await shot.then?.(page);
    await page.screenshot({ path: join(OUT, shot.file), fullPage: shot.fullPage ?? true });
    process.stdout.write(`${shot.file}\n`);
    await context.close();
  }
} finally {
  await world.close();
}

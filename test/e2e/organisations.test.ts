/**
 * Browser tests, read-only: each organisation signs in and sees its own home page and nothing more; Dutch by
 * default, English by the switch; the ministry cannot open a person page (R4) and is told why; the DOCX download
 * opens and holds the figures the page shows; and an axe-core check of every main page finds no serious
 * accessibility violation (WCAG 2.1 AA).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { browserSkip, settled, startWorld, type DemoRole, type World } from './harness.js';

interface Expected {
  title: string;
  nav: string[];
  search: boolean;
  sections: string[];
}

const EXPECTED: Record<DemoRole, Expected> = {
  police: { title: 'Startpagina politie (TIM)', nav: ['Start', 'Werkbak', 'Zaken', 'Slachtoffers', 'Screening', 'Rapportage'], search: true, sections: ['Strafzaken per fase', 'Komende zittingen', 'Strafzaken per situatie', 'Slachtoffers die informatie tegoed hebben (R5)'] },
  prosecutor: { title: 'Startpagina Openbaar Ministerie', nav: ['Start', 'Werkbak', 'Zaken', 'Slachtoffers', 'Screening', 'Rapportage'], search: true, sections: ['Strafzaken per fase', 'Komende zittingen', 'Strafzaken per situatie', 'Slachtoffers die informatie tegoed hebben (R5)'] },
  'ind-1f': { title: 'Startpagina IND Unit 1F', nav: ['Start', 'Werkbak', 'Zaken', 'Screening', 'Rapportage'], search: true, sections: ['1F-onderzoeken', '1F-besluiten in 2026 naar uitkomst', 'Besluiten in 2026 en hun gevolgen (R2)'] },
  dtv: { title: 'Startpagina DT&V', nav: ['Start', 'Werkbak', 'Zaken', 'Screening', 'Rapportage'], search: true, sections: ['Open vertrekdossiers', 'Vertrek in 2026 naar wijze', 'Herbeoordeling artikel 3-beletsels per nationaliteit (R7)'] },
  ministry: { title: 'Startpagina ministerie', nav: ['Start', 'Werkbak', 'Rapportage'], search: false, sections: ['Trends sinds 2014'] },
  admin: { title: 'Startpagina functioneel beheer', nav: ['Start', 'Werkbak'], search: false, sections: ['Verzoeken die op een tweede beheerder wachten', 'Accounts'] },
  auditor: { title: 'Startpagina privacytoezicht', nav: ['Start', 'Werkbak', 'Toegangslog'], search: false, sections: ['Toegangslog'] },
};

describe('each organisation in the browser', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  for (const [role, expected] of Object.entries(EXPECTED) as [DemoRole, Expected][]) {
    it(`${role}: signs in and lands on the home page of its organisation, and sees nothing more`, async () => {
      const { context, page } = await world.newPage();
      try {
        await world.signIn(page, role);
        await settled(page);
        assert.equal(await page.locator('main h1').innerText(), expected.title);
        assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
        const nav = await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link').allInnerTexts();
        assert.deepEqual(nav, expected.nav);
        assert.equal(await page.getByRole('search').count(), expected.search ? 1 : 0);
        const headings = await page.locator('main h2').allInnerTexts();
        assert.deepEqual(headings.filter((heading) => expected.sections.includes(heading)), expected.sections, `sections of ${role}: ${headings.join(' | ')}`);
        assert.equal(await page.locator('[data-testid="problem"]').count(), 0, 'no refused or failed request on the home page');
        if (!expected.search) assert.equal(await page.locator('main a[href^="/persons/"], main a[href^="/cases/"]').count(), 0, 'no person or case links');
      } finally {
        await context.close();
      }
    });
  }

  it('switches every label to English and back', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.getByRole('button', { name: /Taal: English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Public prosecutor home' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.deepEqual(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allInnerTexts(), ['Home', 'Cases', 'Victims', 'Screening', 'Report']);
      assert.ok(await page.getByRole('heading', { name: 'Criminal cases by phase' }).isVisible());
      await page.getByRole('button', { name: /Language: Nederlands/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Startpagina Openbaar Ministerie' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the ministry cannot open a person page, and is told why', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ministry');
      await page.goto('/persons/P-00001');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /Niet toegestaan/);
      assert.match(text, /Geweigerd: uw rol mag deze handeling niet uitvoeren \(Dossier ingezien\)/);
      assert.equal(await page.locator('[data-testid="person-names"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('the DOCX download opens and holds the figures the report page shows', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'ministry');
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Rapportage' }).click();
      await page.locator('[data-testid="report-view"]').waitFor();
      const shown = await page.locator('[data-figure]').evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-figure'), cell.textContent]));
      const figure = (key: string) => shown.find(([id]) => id === key)?.[1];
      assert.equal(figure('criminal-investigations.total.2024'), '16');
      assert.equal(figure('criminal-investigations.total.2025'), '18');
      assert.equal(figure('departures.total.2025'), '29');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download DOCX' }).click()]);
      assert.equal(download.suggestedFilename(), 'rapportage-2025.docx');
      // Every format downloads under the report's name, not the URL's last segment ("csv.csv").
      for (const format of ['CSV', 'JSON'] as const) {
        const [other] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download ${format}` }).click()]);
        assert.equal(other.suggestedFilename(), `rapportage-2025.${format.toLowerCase()}`);
      }
      const path = await download.path();
      const zip = await JSZip.loadAsync(await (await import('node:fs/promises')).readFile(path));
      const xml = await zip.file('word/document.xml')!.async('string');
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!);
      const rows = await page.locator('[data-testid="report-view"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      assert.ok(rows.length >= 20, 'the page shows the five tables');
      let from = 0;
      for (const [label, ...figures] of rows) {
        const at = texts.indexOf(label!, from);
        from = at + 1;
        assert.ok(at >= 0, `the document has the row '${label}'`);
        assert.deepEqual(texts.slice(at + 1, at + 1 + figures.length), figures, `the figures of '${label}'`);
      }
    } finally {
      await context.close();
    }
  });

  describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical violation', () => {
    const pages: { name: string; role?: DemoRole; path?: string; wait?: string }[] = [
      { name: 'sign-in page' },
      { name: 'police home', role: 'police' },
      { name: 'prosecutor home', role: 'prosecutor' },
      { name: 'IND home', role: 'ind-1f' },
      { name: 'DT&V home', role: 'dtv' },
      { name: 'ministry home', role: 'ministry' },
      { name: 'administrator home', role: 'admin' },
      { name: 'auditor home', role: 'auditor' },
      { name: 'access log', role: 'auditor', path: '/access-log' },
      { name: 'case list', role: 'prosecutor', path: '/cases?kind=criminal' },
      { name: 'case page', role: 'prosecutor', path: '/cases/criminal/SZ-2023-001', wait: '[data-testid="current-phase"]' },
      { name: '1F case page', role: 'ind-1f', path: '/cases/exclusion/IF-2024-012', wait: '[data-testid="current-phase"]' },
      { name: 'person page', role: 'prosecutor', path: '/persons/P-00001', wait: '[data-testid="person-names"]' },
      { name: 'search results', role: 'police', path: '/search?q=Hassan' },
      { name: 'screening page', role: 'police', path: '/screening' },
      { name: 'victims page', role: 'police', path: '/victims' },
      { name: 'report page', role: 'ministry', path: '/report', wait: '[data-testid="report-view"]' },
    ];
    for (const target of pages) {
      it(target.name, async () => {
        const { context, page } = await world.newPage();
        try {
          if (target.role) await world.signIn(page, target.role); else await page.goto('/login');
          if (target.path) await page.goto(target.path);
          if (target.wait) await page.locator(target.wait).first().waitFor();
          await settled(page);
          const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
          assert.deepEqual(serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`), []);
        } finally {
          await context.close();
        }
      });
    }
  });
});

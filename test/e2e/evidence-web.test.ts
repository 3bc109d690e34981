/**
 * The web side of the evidence register (README, "Evidence"), done as the police would in Chromium: drop a file on
 * the drop zone and watch its progress, capture a page of a local test server (never the internet) from the case's
 * evidence tab, see the capture's screenshot and PDF in the browser's own viewers, and download the court bundle,
 * which passes verify-bundle. In Dutch at 1366×768 and 390×844, and in English; axe-clean. The screenshots of the
 * README (docs/screenshots) are renewed here.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { verifyCourtBundle } from '../../src/court-bundle/index.js';
import { browserSkip, settled, startWorld, type World } from './harness.js';

const CASE = '/cases/criminal/SZ-2023-001';
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
/** The dropped file: made the same way here and in the page, 3 MB so that the upload reports progress. */
const DROPPED_SIZE = 3 * 1024 * 1024;
const dropped = () => Buffer.from(Uint8Array.from({ length: DROPPED_SIZE }, (_, i) => (i * 31 + 7) & 255));
const PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fictief bericht over een marktplein</title>
<style>body{font-family:sans-serif;margin:2em;background:#f4f1ea}h1{color:#803}</style></head><body>
<h1>Een fictief bericht</h1><p>Geplaatst door een fictief account; foto van een marktplein na de beschieting.</p></body></html>`;

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

async function registerItem(page: Page, title: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Bewijs registreren' });
  await form.getByRole('combobox', { name: /Soort/ }).click();
  await page.getByRole('option', { name: 'Document', exact: true }).click();
  await form.getByRole('textbox', { name: /Titel/ }).fill(title);
  await form.getByRole('combobox', { name: /^Bron/ }).click();
  await page.getByRole('option', { name: 'Open bron' }).click();
  await form.getByRole('combobox', { name: /Werkwijze/ }).click();
  await page.getByRole('option', { name: 'Download', exact: true }).click();
  await form.getByRole('button', { name: 'Registreren' }).click();
  await page.getByText('Het bewijsstuk is geregistreerd.').waitFor();
}

describe('the evidence tab and page in the browser: drop, capture, preview, bundle', { skip: browserSkip }, () => {
  let world: World;
  let pages: Server;
  let pageUrl = '';
  let capturePath = '';

  before(async () => {
    pages = createServer((request, response) => {
      if (request.url === '/bericht') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', () => resolve()));
    pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/bericht`;
    world = await startWorld({ capture: { allow: ['127.0.0.1'] } });
  });
  after(async () => {
    await world?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  it('the police drop a file on the drop zone and see its progress, then capture a local page from the case\'s tab (1366×768, Dutch)', async () => {
    const { context, page } = await world.newPage({ width: 1366, height: 768 });
    try {
      await world.signIn(page, 'police');
      await page.goto(CASE);
      await page.getByTestId('evidence-section').waitFor();
      await settled(page);
      await registerItem(page, 'Rapport (e2e, gesleept)');

      // Every value the progress bar shows is recorded as it changes.
      await page.evaluate(`(() => {
        const seen = [];
        window.seen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"][aria-valuenow]');
          if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
      })()`);
      const transfer = await page.evaluateHandle(`(() => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from({ length: ${DROPPED_SIZE} }, (_, i) => (i * 31 + 7) & 255)], 'gesleept.bin', { type: 'application/octet-stream' }));
        return data;
      })()`);
      await page.getByTestId('file-drop').dispatchEvent('dragover', { dataTransfer: transfer });
      await page.getByTestId('file-drop').dispatchEvent('drop', { dataTransfer: transfer });
      const sha256 = createHash('sha256').update(dropped()).digest('hex');
      await page.getByText(`gesleept.bin is opgeslagen (SHA-256 ${sha256.slice(0, 12)}).`).waitFor();
      const seen = await page.evaluate('window.seen') as number[];
      assert.ok(seen.length > 0, 'the progress bar was shown while the file was sent');
      assert.ok(seen.every((value) => value >= 0 && value <= 100), JSON.stringify(seen));

      const form = page.getByRole('region', { name: 'Webpagina vastleggen' });
      await form.getByRole('textbox', { name: 'Adres (URL) van de pagina' }).fill(pageUrl);
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByText('De pagina wordt vastgelegd').first().waitFor();
      const done = page.getByTestId('capture-done');
      await done.waitFor({ timeout: 120_000 });
      assert.match(await done.innerText(), /De pagina is vastgelegd \(6 bestanden\) als bewijsstuk CAP-/);
      capturePath = (await done.getByRole('link').getAttribute('href'))!;
      await settled(page);
      assert.deepEqual(await axeSerious(page), [], 'the case page after the drop and the capture');
      await page.getByTestId('evidence-section').screenshot({ path: join(SCREENSHOTS, 'case-evidence.png') });
    } finally {
      await context.close();
    }
  });

  it('the capture\'s evidence page previews its screenshot and PDF in the browser\'s own viewers (1366×768, Dutch)', async () => {
    assert.ok(capturePath, 'the previous test captured a page');
    const { context, page } = await world.newPage({ width: 1366, height: 768 });
    try {
      await world.signIn(page, 'police');
      const pdfResponse = page.waitForResponse((response) => /\/files\/[0-9a-f]{64}\?view=true$/.test(response.url()) && response.headers()['content-type'] === 'application/pdf');
      await page.goto(capturePath);
      await page.getByRole('heading', { level: 1, name: /Bewijsstuk: Capture of/ }).waitFor();
      await settled(page);
      const image = page.getByRole('img', { name: 'Voorbeeld van screenshot.png' });
      await image.waitFor();
      const width = await image.evaluate(async (element: unknown) => { const img = element as { decode(): Promise<void>; naturalWidth: number }; await img.decode().catch(() => undefined); return img.naturalWidth; });
      assert.equal(width, 1366, 'the full-page screenshot, decoded by the browser');
      const pdf = await pdfResponse;
      assert.equal(pdf.status(), 200);
      const headers = await pdf.allHeaders();
      assert.equal(headers['x-frame-options'], 'SAMEORIGIN', 'the PDF may be framed by the app');
      assert.match(headers['content-security-policy'] ?? '', /sandbox; default-src 'none';.*frame-ancestors 'self'/);
      // The PDF viewer's document is not open to the test (a plugin); its picture is kept for a person to look at.
      await page.locator('iframe[title="Voorbeeld van page.pdf"]').scrollIntoViewIfNeeded();
      await page.locator('iframe[title="Voorbeeld van page.pdf"]').screenshot({ path: join(tmpdir(), 'imketen-e2e-evidence-pdf.png') });
      // The HTML snapshot is never shown inline: only downloaded.
      const htmlView = await page.request.get(`${capturePath.replace('/evidence/', '/api/evidence/')}`);
      const files = (await htmlView.json() as { files: { fileName: string; sha256: string }[] }).files;
      const html = files.find((file) => file.fileName === 'page.html')!;
      const served = await page.request.get(`/api/evidence/${capturePath.split('/').at(-1)}/files/${html.sha256}?view=true`);
      assert.match(served.headers()['content-disposition'] ?? '', /^attachment/);
      assert.doesNotMatch(served.headers()['content-type'] ?? '', /html/);
      assert.deepEqual(await axeSerious(page), [], 'the evidence page of a capture');
      await page.screenshot({ path: join(SCREENSHOTS, 'evidence-page.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the prosecutor downloads the court bundle from the case\'s tab; it passes verify-bundle', async () => {
    const { context, page } = await world.newPage({ width: 1366, height: 768 });
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto(CASE);
      await page.getByTestId('evidence-section').waitFor();
      await settled(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download bundel voor de rechter' }).click()]);
      assert.equal(download.suggestedFilename(), 'bewijsbundel-criminal-SZ-2023-001.zip');
      const verdict = await verifyCourtBundle((await download.path())!);
      assert.deepEqual(verdict.problems, []);
      assert.ok(verdict.ok && verdict.checkedFiles >= 7, `${verdict.checkedFiles} files checked`);
    } finally {
      await context.close();
    }
  });

  it('on a phone (390×844, Dutch) and in English, the tab and the page are whole and axe-clean', async () => {
    assert.ok(capturePath, 'the first test captured a page');
    const phone = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(phone.page, 'police');
      await phone.page.goto(CASE);
      await phone.page.getByRole('link', { name: 'Download bundel voor de rechter' }).waitFor();
      await phone.page.getByRole('button', { name: 'Vastleggen' }).waitFor();
      await settled(phone.page);
      assert.deepEqual(await axeSerious(phone.page), [], 'the case page on a phone');
      const overflow = await phone.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as number;
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await phone.page.goto(capturePath);
      await phone.page.getByRole('img', { name: 'Voorbeeld van screenshot.png' }).waitFor();
      await settled(phone.page);
      assert.deepEqual(await axeSerious(phone.page), [], 'the evidence page on a phone');
      await phone.page.screenshot({ path: join(SCREENSHOTS, 'phone-evidence-page.png'), fullPage: false });
    } finally {
      await phone.context.close();
    }
    const english = await world.newPage({ width: 1366, height: 768 });
    try {
      await world.signIn(english.page, 'police');
      await english.page.getByRole('button', { name: /Taal: English/ }).click();
      await english.page.goto(CASE);
      await english.page.getByRole('link', { name: 'Download bundle for the court' }).waitFor();
      await english.page.getByRole('region', { name: 'Capture a web page' }).getByRole('textbox', { name: 'Address (URL) of the page' }).waitFor();
      await settled(english.page);
      assert.deepEqual(await axeSerious(english.page), [], 'the case page in English');
    } finally {
      await english.context.close();
    }
  });
});

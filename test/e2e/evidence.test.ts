/**
 * The evidence register in the browser (README, "Evidence"): the police register an item on a case page, upload a
 * PNG by the file chooser with its progress, see it in the case's list with its short hash and on its evidence page
 * (media type sniffed from the bytes, the preview in the browser's own image viewer, the download); a role that
 * cannot read the case gets no access to the item or its bytes; both pages are axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type World } from './harness.js';

/** A small PNG drawn here (a diagonal band), so the test needs no fixture file. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const band = Math.abs(x - y) < 8;
      rows[at] = band ? 200 : 30; rows[at + 1] = band ? 40 : 90; rows[at + 2] = band ? 40 : 160;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const CASE = '/cases/criminal/SZ-2023-001';
const IMAGE = png(96, 64);
const SHA256 = createHash('sha256').update(IMAGE).digest('hex');
const TITLE = 'Foto van het plein (e2e)';

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

describe('the evidence register in the browser', { skip: browserSkip }, () => {
  let world: World;
  let evidencePath = '';
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('the police register an item, upload a PNG, and see it in the case\'s list and on its evidence page', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.goto(CASE);
      const section = page.getByTestId('evidence-section');
      await section.waitFor();
      await settled(page);
      const form = page.getByRole('form', { name: 'Bewijs registreren' });
      await form.getByRole('combobox', { name: /Soort/ }).click();
      await page.getByRole('option', { name: 'Foto', exact: true }).click();
      await form.getByRole('textbox', { name: /Titel/ }).fill(TITLE);
      await form.getByRole('combobox', { name: /^Bron/ }).click();
      await page.getByRole('option', { name: 'Open bron' }).click();
      await form.getByRole('textbox', { name: /Naam van de bron/ }).fill('Kanaal X (fictief)');
      await form.getByRole('combobox', { name: /Werkwijze/ }).click();
      await page.getByRole('option', { name: 'Download', exact: true }).click();
      await form.getByRole('button', { name: 'Registreren' }).click();
      await page.getByText('Het bewijsstuk is geregistreerd.').waitFor();

      await page.getByTestId('file-input').setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: IMAGE });
      await page.getByText(`plein.png is opgeslagen (SHA-256 ${SHA256.slice(0, 12)}).`).waitFor();

      const link = section.getByRole('link', { name: `Open bewijsstuk ${TITLE}` });
      const row = section.locator('tbody tr').filter({ has: page.getByRole('link', { name: `Open bewijsstuk ${TITLE}` }) });
      await row.getByTestId('short-hash').filter({ hasText: SHA256.slice(0, 12) }).waitFor();
      const text = await row.innerText();
      assert.match(text, /Foto/);
      assert.match(text, /Open bron/);
      assert.match(text, /28 november 2026 door Politie — Team Internationale Misdrijven/);
      assert.match(text, /Bron: nog niet/);
      assert.deepEqual(await axeSerious(page), [], 'the case page with its evidence section');

      evidencePath = (await link.getAttribute('href'))!;
      await link.click();
      await page.getByRole('heading', { level: 1, name: `Bewijsstuk: ${TITLE}` }).waitFor();
      await settled(page);
      assert.equal(await page.getByTestId('file-sha256').innerText(), SHA256);
      assert.equal(await page.getByTestId('derived-media-type').innerText(), 'image/png');
      const preview = page.getByRole('img', { name: 'Voorbeeld van plein.png' });
      await preview.waitFor();
      // The browser's own image viewer decoded the bytes the server sent inline.
      const width = await preview.evaluate(async (image: unknown) => { const img = image as { decode(): Promise<void>; naturalWidth: number }; await img.decode().catch(() => undefined); return img.naturalWidth; });
      assert.equal(width, 96);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'plein.png downloaden' }).click()]);
      assert.equal(download.suggestedFilename(), 'plein.png');
      assert.equal(createHash('sha256').update(await readFile((await download.path())!)).digest('hex'), SHA256);
      assert.deepEqual(await axeSerious(page), [], 'the evidence page');
    } finally {
      await context.close();
    }
  });

  it('a role that cannot read the case gets no access to the item, nor to its bytes', async () => {
    assert.ok(evidencePath, 'the previous test registered an item');
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'dtv');
      await page.goto(evidencePath);
      await page.getByText('Niet toegestaan').waitFor();
      assert.equal(await page.getByRole('img', { name: /Voorbeeld/ }).count(), 0);
      const id = evidencePath.split('/').at(-1)!;
      const item = await page.request.get(`/api/evidence/${id}`);
      assert.equal(item.status(), 403);
      const bytes = await page.request.get(`/api/evidence/${id}/files/${SHA256}`);
      assert.equal(bytes.status(), 403);
      assert.ok(!(await bytes.body()).includes(IMAGE.subarray(0, 16)), 'no bytes of the file');
      const list = await page.request.get('/api/cases/criminal/SZ-2023-001/evidence');
      assert.equal(list.status(), 403);
      assert.deepEqual(await axeSerious(page), [], 'the refused evidence page');
    } finally {
      await context.close();
    }
  });
});

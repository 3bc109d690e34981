/**
 * The report PDF names its language and shows its title (issue 17): /Lang and /DisplayDocTitle in the catalogue,
 * the title in the document information. (pdfmake writes no structure tree: the PDF is not tagged — see render-pdf.ts.)
 */
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { renderReportPdf } from './render-pdf.js';

function pdfText(pdf: Buffer): string {
  // Uncompressed objects as they are, and each Flate stream inflated (pdfkit compresses page content only).
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].flatMap((match) => {
    try { return [inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1')]; } catch { return []; }
  });
  return [raw, ...streams].join('\n');
}

describe('the report PDF', () => {
  it('names its language and shows its title', async () => {
    const pdf = await renderReportPdf({ title: 'Jaarrapportage 2025', language: 'nl', years: [], tables: [], footer: 'imketen' } as never);
    const text = pdfText(pdf);
    assert.match(text, /\/Lang \(nl\)/);
    assert.match(text, /\/DisplayDocTitle true/);
    assert.match(text, /\/Title (\d+ 0 R|\()/);
    assert.ok(pdf.toString('latin1').includes('(Jaarrapportage 2025)'), 'the title in the document information');
  });
});

/**
 * The data-subject PDF draws names in their original script (issue 16): Arabic (shaped, right to left), Cyrillic and
 * Latin with diacritics, in the embedded DejaVu Sans; it is tagged like every PDF of the system. The names are
 * fictional. Read back with src/pdf/testing/read-pdf.ts: the glyphs' text through the font's ToUnicode map (visual order:
 * an Arabic word's glyphs run right to left), and the /ActualText a screen reader reads (logical order).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementText, flatten, readPdf } from '../pdf/testing/read-pdf.js';
import type { DataSubjectExport } from './export-data-subject.js';
import { renderDataSubjectPdf } from './render-data-subject-pdf.js';
import { GROUNDS } from './subject-access-grounds.js';

const ARABIC = 'ياسين الفخراني';
const CYRILLIC = 'Мирослава Ткачук';
const LATIN = 'Željko Đurić-Ćosić';

const EXPORT: DataSubjectExport = {
  person: 'P-0001',
  requestedBy: { username: 'ind.demo', organisation: 'IND', role: 'ind' },
  date: '2026-12-01',
  generatedAt: '2026-12-01T09:30:00Z',
  identity: { names: [ARABIC, CYRILLIC, LATIN], birthDate: '1980-05-17', nationalities: ['SYR'], legalBasis: 'Vw 2000 art. 107' },
  personEvents: [],
  cases: [],
  witnessRecords: [],
  evidence: [],
  screeningHits: [{ source: 'watchlist', list: 'Fictieve lijst', counterpart: `${ARABIC} (fictief)`, score: 0.93, status: 'open', firstFoundAt: '2026-11-02T08:00:00Z', lastFoundAt: '2026-11-02T08:00:00Z' }],
  accessLog: [{ at: '2026-11-30T12:00:00Z', organisation: 'IND', role: 'ind', action: 'stream.read', resource: 'person/P-0001', purpose: 'beoordeling', legalBasis: null, outcome: 'allowed' }],
  withheld: [{ what: 'names', kind: null, count: null, ground: Object.values(GROUNDS)[0]! }],
};

const reversed = (text: string) => [...text].reverse().join('');

describe('the data-subject PDF', () => {
  it('embeds a font whose ToUnicode map covers the Arabic, Cyrillic and accented Latin letters of the names', async () => {
    const pdf = readPdf(await renderDataSubjectPdf(EXPORT, 'nl'));
    for (const name of [ARABIC, CYRILLIC, LATIN]) {
      for (const char of name.replace(/[\s-]/g, '')) assert.ok(pdf.fontCodePoints.has(char.codePointAt(0)!), `${char} in ${name}`);
    }
    assert.ok(!pdf.text.includes('\u0000') && !pdf.text.includes('\ufffd'), 'no glyph is missing (.notdef)');
    assert.ok([...pdf.objects.values()].every((object) => !object.dictionary.includes('Helvetica')), 'no standard font, only the embedded one');
  });

  it('draws the Arabic name right to left (glyphs in visual order) and gives screen readers the logical order', async () => {
    const pdf = readPdf(await renderDataSubjectPdf(EXPORT, 'nl'));
    const names = `Namen: ${ARABIC}, ${CYRILLIC}, ${LATIN}`;
    // The glyphs, left to right on the page: the name's second word first, each word's letters right to left.
    const [first, second] = ARABIC.split(' ') as [string, string];
    assert.ok(pdf.taggedText.includes(`Namen: ${reversed(second)} ${reversed(first)}, ${CYRILLIC}, ${LATIN}`), pdf.taggedText);
    const item = flatten(pdf.structure).find((element) => element.type === 'LBody' && elementText(element).startsWith('Namen'));
    assert.equal(item?.actualText, names, 'the list item carries /ActualText in logical order');
    // Text without right-to-left script needs no /ActualText: its glyphs are already in reading order.
    const birth = flatten(pdf.structure).find((element) => element.type === 'LBody' && elementText(element).startsWith('Geboortedatum'));
    assert.equal(birth?.actualText, undefined);
    assert.ok(flatten(pdf.structure).some((element) => element.type === 'LBody' && elementText(element).includes(`${ARABIC} (fictief)`)), 'the screening hit');
  });

  it('is tagged: language, headings, the access log a table with column headers', async () => {
    for (const [language, lang, heading] of [['nl', 'nl-NL', 'Raadplegingen van de gegevens'], ['en', 'en-GB', 'Reads of the data']] as const) {
      const pdf = readPdf(await renderDataSubjectPdf(EXPORT, language));
      assert.match(pdf.catalog, new RegExp(`/Lang \\(${lang}\\)`));
      const elements = flatten(pdf.structure);
      assert.equal(elements.filter((element) => element.type === 'H1').length, 1);
      assert.ok(elements.some((element) => element.type === 'H2' && elementText(element) === heading));
      assert.equal(elements.filter((element) => element.type === 'TH' && element.scope === 'Column').length, 3);
      assert.equal(elements.filter((element) => element.type === 'TD').length, 3);
    }
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImketenError } from '../../domain/errors.js';
import { detectFormat } from './detect-format.js';
import { parseJsonl } from './jsonl.js';
import { parseOfacCsv } from './ofac-csv.js';
import { parseUnXml } from './un-xml.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'matching');
const fixture = (name: string, encoding: BufferEncoding = 'utf8'): string => readFileSync(join(fixtures, name), encoding);

function rejection(run: () => unknown): ImketenError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ImketenError);
    return error;
  }
  assert.fail('expected the import to be rejected');
}

describe('UN consolidated list importer', () => {
  const entries = parseUnXml(fixture('un-consolidated-excerpt.xml'), 'un-consolidated-excerpt.xml');

  it('reads individuals and entities with aliases and original-script names', () => {
    assert.equal(entries.length, 5);
    const anwari = entries.find((entry) => entry.id === 'TAi.005');
    assert.deepEqual(anwari?.names, ['MUHAMMAD TAHER ANWARI', 'Mohammad Taher Anwari', 'Muhammad Tahir Anwari', 'Mohammad Tahre Anwari', 'Haji Mudir', 'محمد طاهر أنوري']);
    assert.equal(anwari?.kind, 'person');
    assert.equal(entries.find((entry) => entry.id === 'QDe.069')?.kind, 'organization');
  });

  it('reads birth dates at their precision and nationalities as alpha-3', () => {
    assert.deepEqual(entries.find((entry) => entry.id === 'TAi.005')?.birthDates, ['1961']);
    assert.deepEqual(entries.find((entry) => entry.id === 'TAi.023')?.birthDates, ['1963/1968']);
    assert.ok(entries.find((entry) => entry.id === 'QDi.144')?.birthDates?.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)));
    assert.deepEqual(entries.find((entry) => entry.id === 'TAi.005')?.nationalities, ['AFG']);
    assert.deepEqual(entries.find((entry) => entry.id === 'KPi.001')?.nationalities, ['PRK']);
  });

  it('rejects XML that is not well-formed, naming file and line', () => {
    const broken = fixture('un-consolidated-excerpt.xml').replace('</FIRST_NAME>', '</FIRST>');
    const error = rejection(() => parseUnXml(broken, 'broken.xml'));
    assert.equal(error.code, 'IMPORT_REJECTED');
    assert.equal(error.problems[0]?.file, 'broken.xml');
    assert.equal(typeof error.problems[0]?.line, 'number');
    assert.match(error.message, /broken\.xml:\d+/);
  });

  it('rejects a record without a name, naming its line and field', () => {
    const text = fixture('un-consolidated-excerpt.xml');
    const nameless = text.replace('<FIRST_NAME>MUHAMMAD</FIRST_NAME>', '<FIRST_NAME></FIRST_NAME>').replace(/<SECOND_NAME>TAHER<\/SECOND_NAME>\s*<THIRD_NAME>ANWARI<\/THIRD_NAME>/, '');
    const error = rejection(() => parseUnXml(nameless, 'nameless.xml'));
    assert.equal(error.problems[0]?.field, 'FIRST_NAME');
    assert.equal(error.problems[0]?.line, 4);
  });
});

describe('OFAC SDN importer', () => {
  const entries = parseOfacCsv(fixture('ofac-sdn-excerpt.csv', 'latin1'), fixture('ofac-alt-excerpt.csv', 'latin1'));

  it('joins alternate names to their entries', () => {
    assert.equal(entries.length, 4);
    const shalish = entries.find((entry) => entry.id === 'OFAC-8868');
    assert.equal(shalish?.names[0], 'SHALISH, Zuhayr');
    assert.ok(shalish?.names.includes('AL-SHALISH, Dhu Al-Himma'));
    assert.deepEqual(entries.find((entry) => entry.id === 'OFAC-306')?.names, ['BANCO NACIONAL DE CUBA', 'NATIONAL BANK OF CUBA']);
  });

  it('reads birth dates and nationalities from the remarks', () => {
    const nasrallah = entries.find((entry) => entry.id === 'OFAC-2686');
    assert.deepEqual(nasrallah?.birthDates, ['1960-08-31', '1953-08-31', '1955-08-31', '1958-08-31']);
    assert.deepEqual(entries.find((entry) => entry.id === 'OFAC-9342')?.birthDates, ['1949']);
    assert.deepEqual(entries.find((entry) => entry.id === 'OFAC-9342')?.nationalities, ['SYR']);
    assert.equal(entries.find((entry) => entry.id === 'OFAC-306')?.kind, 'organization');
  });

  it('rejects alternate names of unknown entries, naming file, line and field', () => {
    const error = rejection(() => parseOfacCsv(fixture('ofac-sdn-excerpt.csv', 'latin1'), '99999,1,"aka","NOBODY",-0- \r\n', { alt: 'alt.csv' }));
    assert.deepEqual({ file: error.problems[0]?.file, line: error.problems[0]?.line, field: error.problems[0]?.field }, { file: 'alt.csv', line: 1, field: 'ent_num' });
  });
});

describe('JSON Lines importer', () => {
  it('reads entries with optional fields at any precision', () => {
    const entries = parseJsonl(fixture('watchlist.jsonl'), 'watchlist.jsonl');
    assert.equal(entries.length, 4);
    assert.deepEqual(entries[0], { id: 'X-001', names: ['Mohammed al-Hassan', 'محمد الحسن'], birthDates: ['1976', '1976-10-05'], nationalities: ['IRQ'] });
    assert.deepEqual(entries[2]?.birthDates, ['1963/1968']);
    assert.equal(entries[3]?.kind, 'organization');
  });

  it('lists every bad line with file, line and field', () => {
    const error = rejection(() => parseJsonl(fixture('watchlist-bad.jsonl'), 'watchlist-bad.jsonl'));
    const where = error.problems.map((problem) => `${problem.line} ${problem.field ?? '-'}`);
    assert.deepEqual(where, ['2 names', '3 birthDates[0]', '4 nationalities[0]', '5 -', '6 id', '7 id']);
    assert.ok(error.problems.every((problem) => problem.file === 'watchlist-bad.jsonl'));
    assert.match(error.message, /^Watchlist watchlist-bad\.jsonl rejected: watchlist-bad\.jsonl:2 field names: .* \(and 5 more problems\)/);
  });
});

describe('format detection', () => {
  it('recognises each format by its content', () => {
    assert.equal(detectFormat('list.xml', fixture('un-consolidated-excerpt.xml')), 'un-xml');
    assert.equal(detectFormat('a.csv', fixture('ofac-sdn-excerpt.csv', 'latin1')), 'ofac-sdn-csv');
    assert.equal(detectFormat('b.csv', fixture('ofac-alt-excerpt.csv', 'latin1')), 'ofac-alt-csv');
    assert.equal(detectFormat('c.txt', fixture('watchlist.jsonl')), 'jsonl');
    assert.equal(detectFormat('d.txt', 'hello'), undefined);
  });
});

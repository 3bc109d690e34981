import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { elementText, flatten, readPdf } from '../pdf/testing/read-pdf.js';
import { COURT_BUNDLE_FORMAT, type CourtBundleManifest } from './manifest.js';
import { readZipEntries, writeZipEntries } from './testing/zip-entries.js';
import { verifyCourtBundle } from './verify-bundle.js';
import { CourtBundleInputError, writeCourtBundle, type CourtBundleInput } from './write-bundle.js';

const folder = await mkdtemp(join(tmpdir(), 'imketen-bundle-'));
after(() => rm(folder, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Fictional evidence: a photo (any bytes will do here), a witness statement, a captured page. */
const CONTENTS: Record<string, Buffer> = {
  'E-1/straat.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50_000, 7)]),
  'E-2/verklaring.txt': Buffer.from('Verklaring van getuige A. (fictief). Ik zag op 3 maart een blauwe auto.\n', 'utf8'),
  'E-3/pagina.warc': Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://127.0.0.1/nieuws\r\n\r\n', 'utf8'),
};

const fileEntry = (name: string, mediaType: string) => ({ name, sha256: sha256(CONTENTS[name]!), size: CONTENTS[name]!.length, mediaType });

const MANIFEST: CourtBundleManifest = {
  caseId: 'S-2026-0042',
  generatedAt: '2026-12-01T10:00:00Z',
  generatedBy: 'Team Internationale Misdrijven (fictief)',
  items: [
    {
      id: 'E-1', title: 'Foto van de straat na de beschieting', kind: 'photo',
      source: { type: 'open-source', name: 'account @voorbeeld (fictief)', reference: 'post 123' },
      acquired: { date: '2026-03-04', by: 'TIM', method: 'download', location: 'Driebergen' },
      files: [fileEntry('E-1/straat.jpg', 'image/jpeg')],
      custody: [{ at: '2026-03-05T09:00:00Z', from: 'TIM', to: 'OM, Landelijk Parket', purpose: 'beoordeling' }],
      verification: [
        { at: '2026-03-06', step: 'technical', outcome: 'consistent', method: 'EXIF en perceptuele hash vergeleken', by: 'analist B.' },
        { at: '2026-03-07', step: 'content', outcome: 'consistent', method: 'geolocatie', notes: 'straatbeeld komt overeen' },
      ],
    },
    {
      id: 'E-2', title: 'Verklaring getuige A.', kind: 'witness-statement',
      source: { type: 'witness' }, acquired: { date: '2026-04-01', by: 'TIM', method: 'interview' },
      files: [fileEntry('E-2/verklaring.txt', 'text/plain')], custody: [], verification: [],
    },
    {
      id: 'E-3', title: 'Nieuwsbericht (vastgelegd)', kind: 'web-capture',
      source: { type: 'open-source', name: 'nieuwssite (fictief)' }, acquired: { date: '2026-04-02', by: 'TIM', method: 'capture' },
      files: [{ ...fileEntry('E-3/pagina.warc', 'application/warc'), url: 'http://127.0.0.1/nieuws', capturedAt: '2026-04-02T08:00:00Z', tool: 'imketen 0.1.0' }],
      custody: [], verification: [],
    },
  ],
};

let input: CourtBundleInput;
let bundle: string;

before(async () => {
  const files = [];
  for (const [name, bytes] of Object.entries(CONTENTS)) {
    // The file store keeps files under their hash, not their name.
    const sourcePath = join(folder, 'store', sha256(bytes));
    await mkdir(dirname(sourcePath), { recursive: true });
    await writeFile(sourcePath, bytes);
    files.push({ sourcePath, sha256: sha256(bytes), nameInBundle: name });
  }
  input = { manifest: MANIFEST, files };
  bundle = join(folder, 'bundle.zip');
  await writeCourtBundle(input, bundle);
});

/** A copy of the bundle with some entries changed (a Buffer), removed (null) or added. */
async function alteredBundle(name: string, changes: Record<string, Buffer | null>): Promise<string> {
  const entries = await readZipEntries(bundle);
  for (const [entry, bytes] of Object.entries(changes)) {
    if (bytes === null) entries.delete(entry);
    else entries.set(entry, bytes);
  }
  const path = join(folder, name);
  await writeZipEntries(path, entries);
  return path;
}

describe('writeCourtBundle', () => {
  it('writes the files under files/, manifest.json, manifest.pdf and manifest.sha256, and reports the ZIP\'s hash', async () => {
    const path = join(folder, 'again.zip');
    const written = await writeCourtBundle(input, path);
    const bytes = await readFile(path);
    assert.deepEqual(written, { path, sha256: sha256(bytes), size: bytes.length, fileCount: 3 });
    const entries = await readZipEntries(path);
    assert.deepEqual([...entries.keys()], ['manifest.json', 'manifest.pdf', 'manifest.sha256', 'files/E-1/straat.jpg', 'files/E-2/verklaring.txt', 'files/E-3/pagina.warc']);
    for (const [name, content] of Object.entries(CONTENTS)) assert.ok(entries.get(`files/${name}`)!.equals(content), name);
    assert.deepEqual(JSON.parse(entries.get('manifest.json')!.toString('utf8')), { format: COURT_BUNDLE_FORMAT, ...MANIFEST });
    assert.equal(entries.get('manifest.pdf')!.subarray(0, 5).toString('latin1'), '%PDF-');
    // The same input gives the same bundle, byte for byte (time stamps come from generatedAt).
    assert.equal(sha256(await readFile(bundle)), written.sha256);
  });

  it('writes manifest.pdf as a tagged PDF: headings per item, tables with their header cells, the footer an artifact', async () => {
    const pdf = readPdf((await readZipEntries(bundle)).get('manifest.pdf')!);
    assert.match(pdf.catalog, /\/Lang \(nl-NL\)/);
    assert.match(pdf.catalog, /\/MarkInfo \d+ 0 R/);
    const elements = flatten(pdf.structure);
    const texts = (type: string) => elements.filter((element) => element.type === type).map(elementText);
    assert.deepEqual(texts('H1'), ['Bewijsbundel / Court bundle — zaak / case S-2026-0042']);
    assert.deepEqual(texts('H2'), MANIFEST.items.map((item, index) => `${index + 1}. ${item.title}`));
    // Per item a facts table (row headers), a files table; custody and verification tables only for E-1.
    assert.equal(elements.filter((element) => element.type === 'Table').length, 3 + 3 + 2);
    assert.deepEqual(elements.filter((element) => element.type === 'TH' && element.scope === 'Row').map(elementText).slice(0, 4),
      ['Kenmerk / ID', 'Soort / Kind', 'Bron / Source', 'Verkregen / Acquired']);
    assert.equal(elements.filter((element) => element.type === 'TH' && element.scope === 'Column').length, 3 * 3 + 4 + 4);
    const hashCells = elements.filter((element) => element.type === 'TD' && element.colSpan === 3);
    assert.deepEqual(hashCells.map((cell) => /^SHA-256 ([0-9a-f]{64})/.exec(elementText(cell))?.[1]), MANIFEST.items.map((item) => item.files[0]!.sha256));
    assert.match(pdf.text, /S-2026-0042 — pagina \/ page 1 \/ \d/);
    assert.doesNotMatch(pdf.taggedText, /pagina \/ page 1/);
  });

  it('makes a manifest.sha256 that sha256sum -c accepts after unpacking', async () => {
    const unpacked = join(folder, 'unpacked');
    for (const [name, bytes] of await readZipEntries(bundle)) {
      await mkdir(dirname(join(unpacked, name)), { recursive: true });
      await writeFile(join(unpacked, name), bytes);
    }
    const output = execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: unpacked, encoding: 'utf8' });
    assert.equal(output.trim().split('\n').filter((line) => line.endsWith(': OK')).length, 5, output);
  });

  it('stops when a file\'s bytes no longer match the registered hash, leaving no bundle and no partial file', async () => {
    const bad = join(folder, 'tampered-store');
    await writeFile(bad, Buffer.from('other bytes'));
    const files = input.files.map((file, i) => (i === 1 ? { ...file, sourcePath: bad } : file));
    const target = join(folder, 'out', 'refused.zip');
    await mkdir(dirname(target), { recursive: true });
    await assert.rejects(writeCourtBundle({ manifest: MANIFEST, files }, target), /tampered-store \(E-2\/verklaring.txt\) has SHA-256 [0-9a-f]{64}, not [0-9a-f]{64} as registered/);
    assert.deepEqual(await readdir(dirname(target)), []);
  });

  it('names an unreadable source file', async () => {
    const files = input.files.map((file, i) => (i === 0 ? { ...file, sourcePath: join(folder, 'nowhere') } : file));
    await assert.rejects(writeCourtBundle({ manifest: MANIFEST, files }, join(folder, 'unreadable.zip')), /Cannot read .*nowhere \(E-1\/straat.jpg\): ENOENT/);
  });

  it('refuses unsafe names and a manifest that disagrees with the files, naming each fault', async () => {
    const files = [...input.files, { sourcePath: input.files[0]!.sourcePath, sha256: input.files[0]!.sha256, nameInBundle: '../escape.jpg' }];
    await assert.rejects(writeCourtBundle({ manifest: MANIFEST, files }, join(folder, 'x.zip')), (error: unknown) => {
      assert.ok(error instanceof CourtBundleInputError);
      assert.match(error.message, /'\.\.\/escape\.jpg' must not contain an empty, '\.' or '\.\.' segment/);
      assert.match(error.message, /file '\.\.\/escape\.jpg' is in no item of the manifest/);
      return true;
    });
    const wrongHash = { ...MANIFEST, items: [{ ...MANIFEST.items[0]!, files: [{ ...MANIFEST.items[0]!.files[0]!, sha256: '0'.repeat(64) }] }, ...MANIFEST.items.slice(1)] };
    await assert.rejects(writeCourtBundle({ manifest: wrongHash, files: input.files }, join(folder, 'x.zip')), /E-1: 'E-1\/straat.jpg' has SHA-256 0{64} in the manifest but/);
    const twice = [...input.files, { ...input.files[0]!, nameInBundle: 'e-1/STRAAT.jpg' }];
    await assert.rejects(writeCourtBundle({ manifest: MANIFEST, files: twice }, join(folder, 'x.zip')), /'e-1\/STRAAT.jpg' occurs twice \(case ignored\)/);
  });
});

describe('verifyCourtBundle', () => {
  it('accepts a bundle as written, having hashed every file', async () => {
    const result = await verifyCourtBundle(bundle);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.checkedFiles, 3);
    assert.equal(result.checkedBytes, Object.values(CONTENTS).reduce((sum, bytes) => sum + bytes.length, 0));
    assert.equal(result.manifest?.caseId, 'S-2026-0042');
  });

  it('names a corrupted, a missing and an extra file', async () => {
    const path = await alteredBundle('altered.zip', {
      'files/E-2/verklaring.txt': Buffer.from('Verklaring van getuige A. (fictief). Ik zag op 3 maart een rode auto.\n'),
      'files/E-3/pagina.warc': null,
      'files/E-4/ondergeschoven.jpg': Buffer.from('not in the manifest'),
    });
    const result = await verifyCourtBundle(path);
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(({ file, problem }) => ({ file, problem })), [
      { file: 'files/E-2/verklaring.txt', problem: 'corrupt' },
      { file: 'files/E-3/pagina.warc', problem: 'missing' },
      { file: 'files/E-4/ondergeschoven.jpg', problem: 'extra' },
    ]);
    assert.match(result.problems[0]!.detail, /SHA-256 is [0-9a-f]{64}, manifest.json says [0-9a-f]{64}/);
  });

  it('finds a byte flipped inside the ZIP file itself', async () => {
    const path = await alteredBundle('flipped.zip', {});
    const bytes = await readFile(path);
    const at = bytes.indexOf(CONTENTS['E-2/verklaring.txt']!);
    assert.ok(at > 0);
    bytes[at + 40] = bytes[at + 40]! ^ 0x01;
    await writeFile(path, bytes);
    const result = await verifyCourtBundle(path);
    assert.deepEqual(result.problems.map(({ file, problem }) => ({ file, problem })), [{ file: 'files/E-2/verklaring.txt', problem: 'corrupt' }]);
  });

  it('finds a changed manifest.pdf, and a manifest.json changed without manifest.sha256', async () => {
    const entries = await readZipEntries(bundle);
    const json = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as CourtBundleManifest;
    json.items[0]!.title = 'Een andere titel';
    const path = await alteredBundle('manifests.zip', {
      'manifest.pdf': Buffer.concat([entries.get('manifest.pdf')!, Buffer.from('%extra')]),
      'manifest.json': Buffer.from(JSON.stringify(json)),
    });
    const result = await verifyCourtBundle(path);
    assert.deepEqual(result.problems.map(({ file, problem }) => ({ file, problem })), [
      { file: 'manifest.json', problem: 'corrupt' },
      { file: 'manifest.pdf', problem: 'corrupt' },
    ]);
  });

  it('finds a manifest.sha256 that disagrees with manifest.json, and missing manifests', async () => {
    const entries = await readZipEntries(bundle);
    const sums = entries.get('manifest.sha256')!.toString('utf8').replace(sha256(CONTENTS['E-1/straat.jpg']!), 'f'.repeat(64));
    const inconsistent = await verifyCourtBundle(await alteredBundle('sums.zip', { 'manifest.sha256': Buffer.from(sums) }));
    assert.deepEqual(inconsistent.problems.map(({ file, problem }) => ({ file, problem })), [{ file: 'manifest.sha256', problem: 'inconsistent' }]);
    assert.match(inconsistent.problems[0]!.detail, /files\/E-1\/straat.jpg/);

    const bare = await verifyCourtBundle(await alteredBundle('bare.zip', { 'manifest.json': null, 'manifest.pdf': null }));
    assert.deepEqual(bare.problems.map(({ file, problem }) => ({ file, problem })), [
      { file: 'manifest.json', problem: 'missing' },
      { file: 'manifest.pdf', problem: 'missing' },
      { file: 'files/E-1/straat.jpg', problem: 'extra' },
      { file: 'files/E-2/verklaring.txt', problem: 'extra' },
      { file: 'files/E-3/pagina.warc', problem: 'extra' },
    ]);
  });

  it('says a file that is no ZIP is unreadable, without throwing', async () => {
    const path = join(folder, 'not-a-bundle.zip');
    await writeFile(path, 'hello');
    const result = await verifyCourtBundle(path);
    assert.deepEqual(result.problems.map(({ file, problem }) => ({ file, problem })), [{ file: 'not-a-bundle.zip', problem: 'unreadable' }]);
    assert.equal((await verifyCourtBundle(join(folder, 'absent.zip'))).problems[0]?.problem, 'unreadable');
  });
});

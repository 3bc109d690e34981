/**
 * `imketen evidence import-archive` (importWebArchive): a WACZ and a WARC as other tools write them (built in
 * src/capture/testing/web-archive-fixtures.ts) become a web-capture with the archive attached, its address, time and
 * tool taken from the archive; an altered record, a zip bomb, an entry climbing out of the archive and an unknown case
 * are refused with nothing stored — no event, no bytes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { otherToolRecords, sha256hex, waczBytes } from '../capture/testing/web-archive-fixtures.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { showEvidence } from '../operations/show-evidence.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { startTestServer, type TestServer } from '../server/testing/test-server.js';
import { importWebArchive, type ImportArchiveOptions } from './import-web-archive.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
];

describe('importing a web archive of another tool', () => {
  let server: TestServer;
  let dir: string;
  const options = (id: string, extra: Partial<ImportArchiveOptions> = {}): ImportArchiveOptions => ({
    caseStream: 'criminal/SZ-1', id, acquiredBy: 'TIM', method: 'download', maxBytes: 10_000_000, now: () => NOW, ...extra,
  });
  const file = async (name: string, bytes: Buffer) => { const path = join(dir, name); await writeFile(path, bytes); return path; };
  const stored = async () => { const all: string[] = []; for await (const sha of server.files.list()) all.push(sha); return all; };
  const events = async (stream: string) => server.store.db.query('SELECT id FROM events WHERE stream = $1', [stream]);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imketen-import-archive-'));
    server = await startTestServer(TEST_ENGINES[0]!, { now: NOW });
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify(event)).join('\n'))], { now: () => NOW });
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers a WACZ as a web-capture with the archive attached: address, time and tool from the archive', async () => {
    const bytes = await waczBytes();
    const imported = await importWebArchive(server.store.db, server.files, await file('post.wacz', bytes), options('ARC-1', { sourceName: 'openbaar account (fictief)' }));
    assert.deepEqual([imported.format, imported.records, imported.urls, imported.sha256], ['wacz', 3, ['https://example.org/post/1'], sha256hex(bytes)]);
    const item = await showEvidence(server.store.db, { id: 'ARC-1', asOf: { date: '2026-06-15', recordedAt: NOW.toISOString(), recordedAtGiven: false } });
    assert.equal(item.registration.kind, 'web-capture');
    assert.deepEqual(item.registration.source, { type: 'open-source', reference: 'https://example.org/post/1', name: 'openbaar account (fictief)' });
    assert.equal(item.registration.acquired.method, 'download');
    assert.deepEqual(item.files.map((f) => [f.fileName, f.sha256, f.mediaType, f.url, f.capturedAt, f.tool]),
      [['post.wacz', sha256hex(bytes), 'application/wacz', 'https://example.org/post/1', '2026-03-02T10:00:01Z', 'Browsertrix-Crawler 1.0 (fictional)']]);
    assert.ok((await stored()).includes(sha256hex(bytes)));
  });

  it('registers a gzipped WARC; its tool is the warcinfo record\'s software', async () => {
    const imported = await importWebArchive(server.store.db, server.files, await file('post.warc.gz', Buffer.concat(otherToolRecords().map((record) => gzipSync(record)))), options('ARC-2'));
    assert.deepEqual([imported.format, imported.tool, imported.capturedAt], ['warc', 'a fictional crawler 1.0', '2026-03-02T10:00:01Z']);
  });

  it('refuses an archive with an altered record, naming the record; nothing is stored', async () => {
    const records = otherToolRecords();
    const altered = Buffer.from(records[1]!);
    altered.write('FICTIONAL', altered.indexOf('fictional statement'));
    const before = await stored();
    const path = await file('altered.warc', Buffer.concat([records[0]!, altered, records[2]!]));
    await assert.rejects(importWebArchive(server.store.db, server.files, path, options('ARC-3')), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'TAMPER_DETECTED');
      assert.match(error.message, new RegExp(`response record at offset ${records[0]!.length} \\(https://example.org/post/1\\): WARC-Block-Digest does not match`));
      assert.match(error.message, /nothing was imported/);
      return true;
    });
    assert.deepEqual([await events('evidence/ARC-3'), await stored()], [[], before]);
  });

  it('refuses a zip bomb and an entry that climbs out of the archive, before expanding anything', async () => {
    const bomb = await waczBytes({ extra: { 'indexes/zeros.bin': Buffer.alloc(4 * 1024 * 1024) } });
    const bombPath = await file('bomb.wacz', bomb);
    await assert.rejects(importWebArchive(server.store.db, server.files, bombPath, options('ARC-4')), /entry 'indexes\/zeros\.bin' expands \d+ times .* more than the limit of 200: a zip bomb/);
    const zip = await JSZip.loadAsync(await waczBytes());
    zip.file('../../etc/evil.txt', 'x', { createFolders: false });
    const climbing = await file('climbing.wacz', await zip.generateAsync({ type: 'nodebuffer' }));
    await assert.rejects(importWebArchive(server.store.db, server.files, climbing, options('ARC-5')), /has an unsafe name \('\.\.\/\.\.\/etc\/evil\.txt'\): it climbs out of the archive/);
    assert.deepEqual([...await events('evidence/ARC-4'), ...await events('evidence/ARC-5')], []);
  });

  it('all or nothing: a case that does not exist refuses the import and takes the stored bytes with it', async () => {
    const bytes = await waczBytes({ software: 'ArchiveWeb.page 0.12 (fictional)' });
    await assert.rejects(importWebArchive(server.store.db, server.files, await file('nocase.wacz', bytes), options('ARC-6', { caseStream: 'criminal/SZ-404' })), /Import rejected/);
    assert.deepEqual(await events('evidence/ARC-6'), []);
    assert.equal(await server.files.has(sha256hex(bytes)), false);
  });
});

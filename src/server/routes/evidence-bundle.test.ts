/**
 * The court bundle over HTTP and the inline preview (README, "Evidence"): the ZIP passes verify-bundle, holds only
 * what the caller may read, and every file in it is in the access log with its hash; a role without access gets
 * 403 and no bytes. The preview serves images and PDF inline, framable by the app's own pages only; HTML and SVG
 * are never served inline.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyCourtBundle } from '../../court-bundle/index.js';
import { encodePng, fillRect, newPicture } from '../../demo/png.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { openDiskFileStore } from '../../store/file-store/disk-file-store.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

const ROLES = ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'] as const;
const registration = (cases: Record<string, string[]>, title: string) => ({
  ...cases, kind: 'document', title, source: { type: 'open-source', name: 'openbaar account (fictief)' },
  acquired: { date: '2026-05-01', by: 'TIM', method: 'download' },
});
const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Vreemdeling'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2025-01-01', data: { person: 'P-2' } },
  { id: 'b1', stream: 'evidence/B-1', type: 'evidence.registered', date: '2026-05-02', data: registration({ criminalCases: ['SZ-1'] }, 'Foto (fictief)') },
  { id: 'b2', stream: 'evidence/B-2', type: 'evidence.registered', date: '2026-05-02', data: registration({ criminalCases: ['SZ-1'] }, 'Rapport (fictief)') },
  { id: 'b3', stream: 'evidence/B-3', type: 'evidence.registered', date: '2026-05-02', data: registration({ exclusionCases: ['IF-1'] }, 'Ambtsbericht (fictief)') },
];
/** The smallest PDF a viewer opens (one empty page); enough for the sniffer to say application/pdf. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj '
  + '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script>fictief</body></html>');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

describe('the court bundle and the preview over the API', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();
  const png = encodePng((() => { const p = newPicture(40, 30, [200, 220, 240]); fillRect(p, 5, 5, 10, 10, [120, 40, 30]); return p; })());
  const hashes: Record<string, string> = {};

  const upload = async (id: string, bytes: Buffer, fileName: string) => {
    const response = await clients.get('police')!.request('POST', `/api/evidence/${id}/files?fileName=${encodeURIComponent(fileName)}`, bytes, { 'content-type': 'application/octet-stream' });
    assert.equal(response.statusCode, 201, response.body);
    hashes[fileName] = response.json<{ sha256: string }>().sha256;
  };

  before(async () => {
    const fileDir = await mkdtemp(join(tmpdir(), 'imketen-bundle-api-'));
    server = await startTestServer(TEST_ENGINES[0]!, { files: await openDiskFileStore(fileDir), uploadLimit: 100_000 });
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
    for (const role of ROLES) clients.set(role, await server.signIn(role));
    await upload('B-1', png, 'foto.png');
    await upload('B-2', PDF, 'rapport.pdf');
    await upload('B-2', HTML, 'pagina.html');
    await upload('B-2', SVG, 'tekening.svg');
  });
  after(async () => { await server?.close(); });

  it('the bundle of a case is a ZIP that passes verify-bundle, with every file logged by its hash', async () => {
    const response = await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/evidence-bundle');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/zip');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="bewijsbundel-criminal-SZ-1\.zip"/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    const file = join(await mkdtemp(join(tmpdir(), 'imketen-bundle-got-')), 'bundle.zip');
    await writeFile(file, response.rawPayload);
    const verdict = await verifyCourtBundle(file);
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.ok, true);
    assert.ok(verdict.checkedFiles >= 4, `${verdict.checkedFiles} files checked`);
    const logged = (await server.store.db.query<{ resource: string }>(
      "SELECT resource FROM access_log WHERE username = 'prosecutor' AND outcome = 'allowed' AND resource LIKE '%court bundle%' ORDER BY seq",
    )).map((row) => row.resource);
    const expected = [['B-1', 'foto.png'], ['B-2', 'rapport.pdf'], ['B-2', 'pagina.html'], ['B-2', 'tekening.svg']]
      .map(([id, name]) => `evidence/${id}/files/${hashes[name!]} (court bundle)`);
    assert.deepEqual([...logged].sort(), [...expected].sort());
    const bundleLine = await server.store.db.query<{ resource: string }>("SELECT resource FROM access_log WHERE action = 'evidence.bundle' AND username = 'prosecutor'");
    assert.deepEqual(bundleLine.map((row) => row.resource), [`criminal/SZ-1/evidence-bundle sha256 ${response.headers['x-bundle-sha256']}`]);
  });

  it('role × case: the roles that do not read the case get 403 and no bytes', async () => {
    const failures: string[] = [];
    const expected: Record<string, readonly string[]> = { 'criminal/SZ-1': ['police', 'prosecutor'], 'exclusion/IF-1': ['ind-1f'] };
    for (const [caseStream, readers] of Object.entries(expected)) {
      for (const role of ROLES) {
        const response = await clients.get(role)!.request('GET', `/api/cases/${caseStream}/evidence-bundle`);
        const allowed = readers.includes(role);
        if (allowed && response.statusCode !== 200) failures.push(`${role} ${caseStream}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        if (!allowed && (response.statusCode !== 403 || response.rawPayload.subarray(0, 2).toString() === 'PK' || response.rawPayload.includes(png))) {
          failures.push(`${role} ${caseStream}: ${response.statusCode}, refused without 403 or with bytes`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('previews images and PDF inline, framable by the app alone; HTML and SVG are never served inline', async () => {
    const prosecutor = clients.get('prosecutor')!;
    for (const [id, name, type] of [['B-1', 'foto.png', 'image/png'], ['B-2', 'rapport.pdf', 'application/pdf']] as const) {
      const view = await prosecutor.request('GET', `/api/evidence/${id}/files/${hashes[name]}?view=true`);
      assert.equal(view.statusCode, 200, view.body);
      assert.equal(view.headers['content-type'], type);
      assert.match(String(view.headers['content-disposition']), /^inline/);
      assert.equal(view.headers['x-content-type-options'], 'nosniff');
      assert.equal(view.headers['x-frame-options'], 'SAMEORIGIN');
      assert.match(String(view.headers['content-security-policy']), /^sandbox; default-src 'none';.*frame-ancestors 'self'$/);
    }
    for (const name of ['pagina.html', 'tekening.svg']) {
      const view = await prosecutor.request('GET', `/api/evidence/B-2/files/${hashes[name]}?view=true`);
      assert.equal(view.statusCode, 200, view.body);
      assert.match(String(view.headers['content-disposition']), /^attachment/, name);
      assert.doesNotMatch(String(view.headers['content-type']), /html|svg|xml/, name);
      assert.equal(view.headers['x-frame-options'], 'DENY', name);
      assert.match(String(view.headers['content-security-policy']), /^sandbox;.*frame-ancestors 'none'$/, name);
    }
    const download = await prosecutor.request('GET', `/api/evidence/B-1/files/${hashes['foto.png']}`);
    assert.equal(download.headers['x-frame-options'], 'DENY', 'a download is never framed');
  });
});

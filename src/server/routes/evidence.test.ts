/**
 * The evidence register over the API (README, "Evidence"): registering and uploading through the write policy, what
 * each role may read (role × endpoint: 403 and no bytes without access), downloads as sandboxed attachments, every
 * view and download in the access log with its hash, a corrupted file refused, the upload limit.
 */
import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addNoise, encodePng, fillCircle, fillRect, newPicture, resize } from '../../demo/png.js';
import { verifyFiles } from '../../evidence/verify-files.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { openDiskFileStore } from '../../store/file-store/disk-file-store.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const ROLES = ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'] as const;
const registration = (cases: Record<string, string[]>) => ({
  ...cases, kind: 'photo', title: 'Foto van een checkpoint (fictief)', source: { type: 'open-source', name: 'openbaar account (fictief)' },
  acquired: { date: '2026-05-01', by: 'TIM', method: 'download' },
});

const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Vreemdeling'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2025-01-01', data: { person: 'P-2' } },
  { id: 'e2', stream: 'evidence/E-2', type: 'evidence.registered', date: '2026-05-02', data: { ...registration({ exclusionCases: ['IF-1'] }), acquired: { date: '2026-05-01', by: 'IND', method: 'handover' } } },
];

describe('evidence over the API', () => {
  let server: TestServer;
  let fileDir: string;
  const clients = new Map<string, Client>();
  const png = encodePng((() => { const p = newPicture(64, 48, [200, 220, 240]); fillRect(p, 10, 10, 20, 20, [120, 40, 30]); return p; })());
  const otherPng = encodePng(newPicture(32, 32, [10, 10, 10]));
  let pngSha = '';
  let e2Sha = '';

  const upload = (client: Client, id: string, bytes: Buffer, fileName = 'upload.bin') =>
    client.request('POST', `/api/evidence/${id}/files?fileName=${encodeURIComponent(fileName)}`, bytes, { 'content-type': 'application/octet-stream' });

  before(async () => {
    fileDir = await mkdtemp(join(tmpdir(), 'imketen-evidence-api-'));
    server = await startTestServer(TEST_ENGINES[0]!, { files: await openDiskFileStore(fileDir), uploadLimit: 100_000 });
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
    for (const role of ROLES) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  it('the police register evidence on their case and upload a file; the media type comes from the content, not the name', async () => {
    const police = clients.get('police')!;
    const registered = await police.request('POST', '/api/events', { events: [{ id: 'e1', stream: 'evidence/E-1', type: 'evidence.registered', date: '2026-06-01', data: registration({ criminalCases: ['SZ-1'] }) }] });
    assert.equal(registered.statusCode, 201, registered.body);
    const response = await upload(police, 'E-1', png, 'C:\\fakepath\\checkpoint.txt');
    assert.equal(response.statusCode, 201, response.body);
    const stored = response.json<{ sha256: string; size: number; mediaType: string; fileName: string; created: boolean }>();
    assert.deepEqual([stored.size, stored.mediaType, stored.fileName, stored.created], [png.length, 'image/png', 'checkpoint.txt', true]);
    pngSha = stored.sha256;
    const ind = await upload(clients.get('ind-1f')!, 'E-2', otherPng, 'scan.png');
    assert.equal(ind.statusCode, 201, ind.body);
    e2Sha = ind.json<{ sha256: string }>().sha256;
    const detail = (await police.request('GET', '/api/evidence/E-1')).json<{ files: { sha256: string; derived: { mediaType: string } }[]; custodian: string; cases: string[] }>();
    assert.deepEqual([detail.files[0]?.sha256, detail.files[0]?.derived.mediaType, detail.custodian, detail.cases], [pngSha, 'image/png', 'TIM', ['criminal/SZ-1']]);
    const listed = (await police.request('GET', '/api/cases/criminal/SZ-1/evidence')).json<{ items: { id: string; files: unknown[] }[] }>();
    assert.deepEqual(listed.items.map((item) => [item.id, item.files.length]), [['E-1', 1]]);
  });

  it('refuses evidence.file-attached sent as an event: only the upload writes it', async () => {
    const response = await clients.get('police')!.request('POST', '/api/events', { events: [{ id: 'fake', stream: 'evidence/E-1', type: 'evidence.file-attached', date: '2026-06-01', data: { sha256: e2Sha, size: 1, mediaType: 'image/png', fileName: 'x.png' } }] });
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.body, /written by the upload/);
  });

  it('role × endpoint: evidence is read by the roles that read its cases; everyone else gets 403 and no bytes', async () => {
    const failures: string[] = [];
    const endpoints = (id: string, sha: string) => [
      ['GET', `/api/evidence/${id}`], ['GET', `/api/evidence/${id}/near-duplicates`], ['GET', `/api/evidence/${id}/files/${sha}`],
      ['GET', `/api/evidence/${id}/files/${sha}?view=true`], ['POST', `/api/evidence/${id}/files?fileName=x.bin`],
    ] as const;
    const expected: Record<string, readonly string[]> = { 'E-1': ['police', 'prosecutor'], 'E-2': ['ind-1f'] };
    for (const [id, sha, caseUrl] of [['E-1', pngSha, '/api/cases/criminal/SZ-1/evidence'], ['E-2', e2Sha, '/api/cases/exclusion/IF-1/evidence']] as const) {
      for (const role of ROLES) {
        const client = clients.get(role)!;
        const allowed = expected[id]!.includes(role);
        for (const [method, url] of [...endpoints(id, sha), ['GET', caseUrl] as const]) {
          const response = method === 'POST'
            ? await client.request(method, url, Buffer.from(`bytes of ${role}`), { 'content-type': 'application/octet-stream' })
            : await client.request(method, url);
          const ok = response.statusCode >= 200 && response.statusCode < 300;
          if (ok !== allowed) failures.push(`${role} ${method} ${url}: ${response.statusCode} ${response.body.slice(0, 120)}`);
          if (!allowed && (response.statusCode !== 403 || response.rawPayload.includes(png) || response.rawPayload.includes(otherPng) || response.body.includes('Foto'))) {
            failures.push(`${role} ${method} ${url}: refused without 403, or with bytes of the item`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('serves a file as a sandboxed attachment (inline only for the browser\'s own viewer), and logs every view and download with its hash', async () => {
    const prosecutor = clients.get('prosecutor')!;
    const before = Number((await server.store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE action = 'evidence.download'"))[0]!.n);
    const download = await prosecutor.request('GET', `/api/evidence/E-1/files/${pngSha}`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, png);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="checkpoint.txt"/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-security-policy']), /^sandbox/);
    const view = await prosecutor.request('GET', `/api/evidence/E-1/files/${pngSha}?view=true`);
    assert.match(String(view.headers['content-disposition']), /^inline/);
    assert.equal(view.headers['content-type'], 'image/png');
    assert.equal((await prosecutor.request('GET', `/api/evidence/E-1/files/${e2Sha}`)).statusCode, 404, 'a file of another item, through this one');
    const logged = await server.store.db.query<{ resource: string; username: string; outcome: string }>(
      "SELECT resource, username, outcome FROM access_log WHERE action = 'evidence.download' AND username = 'prosecutor' AND outcome = 'allowed' ORDER BY seq",
    );
    assert.ok(logged.some((row) => row.resource === `evidence/E-1/files/${pngSha} (download)`), JSON.stringify(logged));
    assert.ok(logged.some((row) => row.resource === `evidence/E-1/files/${pngSha} (view)`));
    const after = Number((await server.store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE action = 'evidence.download'"))[0]!.n);
    assert.equal(after - before, 2, 'the download and the view are logged');
  });

  it('answers Range requests (video seeking): 206 with Content-Range, 416 outside the file, If-Range on the hash; range reads logged once, not per seek', async () => {
    const police = clients.get('police')!;
    const url = `/api/evidence/E-1/files/${pngSha}`;
    const count = async () => (await server.store.db.query("SELECT seq FROM access_log WHERE action = 'evidence.download' AND username = 'police' AND resource LIKE '%bytes%'")).length;
    const part = await police.request('GET', url, undefined, { range: 'bytes=10-19' });
    assert.equal(part.statusCode, 206, part.body);
    assert.deepEqual(part.rawPayload, png.subarray(10, 20));
    assert.deepEqual([part.headers['content-range'], part.headers['content-length'], part.headers.etag, part.headers['accept-ranges']], [`bytes 10-19/${png.length}`, '10', `"${pngSha}"`, 'bytes']);
    const tail = await police.request('GET', url, undefined, { range: 'bytes=-7', 'if-range': `"${pngSha}"` });
    assert.equal(tail.statusCode, 206, tail.body);
    assert.deepEqual(tail.rawPayload, png.subarray(png.length - 7));
    const stale = await police.request('GET', url, undefined, { range: 'bytes=0-3', 'if-range': `"${'0'.repeat(64)}"` });
    assert.deepEqual([stale.statusCode, stale.rawPayload], [200, png], 'another version: the whole file');
    const outside = await police.request('GET', url, undefined, { range: `bytes=${png.length}-` });
    assert.equal(outside.statusCode, 416, outside.body);
    assert.equal(outside.headers['content-range'], `bytes */${png.length}`);
    assert.ok(!outside.rawPayload.includes(png.subarray(0, 50)));
    const refused = await clients.get('ind-1f')!.request('GET', url, undefined, { range: 'bytes=0-9' });
    assert.equal(refused.statusCode, 403);
    assert.ok(!refused.rawPayload.includes(png.subarray(0, 10)));
    for (let seek = 0; seek < 5; seek += 1) assert.equal((await police.request('GET', url, undefined, { range: `bytes=${seek * 10}-${seek * 10 + 9}` })).statusCode, 206);
    assert.equal(await count(), 1, 'the first range read is logged, the seeks after it within ten minutes are not');
  });

  it('the write policy: the police do not disclose, the prosecutor does; no role links evidence to a case it does not read', async () => {
    const disclose = (id: string) => ({ events: [{ id, stream: 'evidence/E-1', type: 'evidence.disclosed', date: '2026-06-10', data: { to: 'defence', recipient: 'mr. Fictief', what: 'het beeldbestand' } }] });
    assert.equal((await clients.get('police')!.request('POST', '/api/events', disclose('d1'))).statusCode, 403);
    assert.equal((await clients.get('prosecutor')!.request('POST', '/api/events', disclose('d2'))).statusCode, 201);
    const link = await clients.get('police')!.request('POST', '/api/events', { events: [{ id: 'l1', stream: 'evidence/E-1', type: 'evidence.linked', date: '2026-06-10', data: { exclusionCase: 'IF-1' } }] });
    assert.equal(link.statusCode, 403, link.body);
    const foreign = await clients.get('ind-1f')!.request('POST', '/api/events', { events: [{ id: 'r9', stream: 'evidence/E-9', type: 'evidence.registered', date: '2026-06-10', data: registration({ criminalCases: ['SZ-1'] }) }] });
    assert.equal(foreign.statusCode, 403, foreign.body);
  });

  it('refuses an upload over the limit (413) and records no event', async () => {
    const count = async () => (await server.store.db.query("SELECT id FROM events WHERE stream = 'evidence/E-1' AND type = 'evidence.file-attached'")).length;
    const before = await count();
    const response = await upload(clients.get('police')!, 'E-1', Buffer.alloc(150_000, 1), 'groot.bin');
    assert.equal(response.statusCode, 413, response.body);
    assert.equal(await count(), before);
  });

  it('refuses a stored file that no longer matches its hash, and verify-files names it', async () => {
    const path = join(fileDir, 'sha256', pngSha.slice(0, 2), pngSha.slice(2, 4), pngSha);
    await chmod(path, 0o600);
    await writeFile(path, Buffer.concat([png.subarray(0, 100), Buffer.from('tampered')]));
    const response = await clients.get('police')!.request('GET', `/api/evidence/E-1/files/${pngSha}`);
    assert.equal(response.statusCode, 500);
    assert.equal(response.json<{ code: string }>().code, 'FILE_CORRUPT');
    assert.ok(!response.rawPayload.includes(png.subarray(0, 100)));
    const verdicts = await verifyFiles(server.store.db, server.files);
    assert.deepEqual(verdicts.filter((verdict) => verdict.result !== 'ok').map((verdict) => [verdict.stream, verdict.sha256, verdict.result]), [['evidence/E-1', pngSha, 'corrupt']]);
    assert.ok(verdicts.some((verdict) => verdict.sha256 === e2Sha && verdict.result === 'ok'));
  });
});

describe('near-duplicates over the API', () => {
  let server: TestServer;
  let police: Client;
  const scene = () => {
    const picture = newPicture(320, 240, [143, 191, 224]);
    fillRect(picture, 0, 150, 320, 90, [107, 107, 107]);
    fillRect(picture, 40, 70, 110, 80, [181, 84, 60]);
    fillCircle(picture, 270, 35, 20, [245, 209, 66]);
    fillRect(picture, 210, 100, 12, 50, [91, 58, 30]);
    fillCircle(picture, 216, 90, 30, [47, 125, 50]);
    return picture;
  };
  const unrelated = () => {
    const picture = newPicture(320, 240, [43, 34, 51]);
    fillRect(picture, 0, 165, 320, 75, [138, 90, 50]);
    fillRect(picture, 130, 145, 70, 25, [255, 253, 246]);
    fillRect(picture, 150, 20, 20, 120, [74, 59, 92]);
    fillCircle(picture, 60, 45, 15, [192, 192, 192]);
    return picture;
  };

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    const events = [
      ...FIXTURE.slice(0, 4),
      ...['N-1', 'N-2', 'N-3'].map((id) => ({ id: `r-${id}`, stream: `evidence/${id}`, type: 'evidence.registered', date: '2026-05-02', data: registration({ criminalCases: ['SZ-1'] }) })),
      { id: 'r-N-4', stream: 'evidence/N-4', type: 'evidence.registered', date: '2026-05-02', data: registration({ exclusionCases: ['IF-1'] }) },
    ];
    await importEvents(server.store.db, [textSource('fixture', events.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
    police = await server.signIn('police');
    const ind = await server.signIn('ind-1f');
    const put = async (client: Client, id: string, bytes: Buffer) => {
      const response = await client.request('POST', `/api/evidence/${id}/files?fileName=${id}.png`, bytes, { 'content-type': 'application/octet-stream' });
      assert.equal(response.statusCode, 201, response.body);
    };
    await put(police, 'N-1', encodePng(scene()));
    await put(police, 'N-2', encodePng(addNoise(resize(scene(), 200, 150), 6, 42))); // another account's resized, re-encoded copy
    await put(police, 'N-3', encodePng(unrelated()));
    await put(ind, 'N-4', encodePng(resize(scene(), 160, 120))); // a copy in a 1F file the police may not read
  });
  after(async () => { await server?.close(); });

  it('finds the resized, re-encoded copy, not the unrelated picture, and names only items the caller may read', async () => {
    const response = await police.request('GET', '/api/evidence/N-1/near-duplicates');
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json<{ items: { evidence: string; distance: number }[] }>().items;
    assert.deepEqual(items.map((item) => item.evidence), ['N-2']);
    assert.ok(items[0]!.distance <= 10);
    assert.ok(!response.body.includes('N-4'));
    const ind = await server.signIn('ind-1f');
    const theirs = (await ind.request('GET', '/api/evidence/N-4/near-duplicates')).json<{ items: unknown[] }>();
    assert.deepEqual(theirs.items, [], 'the IND does not learn of the police\'s copies either');
    const detail = (await police.request('GET', '/api/evidence/N-1')).json<{ files: { derived: { metadata: { width?: number; height?: number }; perceptualHash: string } }[] }>();
    assert.deepEqual([detail.files[0]!.derived.metadata.width, detail.files[0]!.derived.metadata.height], [320, 240]);
    assert.match(detail.files[0]!.derived.perceptualHash, /^[0-9a-f]{16}$/);
  });
});

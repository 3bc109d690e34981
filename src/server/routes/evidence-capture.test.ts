/**
 * Capturing a web page over the API (README, "Evidence"): pages of a local test server (never the internet) become a
 * web-capture item with screenshot, PDF, MHTML, HTML, WARC and the signed manifest, whose hashes are the stored
 * files'; only the roles that write evidence on the case may ask (tried as every role), and the others make the
 * server fetch nothing; inward addresses are refused — the page, an image on it, a redirect — unless allowed.
 * Without /usr/bin/chromium the test skips, except under CI=true, where it must run.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CHROMIUM } from '../../capture/capture-url.js';
import { captureTargetProblem } from '../../capture/capture-target.js';
import type { CaptureManifest } from '../../capture/manifest.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

const skip: string | false = existsSync(DEFAULT_CHROMIUM) || process.env.CI === 'true'
  ? false
  : `no Chromium at ${DEFAULT_CHROMIUM}: install it with 'apt-get install chromium' to run the capture test (CI always runs it)`;

const ROLES = ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'] as const;
const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Vreemdeling'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2025-01-01', data: { person: 'P-2' } },
];
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

describe('capturing a web page over the API', { skip }, () => {
  let pages: Server;
  let port = 0;
  const hits: string[] = [];
  let server: TestServer;
  const clients = new Map<string, Client>();
  /** The page names the test server by name (allowed); its inner image and redirect name it by address (refused). */
  const page = () => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fictief bericht</title></head><body>
<h1>Een fictief bericht</h1><img src="/pixel.png" alt="pixel" width="20" height="20"><img src="http://127.0.0.1:${port}/inner.png" alt="binnen"></body></html>`;

  before(async () => {
    pages = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/post') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
      else if (request.url === '/pixel.png' || request.url === '/inner.png' || request.url === '/inner-target') response.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL);
      else if (request.url === '/to-inside') response.writeHead(302, { location: `http://127.0.0.1:${port}/inner-target` }).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', () => resolve()));
    port = (pages.address() as AddressInfo).port;
    server = await startTestServer(TEST_ENGINES[0]!, { config: { capture: { allow: ['localhost'], timeoutSeconds: 30 } } });
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
    for (const role of ROLES) clients.set(role, await server.signIn(role));
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  const capture = (role: string, caseUrl: string, url: string) => clients.get(role)!.request('POST', `/api/cases/${caseUrl}/evidence-captures`, { url });

  it('the police capture a page of their case: every file stored, with the hashes of the signed manifest; inward requests refused', async () => {
    const response = await capture('police', 'criminal/SZ-1', `http://localhost:${port}/post`);
    assert.equal(response.statusCode, 201, response.body);
    const captured = response.json<{ id: string; status: number; files: { sha256: string; fileName: string; mediaType: string }[] }>();
    assert.equal(captured.status, 200);
    assert.deepEqual(captured.files.map((file) => file.fileName).sort(), ['manifest.json', 'page.html', 'page.mhtml', 'page.pdf', 'responses.warc.gz', 'screenshot.png']);
    const manifestFile = captured.files.find((file) => file.fileName === 'manifest.json')!;
    const manifestBytes = await clients.get('police')!.request('GET', `/api/evidence/${captured.id}/files/${manifestFile.sha256}`);
    const manifest = JSON.parse(manifestBytes.body) as CaptureManifest;
    for (const artifact of manifest.artifacts) {
      assert.equal(captured.files.find((file) => file.fileName === artifact.fileName)?.sha256, artifact.sha256, artifact.fileName);
    }
    assert.equal(manifest.signature.keyId, 'test-server');
    const detail = (await clients.get('prosecutor')!.request('GET', `/api/evidence/${captured.id}`)).json<{ registration: { kind: string; acquired: { method: string } }; cases: string[]; files: { url: string | null; tool: string | null }[] }>();
    assert.deepEqual([detail.registration.kind, detail.registration.acquired.method, detail.cases], ['web-capture', 'capture', ['criminal/SZ-1']]);
    assert.ok(detail.files.every((file) => file.url === `http://localhost:${port}/post` && /Chromium/.test(file.tool ?? '')));
    assert.ok(hits.includes('/pixel.png'), 'the page\'s own image was loaded');
    assert.ok(!hits.includes('/inner.png'), 'the image at a loopback address was never fetched');
  });

  it('a redirect to an inward address refuses the capture, and nothing of it is kept', async () => {
    const listed = async () => (await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/evidence')).json<{ items: unknown[] }>().items.length;
    const before = await listed();
    const response = await capture('prosecutor', 'criminal/SZ-1', `http://localhost:${port}/to-inside`);
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.json<{ detail: string }>().detail, /redirected to http:\/\/127\.0\.0\.1:\d+\/inner-target.*nothing was kept/);
    assert.equal(await listed(), before);
  });

  it('tried as every role: only the roles that write evidence on the case may capture, and the others fetch nothing', async () => {
    const expected: Record<string, readonly string[]> = { 'criminal/SZ-1': ['police', 'prosecutor'], 'exclusion/IF-1': ['ind-1f'] };
    const failures: string[] = [];
    for (const [caseUrl, writers] of Object.entries(expected)) {
      for (const role of ROLES.filter((candidate) => !writers.includes(candidate))) {
        const before = hits.length;
        const response = await capture(role, caseUrl, `http://localhost:${port}/post`);
        if (response.statusCode !== 403 || hits.length !== before) failures.push(`${role} ${caseUrl}: ${response.statusCode}, ${hits.length - before} requests`);
      }
    }
    const ind = await capture('ind-1f', 'exclusion/IF-1', `http://localhost:${port}/post`);
    if (ind.statusCode !== 201) failures.push(`ind-1f exclusion/IF-1: ${ind.statusCode} ${ind.body.slice(0, 200)}`);
    // A writer of one kind does not capture onto the other kind's case (the policy), nor name it (the write policy).
    for (const [role, caseUrl] of [['ind-1f', 'criminal/SZ-1'], ['police', 'exclusion/IF-1']] as const) {
      const response = await capture(role, caseUrl, `http://localhost:${port}/post`);
      if (response.statusCode !== 403) failures.push(`${role} ${caseUrl}: ${response.statusCode}`);
    }
    assert.deepEqual(failures, []);
  });

  it('refuses what is not an outward http(s) page, naming why, before fetching anything', async () => {
    const before = hits.length;
    for (const [url, why] of [
      ['file:///etc/passwd', /only http and https/], ['javascript:alert(1)', /only http and https/], ['not a url', /is not a URL/],
      [`http://127.0.0.1:${port}/post`, /loopback, private/], ['http://169.254.169.254/latest/meta-data/', /loopback, private, link-local/],
      ['http://[::1]/', /loopback/], ['http://10.1.2.3/', /private/], [`http://user:secret@localhost:${port}/post`, /user name or password/],
    ] as const) {
      const response = await capture('police', 'criminal/SZ-1', url);
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.match(response.json<{ detail: string }>().detail, why, url);
    }
    assert.equal(hits.length, before);
    assert.equal(await captureTargetProblem('http://[::ffff:127.0.0.1]/', { allow: [] }) !== undefined, true, 'IPv4-mapped loopback');
    assert.equal(await captureTargetProblem('http://10.1.2.3/', { allow: ['10.0.0.0/8'] }), undefined, 'an allowed range');
    assert.equal(await captureTargetProblem('https://93.184.215.14/', { allow: [] }), undefined, 'a public address (not fetched here)');
  });
});

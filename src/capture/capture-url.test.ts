/**
 * Captures a page served by a local test server (127.0.0.1, never the internet) in Debian's Chromium and checks what
 * was preserved: every artifact on disk with the hash the manifest states, the WARC holding the page, its
 * stylesheet and image, the signature holding until the manifest is altered. Without /usr/bin/chromium the test says
 * so and skips, except under CI=true, where it must run (as test/e2e/harness.ts decides).
 */
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { captureUrl, DEFAULT_CHROMIUM, type CaptureResult } from './capture-url.js';
import { ed25519Signer, verifyCaptureManifest, type CaptureManifest } from './manifest.js';
import { readWebArchive } from './read-web-archive.js';

const skip: string | false = existsSync(DEFAULT_CHROMIUM) || process.env.CI === 'true'
  ? false
  : `no Chromium at ${DEFAULT_CHROMIUM}: install it with 'apt-get install chromium' to run the capture test (CI always runs it)`;

/** A 1×1 red PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const CSS = 'body { background: #fafafa; font-family: sans-serif; } h1 { color: #803; }\n';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fictional post by Account Example</title>
<link rel="stylesheet" href="/style.css"></head><body><h1>A fictional post</h1><p>Shown at a checkpoint near a fictional town.</p>
<img src="/pixel.png" alt="a red pixel" width="40" height="40"></body></html>`;

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/start') {
      response.writeHead(302, { Location: '/post' }).end();
    } else if (request.url === '/post') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Test-Header': 'fictional' }).end(PAGE);
    } else if (request.url === '/style.css') {
      // Sent gzipped: the WARC keeps the decoded body and says how it came.
      response.writeHead(200, { 'Content-Type': 'text/css', 'Content-Encoding': 'gzip' }).end(gzipSync(CSS));
    } else if (request.url === '/pixel.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(PIXEL);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('captureUrl', { skip }, () => {
  let server: Server;
  let base: string;
  let dir: string;
  let result: CaptureResult;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  before(async () => {
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'imketen-capture-'));
    result = await captureUrl(`${base}/start`, { outDir: join(dir, 'out'), signer: ed25519Signer({ privateKey, keyId: 'test-key' }), timeoutMs: 30_000 });
  });

  after(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('preserves screenshot, PDF, MHTML, HTML and WARC, each with the hash and size the manifest states', () => {
    const { manifest } = result;
    assert.deepEqual(manifest.artifacts.map((artifact) => artifact.role).sort(), ['html', 'mhtml', 'pdf', 'screenshot', 'warc']);
    for (const artifact of manifest.artifacts) {
      const bytes = readFileSync(join(dir, 'out', artifact.fileName));
      assert.equal(artifact.sha256, sha256(bytes), artifact.fileName);
      assert.equal(artifact.size, bytes.length, artifact.fileName);
    }
    assert.deepEqual([...readFileSync(result.files.screenshot).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(readFileSync(result.files.pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    const mhtml = readFileSync(result.files.mhtml, 'utf8');
    assert.match(mhtml, /multipart\/related/);
    assert.match(mhtml, /A fictional post/);
    assert.match(readFileSync(result.files.html, 'utf8'), /<title>Fictional post by Account Example<\/title>/);
    assert.deepEqual(JSON.parse(readFileSync(result.manifestPath, 'utf8')), manifest);
  });

  it('records what was asked, what came back and with which tool', () => {
    const { manifest } = result;
    assert.equal(manifest.url, `${base}/start`);
    assert.equal(manifest.finalUrl, `${base}/post`);
    assert.equal(manifest.status, 200);
    assert.equal(manifest.responseHeaders['x-test-header'], 'fictional');
    assert.deepEqual(manifest.redirects, [{ url: `${base}/start`, status: 302 }]);
    assert.equal(manifest.serverAddress?.ipAddress, '127.0.0.1');
    assert.equal(manifest.tls, undefined, 'plain http');
    assert.match(manifest.userAgent, /Chrome\//);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(manifest.tool.version, version);
    assert.match(manifest.tool.browser, /^Chromium \d+\./);
    assert.ok(manifest.captureStart <= manifest.captureEnd);
    assert.match(manifest.captureStart, /Z$/);
  });

  it('writes a WARC holding the redirect, the page, its stylesheet and its image, whose digests hold', async () => {
    const archive = await readWebArchive(result.files.warc);
    assert.deepEqual(archive.problems, []);
    const responses = archive.records.filter((record) => record.type === 'response');
    const byUri = new Map(responses.map((record) => [record.targetUri, record]));
    for (const path of ['/start', '/post', '/style.css', '/pixel.png']) assert.ok(byUri.has(`${base}${path}`), `a response for ${path}`);
    assert.equal(archive.records.filter((record) => record.type === 'request').length, responses.length);
    assert.equal(archive.records[0]!.type, 'warcinfo');
    for (const record of archive.records) assert.equal(record.blockCheck, 'ok', `${record.type} ${record.targetUri}`);
    for (const record of responses) assert.equal(record.payloadCheck, 'ok', `${record.targetUri}`);
    assert.equal(byUri.get(`${base}/pixel.png`)!.payloadDigest, `sha256:${sha256(PIXEL)}`);
    assert.equal(byUri.get(`${base}/style.css`)!.payloadDigest, `sha256:${sha256(Buffer.from(CSS))}`);
    assert.equal(byUri.get(`${base}/post`)!.payloadDigest, `sha256:${sha256(Buffer.from(PAGE))}`);
  });

  it('signs the manifest: the signature holds for the signer\'s key, and fails when anything is altered', () => {
    const { manifest } = result;
    assert.equal(manifest.signature.keyId, 'test-key');
    assert.equal(verifyCaptureManifest(manifest, publicKey), true);
    assert.equal(verifyCaptureManifest(manifest, manifest.signature.publicKey!), true, 'the key it carries, as SPKI base64');
    const altered: CaptureManifest[] = [
      { ...manifest, finalUrl: `${base}/elsewhere` },
      { ...manifest, artifacts: manifest.artifacts.map((artifact, index) => (index === 0 ? { ...artifact, sha256: '0'.repeat(64) } : artifact)) },
      { ...manifest, captureStart: '2020-01-01T00:00:00.000Z' },
    ];
    for (const manifestAltered of altered) assert.equal(verifyCaptureManifest(manifestAltered, publicKey), false);
    assert.equal(verifyCaptureManifest(manifest, generateKeyPairSync('ed25519').publicKey), false, 'another key');
  });

  it('never replaces the files of an earlier capture', async () => {
    await assert.rejects(
      captureUrl(`${base}/post`, { outDir: join(dir, 'out'), signer: ed25519Signer({ privateKey, keyId: 'test-key' }) }),
      /out already holds manifest\.json, screenshot\.png, page\.pdf, page\.mhtml, page\.html, responses\.warc\.gz: a capture never replaces files/,
    );
    assert.equal(readFileSync(result.manifestPath, 'utf8'), `${JSON.stringify(result.manifest, null, 2)}\n`);
  });

  it('refuses a URL that is not http or https, naming it', async () => {
    await assert.rejects(
      captureUrl('file:///etc/passwd', { outDir: join(dir, 'refused'), signer: ed25519Signer({ privateKey, keyId: 'test-key' }) }),
      /only http and https pages can be captured, not 'file:'/,
    );
  });
});

describe('captureUrl without a browser', () => {
  it('says where it looked for Chromium and how to install it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imketen-capture-'));
    try {
      const { privateKey } = generateKeyPairSync('ed25519');
      await assert.rejects(
        captureUrl('http://127.0.0.1:9/', { outDir: dir, signer: ed25519Signer({ privateKey, keyId: 'k' }), chromiumPath: join(dir, 'no-chromium') }),
        { message: `no Chromium at ${join(dir, 'no-chromium')}: install Debian's with 'apt-get install chromium' to capture web pages` },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

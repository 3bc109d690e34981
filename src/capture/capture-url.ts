/**
 * Captures a web page as the Berkeley Protocol asks of preservation: Debian's Chromium (driven by playwright-core,
 * never a downloaded browser) loads the page, and imketen keeps a full-page screenshot, the page as PDF, an MHTML
 * snapshot, the HTML of the rendered page, and a WARC of every HTTP response the browser received; each file
 * hashed, all of it described in a signed manifest (manifest.ts) written beside them as `manifest.json`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Request, type Response } from 'playwright-core';
import { ImketenError } from '../domain/errors.js';
import { signManifest, type ArtifactRole, type CaptureArtifact, type CaptureManifest, type CaptureSigner } from './manifest.js';
import { WarcFile } from './warc-file.js';
import type { HttpExchange } from './warc-write.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface CaptureOptions {
  /** Created if missing; the artifacts and manifest.json are written into it. */
  outDir: string;
  signer: CaptureSigner;
  chromiumPath?: string;
  /** For loading the page (and, separately, for waiting until the network is idle). Default 60 s. */
  timeoutMs?: number;
  /** Asked for every request the page makes; a request it refuses is aborted (the API's SSRF check, capture-target.ts). */
  allowRequest?: (url: string) => Promise<boolean>;
}

export interface CaptureResult {
  manifest: CaptureManifest;
  manifestPath: string;
  /** The artifacts with their full paths. */
  files: Record<ArtifactRole, string>;
}

export const ARTIFACT_FILES: Record<ArtifactRole, { fileName: string; mediaType: string }> = {
  screenshot: { fileName: 'screenshot.png', mediaType: 'image/png' },
  pdf: { fileName: 'page.pdf', mediaType: 'application/pdf' },
  mhtml: { fileName: 'page.mhtml', mediaType: 'multipart/related' },
  html: { fileName: 'page.html', mediaType: 'text/html' },
  warc: { fileName: 'responses.warc.gz', mediaType: 'application/warc' },
};

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

async function imketenVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** One exchange of the page, its body read as soon as the response arrives (it may be gone once the page closes). */
async function toExchange(request: Request, response: Response): Promise<HttpExchange> {
  const date = new Date().toISOString();
  const [requestHeaders, responseHeaders, responseBody, server] = await Promise.all([
    request.headersArray(), response.headersArray(),
    response.body().catch(() => undefined), // redirects and aborted loads have no body
    response.serverAddr().catch(() => null),
  ]);
  return {
    url: response.url(), date, method: request.method(), requestHeaders, ...(server ? { ipAddress: server.ipAddress } : {}),
    ...(request.postDataBuffer() ? { requestBody: request.postDataBuffer()! } : {}),
    status: response.status(), statusText: response.statusText(), responseHeaders,
    responseBody: response.status() >= 300 && response.status() < 400 ? Buffer.alloc(0) : responseBody,
  };
}

export async function captureUrl(url: string, options: CaptureOptions): Promise<CaptureResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ImketenError('INVALID_INPUT', `'${url}' is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new ImketenError('INVALID_INPUT', `only http and https pages can be captured, not '${target.protocol}' (${url})`);
  }
  const timeout = options.timeoutMs ?? 60_000;
  await mkdir(options.outDir, { recursive: true });
  const taken = ['manifest.json', ...Object.values(ARTIFACT_FILES).map((file) => file.fileName)].filter((name) => existsSync(join(options.outDir, name)));
  if (taken.length > 0) {
    throw new ImketenError('INVALID_INPUT', `${options.outDir} already holds ${taken.join(', ')}: a capture never replaces files, choose an empty directory`);
  }
  const version = await imketenVersion();
  const executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new ImketenError('CONFIG_INVALID', `no Chromium at ${executablePath}: install Debian's with 'apt-get install chromium' to capture web pages`);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  let warc: WarcFile | undefined;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: false });
    const allowRequest = options.allowRequest;
    // Redirects are followed inside Chromium without asking the route handler: a redirect to a refused address is
    // noticed from the request it makes, and then the whole capture is refused, so nothing it returned is kept.
    const redirectChecks: Promise<string | undefined>[] = [];
    if (allowRequest) {
      await context.route('**/*', async (route) => {
        if (await allowRequest(route.request().url())) await route.continue();
        else await route.abort('blockedbyclient');
      });
    }
    const page = await context.newPage();
    if (allowRequest) {
      page.on('request', (request) => {
        if (request.redirectedFrom()) redirectChecks.push(allowRequest(request.url()).then((allowed) => (allowed ? undefined : request.url())));
      });
    }
    const userAgent = await page.evaluate('navigator.userAgent') as string;
    const captureStart = new Date().toISOString();
    const warcPath = join(options.outDir, ARTIFACT_FILES.warc.fileName);
    warc = await WarcFile.create(warcPath, ARTIFACT_FILES.warc.fileName, captureStart, {
      software: `imketen/${version} (Chromium ${browser.version()}; playwright-core)`,
      format: 'WARC File Format 1.1', conformsTo: 'http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      'http-header-user-agent': userAgent,
    });
    page.on('response', (response) => warc!.add(toExchange(response.request(), response)));
    const main = await page.goto(target.href, { waitUntil: 'load', timeout }).catch((error: Error) => {
      throw new ImketenError('INVALID_INPUT', `the page ${url} could not be loaded: ${error.message.split('\n')[0]}`);
    });
    if (!main) throw new ImketenError('INVALID_INPUT', `the page ${url} gave no response`);
    // Late requests (scripts, lazy images) are preserved if they finish while the network settles; a page that never
    // settles is captured as it stands at the timeout.
    await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    const { data: mhtml } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' }) as { data: string };
    const html = await page.content();
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    const pdf = await page.pdf({ printBackground: true });
    const captureEnd = new Date().toISOString();
    const mainHeaders = await main.allHeaders();
    const finalUrl = page.url();
    const serverAddress = await main.serverAddr();
    const security = await main.securityDetails();
    const redirects: { url: string; status: number }[] = [];
    for (let request = main.request().redirectedFrom(); request; request = request.redirectedFrom()) {
      const response = await request.response();
      redirects.unshift({ url: request.url(), status: response?.status() ?? 0 });
    }
    page.removeAllListeners('response');
    const refusedRedirect = (await Promise.all(redirectChecks)).find((target) => target !== undefined);
    if (refusedRedirect) throw new ImketenError('INVALID_INPUT', `the page ${url} redirected to ${refusedRedirect}, an address captures may not reach: nothing was kept`);
    const warcDigest = await warc.finish(); // every body read before the page goes
    await context.close();

    const contents: Record<Exclude<ArtifactRole, 'warc'>, Buffer> = {
      screenshot, pdf, mhtml: Buffer.from(mhtml, 'utf8'), html: Buffer.from(html, 'utf8'),
    };
    const artifacts: CaptureArtifact[] = [];
    const files = { warc: warcPath } as Record<ArtifactRole, string>;
    for (const role of Object.keys(ARTIFACT_FILES) as ArtifactRole[]) {
      const { fileName, mediaType } = ARTIFACT_FILES[role];
      if (role === 'warc') {
        artifacts.push({ role, fileName, ...warcDigest, mediaType });
        continue;
      }
      files[role] = join(options.outDir, fileName);
      await writeFile(files[role], contents[role], { flag: 'wx' });
      artifacts.push({ role, fileName, sha256: createHash('sha256').update(contents[role]).digest('hex'), size: contents[role].length, mediaType });
    }
    const manifest = signManifest({
      manifestVersion: 1, url, finalUrl, captureStart, captureEnd, status: main.status(), responseHeaders: mainHeaders,
      ...(serverAddress ? { serverAddress } : {}), ...(security && Object.keys(security).length > 0 ? { tls: security } : {}), redirects, userAgent,
      tool: { name: 'imketen', version, browser: `Chromium ${browser.version()}` }, artifacts,
    }, options.signer);
    const manifestPath = join(options.outDir, 'manifest.json');
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    return { manifest, manifestPath, files };
  } finally {
    await warc?.abandon();
    await browser.close();
  }
}

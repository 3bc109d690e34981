/**
 * The browser tests' world: the real server (buildServer, listening on 127.0.0.1 on a free port) on a fresh
 * embedded store with the demo registry and the demo accounts, the built web app, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). One store and one server per test file; a fresh browser context
 * per test. Without /usr/bin/chromium the tests say so and skip, except under CI=true, where they must run.
 */
import { generateKeyPairSync } from 'node:crypto';
import { ed25519Signer } from '../../src/capture/manifest.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, loadDemoAccountsIfEmpty } from '../../src/accounts/demo-accounts.js';
import { DEFAULT_LOGIN_LIMITS } from '../../src/accounts/login-throttle.js';
import { demoJsonLines } from '../../src/demo/generate-demo.js';
import { importEvents } from '../../src/import/import-events.js';
import { streamSource } from '../../src/import/sources.js';
import { loadPolicy } from '../../src/policy/policy.js';
import { buildServer } from '../../src/server/build-server.js';
import { testServerConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { WEB_DIST } from '../../src/server/web/web-app.js';
import { openDiskFileStore } from '../../src/store/file-store/disk-file-store.js';
import { TEST_ENGINES, type TestStore } from '../../src/store/testing/test-stores.js';

export const CHROMIUM = '/usr/bin/chromium';

/** The reason to skip the browser tests here, or false to run them (always under CI). */
export const browserSkip: string | false = existsSync(CHROMIUM) || process.env.CI === 'true'
  ? false
  : `no Chromium at ${CHROMIUM}: install it with 'apt-get install chromium' to run the browser tests (CI always runs them)`;

/** "Today" for the browser tests: after the demo's horizon, as on the demo's reference day. */
export const NOW = new Date('2026-11-28T10:00:00.000Z');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export const DEMO_USERS = {
  police: 'tim.demo', prosecutor: 'om.demo', 'ind-1f': 'ind.demo', dtv: 'dtv.demo', ministry: 'ministerie.demo', admin: 'beheer.demo', auditor: 'toezicht.demo',
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export interface World {
  url: string;
  app: App;
  store: TestStore;
  browser: Browser;
  /** A fresh browser context (no cookies, Dutch, a laptop screen) and a page in it. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in through the sign-in page as the role's demo account and waits for the home page. */
  signIn(page: Page, role: DemoRole): Promise<void>;
  close(): Promise<void>;
}

/** `capture.allow`: the addresses captures over the API may reach (a page server of the test on loopback). */
export async function startWorld(options: { capture?: { allow: string[] } } = {}): Promise<World> {
  ensureWebBuilt();
  const store = await TEST_ENGINES[0]!.open();
  const now = () => new Date(NOW);
  await importEvents(store.db, [streamSource('demo', Readable.from(demoJsonLines({ scale: 1 })))], { now });
  const policy = loadPolicy();
  await loadDemoAccountsIfEmpty(store.db, policy, now());
  // The evidence files of this world: a disk file store in a temporary directory, removed on close.
  const filesDir = mkdtempSync(join(tmpdir(), 'imketen-e2e-files-'));
  const files = { store: await openDiskFileStore(filesDir), uploadLimit: 16 * 1024 * 1024 };
  const config = testServerConfig({
    login: { ...DEFAULT_LOGIN_LIMITS, accountFreeAttempts: 1000, addressFreeAttempts: 1000 },
    ...(options.capture ? { capture: { allow: options.capture.allow, timeoutSeconds: 60 } } : {}),
  });
  // Captures asked for in the browser sign their manifests with a key of this world.
  const captureSigner = ed25519Signer({ privateKey: generateKeyPairSync('ed25519').privateKey, keyId: 'e2e-world' });
  const deps = { db: store.db, config, policy, now, files, captureSigner };
  const app = await buildServer(deps);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  // playwright-core gives the browser a fresh, temporary user-data directory of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  return {
    url, app, store, browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: url, locale: options.locale ?? 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true,
        viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
      });
      // Generous: the machine may be busy, and the embedded database answers one query at a time.
      context.setDefaultTimeout(45_000);
      return { context, page: await context.newPage() };
    },
    async signIn(page, role) {
      await page.goto('/login');
      await page.locator('#username').fill(DEMO_USERS[role]);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.locator('form button[type="submit"]').click();
      // The sign-in page has an h1 as well: wait for what only a signed-in page has, the main navigation.
      await page.locator('header nav').waitFor();
      await page.locator('main h1').first().waitFor();
      await settled(page);
    },
    async close() {
      await browser.close();
      await app.close();
      await store.dispose();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page has loaded its data: no request in flight and no progress indicator left (a locator, which
 * the app's Content-Security-Policy allows, unlike a string predicate to page.waitForFunction, which is polled with
 * eval; a function predicate is not).
 *
 * It cannot tell a state that is still coming: after a click in the app (no document load, so "networkidle" holds at
 * once) the page may not have rendered the navigation yet, and a list that reloads keeps its old rows, with no
 * indicator, until the new ones arrive. Before reading what a click changed, wait for something only the new state
 * shows (its heading, its count, a row that leaves).
 */
export async function settled(page: Page, timeoutMs = 45_000): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.MuiCircularProgress-root').first().waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Builds the web app when web/dist is missing or older than a source file (npm test builds it first). */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const source = join(WEB_DIST, '..', 'src');
  if (existsSync(index) && newest(source) <= statSync(index).mtimeMs) return;
  const lock = join(WEB_DIST, '..', '.build-lock');
  try {
    mkdirSync(lock);
  } catch {
    // Another test file is building it: wait for that build.
    const until = Date.now() + 180_000;
    while (existsSync(lock) && Date.now() < until) spawnSync('sleep', ['0.5']);
    return;
  }
  try {
    const result = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('building the web app failed (npm run build:web)');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    latest = Math.max(latest, info.isDirectory() ? newest(path) : info.mtimeMs);
  }
  return latest;
}

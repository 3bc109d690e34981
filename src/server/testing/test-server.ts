/**
 * A server on a fresh test store for API tests: the policy from config/policy.json (or overridden), a settable
 * clock, and helpers to sign in as a role and call the API through `inject`.
 */
import type { LightMyRequestResponse } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { ed25519Signer } from '../../capture/manifest.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDiskFileStore } from '../../store/file-store/disk-file-store.js';
import type { FileStore } from '../../store/file-store/file-store.js';
import { createAccount } from '../../accounts/accounts.js';
import { issueToken } from '../../accounts/api-tokens.js';
import { loadPolicy, type Policy, type PolicyOverrides } from '../../policy/policy.js';
import type { TestEngine, TestStore } from '../../store/testing/test-stores.js';
import { buildServer } from '../build-server.js';
import { testServerConfig, type ServerConfig } from '../config.js';
import type { App } from '../context.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestServer {
  app: App;
  store: TestStore;
  policy: Policy;
  /** The evidence file store (a temporary directory unless given). */
  files: FileStore;
  clock: { now: Date };
  /** Creates an account for the role (username = role) and signs in; returns the client. */
  signIn(role: string, username?: string): Promise<Client>;
  /** Issues an API token for the role. */
  token(role: string): Promise<{ client: Client; id: number; token: string }>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  cookie?: string;
  csrfToken?: string;
  bearer?: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function startTestServer(
  engine: TestEngine, options: { config?: Partial<ServerConfig>; policy?: PolicyOverrides; now?: Date; files?: FileStore; uploadLimit?: number; analysisKey?: Buffer; followChanges?: boolean } = {},
): Promise<TestServer> {
  const store = await engine.open();
  const policy = loadPolicy(undefined, options.policy);
  const clock = { now: options.now ?? new Date('2026-06-15T10:00:00.000Z') };
  const fileDir = await mkdtemp(join(tmpdir(), 'imketen-test-files-'));
  const fileStore = options.files ?? await openDiskFileStore(fileDir);
  const files = { store: fileStore, uploadLimit: options.uploadLimit ?? 64 * 1024 * 1024 };
  // Captures over the API sign their manifests; a test server has a fresh key of its own.
  const captureSigner = ed25519Signer({ privateKey: generateKeyPairSync('ed25519').privateKey, keyId: 'test-server' });
  const app = await buildServer({
    db: store.db, config: testServerConfig(options.config), policy, now: () => clock.now, files, captureSigner,
    ...(options.analysisKey ? { analysisKey: options.analysisKey } : {}), ...(options.followChanges ? { followChanges: true } : {}),
  });
  const client = (auth: { cookie?: string; csrfToken?: string; bearer?: string }): Client => ({
    ...auth,
    request(method, url, body, headers = {}) {
      const all: Record<string, string> = { ...headers };
      if (auth.cookie) all.cookie = auth.cookie;
      if (auth.bearer) all.authorization = `Bearer ${auth.bearer}`;
      if (auth.csrfToken && !('x-csrf-token' in all)) all['x-csrf-token'] = auth.csrfToken;
      return app.inject({ method: method as 'GET', url, payload: body as string | object | undefined, headers: all });
    },
  });
  const anonymous = client({});
  return {
    app, store, policy, clock, anonymous, files: fileStore,
    async signIn(role, username = role.replace(/[^a-z0-9]/g, '')) {
      await createAccount(store.db, policy, { username, displayName: `Test ${role}`, role, password: TEST_PASSWORD }, clock.now).catch((error: Error) => {
        if (!/already exists/.test(error.message)) throw error;
      });
      const response = await anonymous.request('POST', '/api/session', { username, password: TEST_PASSWORD });
      if (response.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookie(response);
      return client({ cookie, csrfToken: response.json<{ csrfToken: string }>().csrfToken });
    },
    async token(role) {
      const issued = await issueToken(store.db, policy, { name: `test-${role}`, role }, undefined, clock.now);
      return { client: client({ bearer: issued.token }), id: issued.apiToken.id, token: issued.token };
    },
    async close() {
      await app.close();
      await store.dispose();
      await fileStore.close();
      await rm(fileDir, { recursive: true, force: true });
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'imketen_session');
  if (!cookie) throw new Error('no session cookie in the response');
  return `imketen_session=${cookie.value}`;
}

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) started in the test on loopback: the
 * full authorization-code flow with PKCE, driven by fetch through the provider's login and consent forms.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Provider from 'oidc-provider';
import { createAccount } from '../accounts/accounts.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const REDIRECT = 'http://127.0.0.1:9/api/auth/oidc/callback';
const USERS: Record<string, Record<string, string>> = {
  'om-7': { preferred_username: 'om.sso', name: 'Olga Officier', imketen_role: 'prosecutor' },
  'stranger-1': { preferred_username: 'stranger', name: 'No Role' },
  'linked-9': { preferred_username: 'linked', name: 'Linked Lena' },
};

/** A minimal cookie jar for one browser. */
class Browser {
  private readonly cookies = new Map<string, string>();
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return response;
  }
}

describe('single sign-on with OpenID Connect', () => {
  let providerServer: Server;
  let issuer: string;
  let server: TestServer;

  before(async () => {
    providerServer = createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'imketen', client_secret: 'imketen-test-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
      pkce: { required: () => true },
      conformIdTokenClaims: false,
      claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'imketen_role'] },
      cookies: { keys: ['oidc-test-cookie-key'] },
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...USERS[sub] }) }),
    });
    providerServer.on('request', provider.callback());
    server = await startTestServer(TEST_ENGINES[0]!, {
      now: new Date(),
      config: { oidc: { issuer, clientId: 'imketen', clientSecret: 'imketen-test-secret', redirectUri: REDIRECT, roleClaim: 'imketen_role', provisionFromClaim: true, allowInsecure: true } },
    });
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  /** Runs the browser side: imketen → provider login → consent → back to imketen's callback. */
  async function signInAs(subject: string, accept = 'application/json') {
    const start = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    assert.equal(start.statusCode, 302, start.body);
    const pending = start.cookies.find((cookie) => cookie.name === 'imketen_oidc')!;
    const browser = new Browser();
    let location = start.headers.location as string;
    assert.ok(location.startsWith(`${issuer}/auth?`), location);
    assert.match(location, /code_challenge_method=S256/);
    for (let step = 0; step < 12; step += 1) {
      if (location.startsWith(REDIRECT)) break;
      const page = await browser.get(new URL(location, issuer).href);
      if (page.status >= 300 && page.status < 400) { location = page.headers.get('location')!; continue; }
      const html = await page.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      assert.ok(action, `no form at ${location}: ${html.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
        const name = /name="([^"]+)"/.exec(tag)?.[1];
        if (name) fields.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? '');
      }
      if (fields.has('login')) { fields.set('login', subject); fields.set('password', 'any'); }
      const posted = await browser.get(new URL(action, issuer).href, { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      location = posted.headers.get('location')!;
      assert.ok(location, `the provider answered ${posted.status} without a redirect`);
    }
    assert.ok(location.startsWith(REDIRECT), `never came back to imketen: ${location}`);
    const callback = new URL(location);
    return server.app.inject({ method: 'GET', url: `/api/auth/oidc/callback${callback.search}`, headers: { cookie: `imketen_oidc=${pending.value}`, accept } });
  }

  test('signs a partner user in through the provider and provisions the account from the role claim', async () => {
    const response = await signInAs('om-7');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ principal: { username: string; role: string; organisation: string } }>();
    assert.equal(body.principal.role, 'prosecutor');
    assert.equal(body.principal.organisation, 'OM');
    assert.equal(body.principal.username, 'sso.om.sso');
    const session = response.cookies.find((cookie) => cookie.name === 'imketen_session')!;
    assert.equal(session.httpOnly, true);
    const me = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `imketen_session=${session.value}` } });
    assert.equal(me.statusCode, 200);
    // The second sign-in finds the same account.
    const again = await signInAs('om-7');
    assert.equal(again.json<{ principal: { accountId: number } }>().principal.accountId, me.json<{ principal: { accountId: number } }>().principal.accountId);
  });

  test('an identity linked by an administrator signs in with the role of that account', async () => {
    await createAccount(server.store.db, server.policy, { username: 'lena.dtv', displayName: 'Lena', role: 'dtv', oidcIssuer: issuer, oidcSubject: 'linked-9' }, new Date());
    const response = await signInAs('linked-9');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<{ principal: { username: string; role: string } }>().principal.username, 'lena.dtv');
  });

  test('sends a browser on to the application with its session cookie set', async () => {
    const response = await signInAs('om-7', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, '/');
    const session = response.cookies.find((cookie) => cookie.name === 'imketen_session')!;
    const me = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `imketen_session=${session.value}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ principal: { role: string } }>().principal.role, 'prosecutor');
  });

  test('refuses an identity without an account or a known role', async () => {
    const response = await signInAs('stranger-1');
    assert.equal(response.statusCode, 403);
    assert.match(response.json<{ detail: string }>().detail, /No imketen account is linked to your identity/);
  });

  test('refuses a callback that was not started here (no pending sign-in)', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=forged&state=forged' });
    assert.equal(response.statusCode, 401);
  });
});

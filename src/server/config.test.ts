import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readServerConfig } from './config.js';

describe('server configuration', () => {
  test('has secure defaults: loopback, demo accounts only outside production, responses checked', () => {
    const config = readServerConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.demoAccounts, true);
    assert.equal(config.trustProxy, false);
    assert.equal(config.validateResponses, true);
    assert.deepEqual(config.enableRegimes, []);
    assert.equal(readServerConfig({ NODE_ENV: 'production' }).demoAccounts, false);
  });

  test('never starts with demo accounts in production, whatever the flag says', () => {
    assert.throws(() => readServerConfig({ NODE_ENV: 'production', IMKETEN_DEMO_ACCOUNTS: 'true' }), /never allowed with NODE_ENV=production/);
  });

  test('reads the documented file, with the environment over it, and names a wrong setting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imketen-config-'));
    const file = join(dir, 'server.json');
    writeFileSync(file, JSON.stringify({ port: 9000, demoAccounts: false, policy: { enable: ['bill-1f-sharing'] }, login: { accountFreeAttempts: 3 } }));
    const config = readServerConfig({ IMKETEN_CONFIG: file, IMKETEN_PORT: '9100' });
    assert.equal(config.port, 9100);
    assert.equal(config.demoAccounts, false);
    assert.deepEqual(config.enableRegimes, ['bill-1f-sharing']);
    assert.equal(config.login.accountFreeAttempts, 3);
    assert.equal(config.login.maxAccountDelaySeconds, 60);
    writeFileSync(file, JSON.stringify({ prot: 9000 }));
    assert.throws(() => readServerConfig({ IMKETEN_CONFIG: file }), /invalid.*prot/);
    assert.throws(() => readServerConfig({ IMKETEN_PORT: 'eighty' }), /IMKETEN_PORT must be a whole number/);
    assert.deepEqual(readServerConfig({ IMKETEN_POLICY_ENABLE: 'bill-1f-sharing, other' }).enableRegimes, ['bill-1f-sharing', 'other']);
  });

  test('single sign-on needs a client id and a redirect URI, and no insecure issuer in production', () => {
    assert.throws(() => readServerConfig({ IMKETEN_OIDC_ISSUER: 'https://sso.example' }), /IMKETEN_OIDC_CLIENT_ID/);
    const oidc = readServerConfig({ IMKETEN_OIDC_ISSUER: 'https://sso.example', IMKETEN_OIDC_CLIENT_ID: 'imketen', IMKETEN_OIDC_REDIRECT_URI: 'https://imketen.example/api/auth/oidc/callback' }).oidc;
    assert.equal(oidc?.roleClaim, 'imketen_role');
    assert.equal(oidc?.provisionFromClaim, false);
    assert.throws(() => readServerConfig({
      NODE_ENV: 'production', IMKETEN_OIDC_ISSUER: 'http://sso', IMKETEN_OIDC_CLIENT_ID: 'x', IMKETEN_OIDC_REDIRECT_URI: 'https://x/cb', IMKETEN_OIDC_ALLOW_INSECURE: 'true',
    }), /not allowed with NODE_ENV=production/);
  });
});

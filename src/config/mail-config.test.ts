/** The SMTP settings of the digests (README, "Notifications"): off without a host, complete or refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMailConfig } from './mail-config.js';

const BASE = { IMKETEN_SMTP_HOST: 'smtp.example.org', IMKETEN_SMTP_FROM: 'imketen <no-reply@example.org>', IMKETEN_PUBLIC_URL: 'https://imketen.example.org/' };

describe('the mail settings', () => {
  it('are off without IMKETEN_SMTP_HOST, and have their defaults with one', () => {
    assert.equal(readMailConfig({}), undefined);
    assert.deepEqual(readMailConfig(BASE), { host: 'smtp.example.org', port: 587, secure: false, requireTls: false, from: 'imketen <no-reply@example.org>', publicUrl: 'https://imketen.example.org', sendHour: 7 });
    assert.deepEqual(readMailConfig({ ...BASE, IMKETEN_SMTP_SECURE: 'true', IMKETEN_SMTP_USER: 'u', IMKETEN_SMTP_PASSWORD: 'p', IMKETEN_DIGEST_HOUR: '6' }),
      { host: 'smtp.example.org', port: 465, secure: true, requireTls: false, auth: { user: 'u', pass: 'p' }, from: 'imketen <no-reply@example.org>', publicUrl: 'https://imketen.example.org', sendHour: 6 });
  });

  it('refuse a host without sender or public address, a user without password, and bad numbers', () => {
    assert.throws(() => readMailConfig({ ...BASE, IMKETEN_SMTP_FROM: '' }), /needs IMKETEN_SMTP_FROM/);
    assert.throws(() => readMailConfig({ ...BASE, IMKETEN_PUBLIC_URL: 'imketen.example.org' }), /needs IMKETEN_PUBLIC_URL .*got 'imketen\.example\.org'/);
    assert.throws(() => readMailConfig({ ...BASE, IMKETEN_SMTP_USER: 'u' }), /needs IMKETEN_SMTP_PASSWORD/);
    assert.throws(() => readMailConfig({ ...BASE, IMKETEN_SMTP_PORT: '70000' }), /IMKETEN_SMTP_PORT must be a whole number from 1 to 65535/);
    assert.throws(() => readMailConfig({ ...BASE, IMKETEN_DIGEST_HOUR: '24' }), /IMKETEN_DIGEST_HOUR/);
  });
});

/**
 * Sending the digests in the background (README, "Notifications"): a server with SMTP configured keeps the hourly
 * schedule in pg-boss (stored, so it survives a restart) and works the send-digests job, whose mail arrives at a
 * real SMTP server started by the test; and `imketen notifications send` at the command line.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../accounts/accounts.js';
import { imketen } from '../cli/testing/run-cli.js';
import { ruleConfig } from '../config/rules.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { JobQueue } from '../jobs/job-queue.js';
import { listJobs } from '../jobs/list-jobs.js';
import { loadPolicy } from '../policy/policy.js';
import { openPglite, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { savePreferences } from './preferences.js';
import { startSmtpServer, type TestSmtpServer } from './testing/smtp-server.js';

const policy = loadPolicy();
const MONDAY = new Date('2026-01-12T08:00:00.000Z');

/** A victim waiting for information (the task inbox's scenario, src/operations/list-waiting-work.test.ts). */
async function prepare(db: Db): Promise<void> {
  const f = new EventFactory();
  await importEvents(db, [textSource('scenario.jsonl', jsonl([
    f.event('person/P-V', 'person.registered', '2015-01-01', { names: ['Person P-V'], nationalities: ['SYR'] }),
    f.event('person/P-S', 'person.registered', '2015-01-01', { names: ['Person P-S'], nationalities: ['SYR'] }),
    f.event('criminal/SZ-1', 'criminal.opened', '2024-01-01', { suspect: 'P-S', offences: ['torture'] }),
    f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
  ]))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
  const account = await createAccount(db, policy, { username: 'tim.digest', displayName: 'TIM', role: 'police', password: 'a long enough password' }, MONDAY);
  await savePreferences(db, { kind: 'user', accountId: account.id, username: 'tim.digest', organisation: 'TIM', role: 'police' },
    { enabled: true, frequency: 'daily', kinds: ['victim-information'], language: 'en', email: 'tim.digest@politie.example' }, MONDAY);
}

describe('the digests as a background job and at the command line', () => {
  let smtp: TestSmtpServer;
  before(async () => { smtp = await startSmtpServer(); });
  after(async () => { await smtp?.close(); });

  it('a server with SMTP keeps the hourly schedule and its send-digests job mails the due digests', async () => {
    const store: TestStore = await TEST_ENGINES[0]!.open();
    try {
      await prepare(store.db);
      const notifications = { mail: { host: '127.0.0.1', port: smtp.port, secure: false, requireTls: false, from: 'imketen@imketen.example', publicUrl: 'https://imketen.example', sendHour: 7 }, policy, rules: ruleConfig() };
      const worker = await JobQueue.open(store.db, { work: true, now: () => MONDAY, notifications, pollSeconds: 0.5 });
      try {
        const [schedule] = await store.db.query<{ cron: string; timezone: string }>("SELECT cron, timezone FROM pgboss.schedule WHERE name = 'send-digests'");
        assert.deepEqual(schedule, { cron: '5 * * * *', timezone: 'Europe/Amsterdam' }, 'the schedule is stored with the queue');
        const id = await worker.send('send-digests', {});
        const [mail] = await smtp.waitFor(1);
        assert.equal(mail!.subject, 'imketen: 1 task waits for you');
        assert.deepEqual(mail!.to, ['tim.digest@politie.example']);
        for (;;) {
          const job = (await listJobs(store.db)).find((row) => row.id === id);
          if (job?.state === 'completed') {
            assert.match(job.note!, /^1 digests sent, 0 with nothing waiting/);
            break;
          }
          assert.notEqual(job?.state, 'failed', job?.error ?? '');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await worker.stop();
      }
    } finally {
      await store.dispose();
    }
  });

  it('imketen notifications send: refuses without SMTP, says what a dry run would send, then sends once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imketen-notify-'));
    const dataDir = join(dir, 'data');
    const db = await openPglite(dataDir);
    try {
      await migrate(db);
      await prepare(db);
    } finally {
      await db.close();
    }
    const before = smtp.received.length;
    const env = { IMKETEN_SMTP_HOST: '127.0.0.1', IMKETEN_SMTP_PORT: String(smtp.port), IMKETEN_SMTP_FROM: 'imketen@imketen.example', IMKETEN_PUBLIC_URL: 'https://imketen.example/', IMKETEN_DIGEST_HOUR: '0' };
    try {
      const off = await imketen('--data-dir', dataDir, 'notifications', 'send');
      assert.equal(off.code, 2);
      assert.match(off.stderr, /E-mail is off: set IMKETEN_SMTP_HOST/);
      Object.assign(process.env, env);
      const dry = await imketen('--data-dir', dataDir, 'notifications', 'send', '--dry-run');
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^tim\.digest +daily:\d{4}-\d\d-\d\d +would be sent \(victim-information 1\)\nDry run: nothing was sent or recorded\.\n$/);
      assert.equal(smtp.received.length, before);
      const sent = await imketen('--data-dir', dataDir, 'notifications', 'send');
      assert.equal(sent.code, 0, sent.stderr);
      assert.match(sent.stdout, /^tim\.digest +daily:\S+ +sent \(victim-information 1\)\n$/);
      const mails = await smtp.waitFor(before + 1);
      assert.match(mails[before]!.text, /: https:\/\/imketen\.example\/inbox\n/, 'the public address without its trailing slash');
      const again = await imketen('--data-dir', dataDir, 'notifications', 'send');
      assert.match(again.stdout, /done before for this period/);
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The e-mail digests (README, "Notifications") sent to a real SMTP server that the test starts on 127.0.0.1
 * (./testing/smtp-server.ts, the `smtp-server` package; nodemailer speaks SMTP to it — no transport is mocked):
 * what arrives (counts, links, the user's language, no names or case numbers), that a digest turned off or with
 * nothing waiting sends nothing, that no period gets two digests (also with two senders at once), that the reads
 * are logged as the user's, and that a failed send is tried again. The scenario is the task inbox's own
 * (src/operations/list-waiting-work.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../accounts/accounts.js';
import { queryAccessLog } from '../access-log/access-log.js';
import type { MailConfig } from '../config/mail-config.js';
import { ruleConfig } from '../config/rules.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { listDigests } from '../store/digest-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { savePreferences, type NotificationPreferences } from './preferences.js';
import { DIGEST_PURPOSE, sendDueDigests, type DigestOutcome } from './send-digests.js';
import { startSmtpServer, type TestSmtpServer } from './testing/smtp-server.js';

const policy = loadPolicy();
const SMTP_AUTH = { user: 'imketen', pass: 'smtp test secret' };
const PUBLIC_URL = 'https://imketen.example';
/** Monday 12 January 2026, 09:00 in the Netherlands: the daily digest of that day and the weekly one of 2026-W03 are due. */
const MONDAY = new Date('2026-01-12T08:00:00.000Z');
const TUESDAY = new Date('2026-01-13T08:00:00.000Z');

/** The inbox's scenario: a victim to inform (an overdue notice, and the periodic update due within the notice period) and a hearing to prepare (prosecutor, police), an Article 3 reassessment (DT&V). */
function scenario(): string {
  const f = new EventFactory();
  const person = (id: string, nationality: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [`Person ${id}`], nationalities: [nationality] });
  return jsonl([
    person('P-SYR', 'SYR'), person('P-V', 'SYR'), person('P-S', 'SYR'),
    f.event('departure/DTV-1', 'departure.opened', '2017-02-01', { person: 'P-SYR' }),
    f.event('departure/DTV-1', 'departure.article3-barrier', '2024-06-01', { present: true }),
    f.event('criminal/SZ-1', 'criminal.opened', '2024-01-01', { suspect: 'P-S', offences: ['torture'] }),
    f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
    f.event('criminal/SZ-1', 'criminal.victim-informed', '2025-07-20', { victim: 'P-V', about: 'stand van het onderzoek' }),
    f.event('criminal/SZ-1', 'criminal.indicted', '2025-12-01', { court: 'Rechtbank Den Haag' }),
    f.event('criminal/SZ-1', 'criminal.hearing-scheduled', '2025-12-02', { date: '2026-02-20', court: 'Rechtbank Den Haag' }),
  ]);
}

/** What must never be in a digest: the names, person ids and case numbers of the scenario. */
const CASE_DETAILS = ['Person', 'P-V', 'P-S', 'P-SYR', 'SZ-1', 'DTV-1', 'Rechtbank', 'Den Haag'];

function mailConfig(smtp: TestSmtpServer, auth = SMTP_AUTH): MailConfig {
  return { host: '127.0.0.1', port: smtp.port, secure: false, requireTls: false, auth, from: 'imketen <no-reply@imketen.example>', publicUrl: PUBLIC_URL, sendHour: 7 };
}

for (const engine of TEST_ENGINES) {
  describe(`e-mail digests over SMTP (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    let smtp: TestSmtpServer;
    const users = new Map<string, Principal>();
    const send = (now: Date, extra: { by?: string; dryRun?: boolean; mail?: MailConfig } = {}) => sendDueDigests(store.db, {
      mail: extra.mail ?? mailConfig(smtp), policy, rules: ruleConfig(), now: () => now, by: extra.by ?? 'test', ...(extra.dryRun ? { dryRun: true } : {}),
    });
    const outcomeOf = (outcomes: DigestOutcome[], username: string) => outcomes.find((outcome) => outcome.username === username);

    before(async () => {
      store = await engine.open();
      smtp = await startSmtpServer({ auth: SMTP_AUTH });
      await importEvents(store.db, [textSource('scenario.jsonl', scenario())], { now: () => new Date('2026-01-10T00:00:00.000Z') });
      const preferences: [string, string, Partial<NotificationPreferences> | null][] = [
        ['om.digest', 'prosecutor', { enabled: true, frequency: 'daily', language: 'nl', email: 'om.digest@om.example' }],
        ['dtv.digest', 'dtv', { enabled: true, frequency: 'weekly', language: 'en', email: 'dtv.digest@dtv.example' }],
        // the ministry has no case work: its digest is on, and yet no mail comes
        ['min.digest', 'ministry', { enabled: true, frequency: 'daily', language: 'nl', email: 'min.digest@min.example' }],
        // the police have victims waiting, but turned the digest off
        ['tim.digest', 'police', { enabled: false, frequency: 'daily', language: 'nl', email: 'tim.digest@politie.example' }],
        // a second prosecutor wants only the hearings
        ['om.hearings', 'prosecutor', { enabled: true, frequency: 'daily', language: 'en', email: 'om.hearings@om.example', kinds: ['hearing'] }],
      ];
      for (const [username, role, chosen] of preferences) {
        const account = await createAccount(store.db, policy, { username, displayName: username, role, password: 'a long enough password' }, MONDAY);
        const principal: Principal = { kind: 'user', accountId: account.id, username, organisation: account.organisation, role };
        users.set(username, principal);
        await savePreferences(store.db, principal, { enabled: false, frequency: 'daily', language: 'nl', email: null, kinds: ['victim-information', 'article3-reassessment', 'hearing', 'screening-hit', 'cross-reference', 'authorisation-expiring'], ...chosen }, MONDAY);
      }
    });
    after(async () => {
      await smtp?.close();
      await store?.dispose();
    });

    it('sends each user who asked a digest of counts and links in their language, and nothing to a user with the digest off or nothing waiting', async () => {
      const outcomes = await send(MONDAY);
      assert.deepEqual(outcomes.map((outcome) => [outcome.username, outcome.period, outcome.status]).sort(), [
        ['dtv.digest', 'weekly:2026-W03', 'sent'],
        ['min.digest', 'daily:2026-01-12', 'empty'],
        ['om.digest', 'daily:2026-01-12', 'sent'],
        ['om.hearings', 'daily:2026-01-12', 'sent'],
      ], 'tim.digest turned it off');
      const mails = await smtp.waitFor(3);
      assert.equal(mails.length, 3);
      const to = (address: string) => mails.find((mail) => mail.to.includes(address))!;

      const om = to('om.digest@om.example');
      assert.equal(om.from, 'no-reply@imketen.example');
      assert.equal(om.subject, 'imketen: 3 taken wachten op u');
      assert.equal(om.headers.get('content-language'), 'nl');
      assert.match(om.text, /^Goedemorgen om\.digest,/);
      assert.match(om.text, /- Slachtoffers te informeren: 2 \(waarvan 1 over tijd\)\n- Zittingen voor te bereiden: 1\n\nNaar uw takenlijst in imketen: https:\/\/imketen\.example\/inbox\n/);
      assert.match(om.text, /noemt bewust geen namen, zaaknummers/);
      assert.match(om.text, /Deze samenvatting wijzigen of stopzetten: https:\/\/imketen\.example\/settings\/notifications/);
      assert.match(om.html, /<html lang="nl">/);
      assert.match(om.html, /<li>Slachtoffers te informeren: <strong>2<\/strong> \(waarvan 1 over tijd\)<\/li>/);
      assert.match(om.html, /<a href="https:\/\/imketen\.example\/inbox">Naar uw takenlijst in imketen<\/a>/);

      const dtv = to('dtv.digest@dtv.example');
      assert.equal(dtv.subject, 'imketen: 1 task waits for you');
      assert.match(dtv.text, /this waits for you in imketen this week:/);
      assert.match(dtv.text, /- Article 3 barriers to reassess: 1 \(1 of them overdue\)\n\nOpen your task inbox in imketen: https:\/\/imketen\.example\/inbox\n/);
      assert.match(dtv.html, /<html lang="en">/);

      const hearings = to('om.hearings@om.example');
      assert.equal(hearings.subject, 'imketen: 1 task waits for you', 'only the kind chosen');
      assert.doesNotMatch(hearings.text, /Victims/);

      for (const mail of mails) {
        for (const detail of CASE_DETAILS) {
          assert.ok(!mail.text.includes(detail) && !mail.html.includes(detail) && !mail.subject.includes(detail), `${mail.to[0]}: no ${detail} in the e-mail`);
        }
      }

      const digests = await listDigests(store.db);
      const sent = digests.find((digest) => digest.accountId === users.get('om.digest')!.accountId)!;
      assert.deepEqual([sent.status, sent.recipient, sent.language, sent.counts], ['sent', 'om.digest@om.example', 'nl', { 'victim-information': 2, 'victim-information:overdue': 1, hearing: 1, 'hearing:overdue': 0 }]);
      assert.equal(digests.find((digest) => digest.accountId === users.get('min.digest')!.accountId)!.status, 'empty');

      const reads = await queryAccessLog(store.db, { username: 'om.digest', limit: 100 });
      assert.ok(reads.length > 0 && reads.every((row) => row.purpose === DIGEST_PURPOSE && row.outcome === 'allowed'), 'the reads are logged as the user\'s, with the digest as purpose');
      assert.ok(reads.some((row) => row.resource === 'inbox:victims' && row.persons.includes('P-V')));
      assert.equal((await queryAccessLog(store.db, { username: 'tim.digest', limit: 100 })).length, 0, 'nothing is read for a user with the digest off');
    });

    it('never sends a second digest for the same period, also with two senders at once', async () => {
      const again = await send(MONDAY);
      assert.ok(again.every((outcome) => outcome.status === 'already-done'), JSON.stringify(again));
      const [first, second] = await Promise.all([send(TUESDAY, { by: 'server-a' }), send(TUESDAY, { by: 'server-b' })]);
      for (const username of ['om.digest', 'om.hearings']) {
        const statuses = [outcomeOf(first!, username)!.status, outcomeOf(second!, username)!.status].sort();
        assert.deepEqual(statuses, ['already-done', 'sent'], `${username}: one sender wins Tuesday's digest`);
      }
      assert.deepEqual([outcomeOf(first!, 'dtv.digest')!.status, outcomeOf(second!, 'dtv.digest')!.status], ['already-done', 'already-done'], 'the weekly digest of the week is sent');
      const mails = await smtp.waitFor(5);
      assert.equal(mails.length, 5, 'Monday 3, Tuesday 2');
      assert.equal(mails.filter((mail) => mail.to.includes('om.digest@om.example')).length, 2);
    });

    it('sends nothing before the send hour, nothing on a dry run, and tries a failed send again', async () => {
      const early = new Date('2026-01-14T05:30:00.000Z'); // 06:30 in the Netherlands
      assert.ok((await send(early)).filter((outcome) => outcome.username !== 'dtv.digest').every((outcome) => outcome.status === 'not-due'));
      const wednesday = new Date('2026-01-14T09:00:00.000Z');
      const dry = await send(wednesday, { dryRun: true });
      assert.deepEqual(outcomeOf(dry, 'om.digest')!.counts, { 'victim-information': { count: 2, overdue: 1 }, hearing: { count: 1, overdue: 0 } });
      assert.equal(outcomeOf(dry, 'om.digest')!.status, 'would-send');
      const refused = await send(wednesday, { mail: mailConfig(smtp, { user: 'imketen', pass: 'wrong' }) });
      assert.equal(outcomeOf(refused, 'om.digest')!.status, 'failed');
      assert.match(outcomeOf(refused, 'om.digest')!.error!, /Invalid username or password|535/);
      assert.equal(smtp.received.length, 5, 'nothing arrived');
      const retried = await send(wednesday);
      assert.equal(outcomeOf(retried, 'om.digest')!.status, 'sent', 'the failed digest was given up and is sent now');
      assert.equal((await smtp.waitFor(7)).length, 7);
    });
  });
}

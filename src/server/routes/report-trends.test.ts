/**
 * The web application's trend figures (GET /api/reports/trends, docs/retention.md "Pseudonymised analysis"), on both
 * engines: they come from the pseudonymised analysis facts, which the server refreshes after every write with no one
 * running a command (src/server/analysis-refresher.ts); they agree with the report's figures from the registry; and
 * after a person and their cases are erased they are unchanged while the identities are gone. A read never writes:
 * a server that does not follow the log answers from the facts as they are.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../../accounts/accounts.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { decideErasure, executeErasure, requestErasure } from '../../operations/erase-data.js';
import { reportTrends } from '../../operations/report-trends.js';
import { readAnalysisRows } from '../../store/analysis-store.js';
import { logPosition, readStream } from '../../store/event-store.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const TODAY = '2026-03-01';
const key = randomBytes(32);
// Fictional persons; what the erasure removes must not come back in any answer.
const NAME = 'Wendelina Trendloos';
const f = new EventFactory();
const EVENTS = [
  f.event('person/P-WT', 'person.registered', '1961-04-09', { names: [NAME], birthDate: '1961-04-09' }),
  f.criminalOpened('SZ-WT', 'P-WT', '2016-01-01'),
  f.event('criminal/SZ-WT', 'criminal.indicted', '2017-03-01', { court: 'Rechtbank Den Haag' }),
  f.event('exclusion/IF-WT', 'exclusion.opened', '2015-01-01', { person: 'P-WT' }),
  f.event('exclusion/IF-WT', 'exclusion.decided', '2018-05-01', { outcome: 'applied', grounds: ['a'], article3Barrier: false }),
  f.event('departure/VT-WT', 'departure.opened', '2018-07-01', { person: 'P-WT', exclusionCase: 'IF-WT' }),
  f.event('departure/VT-WT', 'departure.departed', '2020-09-01', { mode: 'forced' }),
  f.person('P-BL', '1970-01-01', ['Bart Blijvend']),
  f.criminalOpened('SZ-BL', 'P-BL', '2019-06-01'),
];
const ERASE = { streams: ['criminal/SZ-WT', 'departure/VT-WT', 'exclusion/IF-WT', 'person/P-WT'], rule: 'tim-criminal-investigation', legalGround: 'test' };
const FIELDS = ['beforeCourt', 'investigation', 'decisionsApplied', 'decisionsNotApplied', 'departuresForced', 'departuresVoluntarySupervised', 'departuresVoluntaryUnsupervised'] as const;

interface TrendsAnswer { updatedTo: string | null; upToDate: boolean; referenceDates: Record<string, string>; years: ({ year: number } & Record<(typeof FIELDS)[number], number>)[] }

for (const engine of TEST_ENGINES) {
  describe(`trend figures from the analysis facts (${engine.name})`, { skip: engine.skip }, () => {
    let server: TestServer;
    let ministry: Client;
    const trends = async () => {
      const response = await ministry.request('GET', '/api/reports/trends');
      assert.equal(response.statusCode, 200, response.body);
      return response.json<TrendsAnswer>();
    };
    /** Waits until the server's refresher has read the log up to its end now. */
    const followed = async () => server.app.imketenContext.analysis!.until(await logPosition(server.store.db));
    let first: TrendsAnswer;

    before(async () => {
      server = await startTestServer(engine, { now: NOW, analysisKey: key, followChanges: true });
      ministry = await server.signIn('ministry');
      await importEvents(server.store.db, [textSource('trends.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
    });
    after(async () => { await server?.close(); });

    it('follows the registry with no command run, and agrees with the report computed from the registry', async () => {
      await followed();
      first = await trends();
      assert.equal(first.upToDate, true);
      assert.equal(first.updatedTo, '2026-01-10T00:00:00.000Z', 'bijgewerkt tot: the recording time of the last event read');
      assert.equal((await readAnalysisRows(server.store.db)).length, 4);
      const report = await reportTrends(server.store.db, { asOf: { date: TODAY, recordedAt: NOW.toISOString(), recordedAtGiven: false } }, { now: () => NOW });
      assert.deepEqual(first.referenceDates, report.referenceDates);
      assert.equal(first.years.length, report.years.length);
      for (const year of report.years) {
        const mine = first.years.find((item) => item.year === year.year)!;
        for (const field of FIELDS) assert.equal(mine[field], year[field], `${year.year} ${field}`);
      }
      assert.equal(first.years.find((item) => item.year === 2018)!.decisionsApplied, 1);
      assert.equal(first.years.find((item) => item.year === 2020)!.departuresForced, 1);
    });

    it('keeps the figures after an erasure of the person and their cases, while the identities are gone', async () => {
      const a = await createAccount(server.store.db, server.policy, { username: 'beheer.t1', displayName: 'A', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const b = await createAccount(server.store.db, server.policy, { username: 'beheer.t2', displayName: 'B', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const { approval } = await server.store.db.transaction((tx) => requestErasure(tx, ERASE, a.id, NOW));
      await server.store.db.transaction((tx) => decideErasure(tx, server.policy, approval.id, 'approve', b.id, NOW));
      await executeErasure(server.store.db, undefined, approval.id, 'beheer.t2', NOW, key);
      await followed();
      const later = await trends();
      assert.deepEqual(later.years, first.years);
      assert.equal(later.upToDate, true);
      // the identities are gone from the registry, and the registry's own count no longer finds the erased cases
      const person = await readStream(server.store.db, 'person/P-WT');
      assert.ok(!JSON.stringify(person).includes(NAME), 'the name is erased');
      const report = await reportTrends(server.store.db, { asOf: { date: TODAY, recordedAt: new Date().toISOString(), recordedAtGiven: false } }, { now: () => new Date() });
      assert.equal(report.years.find((item) => item.year === 2018)!.decisionsApplied, 0);
      const answer = (await ministry.request('GET', '/api/reports/trends')).body;
      for (const secret of [NAME, 'P-WT', 'SZ-WT', 'IF-WT', 'VT-WT']) assert.ok(!answer.includes(secret), secret);
    });

    it('takes in a later write by itself', async () => {
      await importEvents(server.store.db, [textSource('later.jsonl', jsonl([f.event('criminal/SZ-BL', 'criminal.indicted', '2021-02-01', { court: 'Rechtbank Den Haag' })]))], { now: () => new Date('2026-02-01T00:00:00.000Z') });
      await followed();
      const later = await trends();
      assert.equal(later.updatedTo, '2026-02-01T00:00:00.000Z');
      assert.equal(later.years.find((item) => item.year === 2021)!.beforeCourt, first.years.find((item) => item.year === 2021)!.beforeCourt + 1);
    });
  });

  describe(`trend figures are only read (${engine.name})`, { skip: engine.skip }, () => {
    let server: TestServer;
    before(async () => {
      // a server that does not follow the log: no refresher, so only a read could write the facts
      server = await startTestServer(engine, { now: NOW, analysisKey: key });
      await importEvents(server.store.db, [textSource('trends.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
    });
    after(async () => { await server?.close(); });

    it('answers from the facts as they are and writes none', async () => {
      const ministry = await server.signIn('ministry');
      const response = await ministry.request('GET', '/api/reports/trends');
      assert.equal(response.statusCode, 200, response.body);
      const answer = response.json<TrendsAnswer>();
      assert.equal(answer.updatedTo, null);
      assert.equal(answer.upToDate, false);
      assert.ok(answer.years.every((year) => FIELDS.every((field) => year[field] === 0)));
      assert.deepEqual(await readAnalysisRows(server.store.db), []);
    });
  });
}

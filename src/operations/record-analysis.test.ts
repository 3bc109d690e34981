/**
 * Pseudonymised analysis (docs/retention.md, "Pseudonymised analysis"), on both engines: the trend figures computed
 * from the analysis facts agree with the report's; after a person and their cases are erased, the analysis rows of
 * those cases remain, hold no erased value and no registry id, and the trends from them are unchanged. A refresh that
 * fails before its commit leaves the facts and the position as they were. On the demo registry the trends from the
 * facts are the report's, year by year.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../accounts/accounts.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import { pseudonym } from '../reports/analysis-facts.js';
import { analysisPosition, readAnalysisRows } from '../store/analysis-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { generateDemo } from '../demo/generate-demo.js';
import { decideErasure, executeErasure, requestErasure } from './erase-data.js';
import { analysisTrends, exportAnalysis } from './export-analysis.js';
import { refreshAnalysis } from './record-analysis.js';
import { reportTrends } from './report-trends.js';

const policy = loadPolicy();
const NOW = new Date('2026-03-01T10:00:00.000Z');
const TODAY = '2026-03-01';
const key = randomBytes(32);
// Fictional persons. What the erasure removes must appear nowhere in the analysis data.
const ERASED = ['Ottokar Uitgewist', '1958-02-17', 'Rechtbank Vergeethuizen', 'P-OU', 'SZ-OU', 'IF-OU', 'VT-OU'];
const f = new EventFactory();
const EVENTS = [
  f.event('person/P-OU', 'person.registered', '1958-02-17', { names: [ERASED[0]], birthDate: ERASED[1] }),
  f.criminalOpened('SZ-OU', 'P-OU', '2016-01-01'),
  f.event('criminal/SZ-OU', 'criminal.indicted', '2017-03-01', { court: ERASED[2] }),
  f.event('exclusion/IF-OU', 'exclusion.opened', '2015-01-01', { person: 'P-OU' }),
  f.event('exclusion/IF-OU', 'exclusion.decided', '2018-05-01', { outcome: 'applied', grounds: ['a'], article3Barrier: false }),
  f.event('departure/VT-OU', 'departure.opened', '2018-07-01', { person: 'P-OU', exclusionCase: 'IF-OU' }),
  f.event('departure/VT-OU', 'departure.departed', '2020-09-01', { mode: 'forced' }),
  f.person('P-KEPT', '1970-01-01', ['Karel Blijft']),
  f.criminalOpened('SZ-KEPT', 'P-KEPT', '2019-06-01'),
];
const ERASE = { streams: ['criminal/SZ-OU', 'departure/VT-OU', 'exclusion/IF-OU', 'person/P-OU'], rule: 'tim-criminal-investigation', legalGround: 'test' };
const FIELDS = ['beforeCourt', 'investigation', 'decisionsApplied', 'decisionsNotApplied', 'departuresForced', 'departuresVoluntarySupervised', 'departuresVoluntaryUnsupervised'] as const;

for (const engine of TEST_ENGINES) {
  describe(`pseudonymised analysis (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    let before_: Awaited<ReturnType<typeof analysisTrends>>;
    before(async () => {
      store = await engine.open();
      await importEvents(store.db, [textSource('analysis.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
    });
    after(async () => { await store?.dispose(); });

    it('leaves the facts and the position as they were when a refresh fails before its commit', async () => {
      await assert.rejects(store.db.transaction(async (tx) => {
        assert.equal(await refreshAnalysis(tx, key, NOW), 4);
        throw new Error('the server died mid-refresh');
      }), /died mid-refresh/);
      assert.deepEqual(await readAnalysisRows(store.db), []);
      assert.equal(await analysisPosition(store.db), 0);
    });

    it('records one row per case by pseudonym, and its trends agree with the report', async () => {
      assert.equal(await store.db.transaction((tx) => refreshAnalysis(tx, key, NOW)), 4);
      assert.equal(await store.db.transaction((tx) => refreshAnalysis(tx, key, NOW)), 0, 'nothing changed since');
      const rows = await readAnalysisRows(store.db);
      assert.deepEqual(rows.map((row) => row.kind).sort(), ['criminal', 'criminal', 'departure', 'exclusion']);
      assert.ok(rows.some((row) => row.casePseudonym === pseudonym(key, 'criminal/SZ-OU') && row.personPseudonym === pseudonym(key, 'person/P-OU')));
      before_ = await analysisTrends(store.db, TODAY);
      const report = await reportTrends(store.db, { asOf: { date: TODAY, recordedAt: NOW.toISOString(), recordedAtGiven: false } }, { now: () => NOW });
      for (const year of report.years) {
        const mine = before_.find((item) => item.year === year.year)!;
        for (const field of FIELDS) assert.equal(mine[field], year[field], `${year.year} ${field}`);
      }
      assert.equal(before_.find((item) => item.year === 2018)!.decisionsApplied, 1);
      assert.equal(before_.find((item) => item.year === 2020)!.departuresForced, 1);
      assert.equal(before_.find((item) => item.year === 2019)!.beforeCourt, 1);
    });

    it('keeps the rows of an erased person\'s cases, with no erased value, and the trends unchanged', async () => {
      const first = await createAccount(store.db, policy, { username: 'beheer.a', displayName: 'A', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const second = await createAccount(store.db, policy, { username: 'beheer.b', displayName: 'B', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const { approval } = await store.db.transaction((tx) => requestErasure(tx, ERASE, first.id, NOW));
      await store.db.transaction((tx) => decideErasure(tx, policy, approval.id, 'approve', second.id, NOW));
      await executeErasure(store.db, undefined, approval.id, 'beheer.b', NOW, key);
      const rows = await store.db.transaction((tx) => exportAnalysis(tx, key, NOW));
      assert.equal(rows.length, 4, 'the erased cases keep their analysis rows');
      const text = JSON.stringify(rows);
      for (const value of [...ERASED, 'P-KEPT', 'SZ-KEPT', 'Karel Blijft']) assert.ok(!text.includes(value), `${value} in the analysis data`);
      assert.deepEqual(await analysisTrends(store.db, TODAY), before_);
      // The report itself, computed from the registry, no longer finds the erased case (docs/retention.md).
      const report = await reportTrends(store.db, { asOf: { date: TODAY, recordedAt: new Date().toISOString(), recordedAtGiven: false } }, { now: () => new Date() });
      assert.equal(report.years.find((item) => item.year === 2018)!.decisionsApplied, 0);
    });
  });
}

describe('pseudonymised analysis of the demo registry', () => {
  const engine = TEST_ENGINES[0]!;
  // after the demo's last recording (2026-09-30)
  const DEMO_NOW = new Date('2026-12-01T10:00:00.000Z');
  const DEMO_TODAY = '2026-12-01';
  let store: TestStore;
  before(async () => {
    store = await engine.open();
    await importEvents(store.db, [textSource('demo.jsonl', [...generateDemo({ scale: 1 })].map((event) => JSON.stringify(event)).join('\n'))], { now: () => DEMO_NOW });
  });
  after(async () => { await store?.dispose(); });

  it('gives the same trend figures as the report computed from the registry, every year since 2014', async () => {
    await store.db.transaction((tx) => refreshAnalysis(tx, key, DEMO_NOW));
    const mine = await analysisTrends(store.db, DEMO_TODAY);
    const report = await reportTrends(store.db, { asOf: { date: DEMO_TODAY, recordedAt: DEMO_NOW.toISOString(), recordedAtGiven: false } }, { now: () => DEMO_NOW });
    assert.equal(mine.length, report.years.length);
    assert.ok(report.years.some((year) => year.decisionsApplied > 0 && year.departuresVoluntaryUnsupervised > 0), 'the demo has figures to compare');
    for (const year of report.years) {
      const facts = mine.find((item) => item.year === year.year)!;
      for (const field of FIELDS) assert.equal(facts[field], year[field], `${year.year} ${field}`);
    }
  });
});

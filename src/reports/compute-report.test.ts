import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { EventInput } from '../domain/event.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { computeReport, resolveRequest } from './compute-report.js';
import { createFigureCache } from './figure-cache.js';
import { explainRow } from './explain.js';
import { diffWithPublication, publishReport } from './publish.js';
import type { Report } from './report.js';

const at = (iso: string) => ({ now: () => new Date(iso) });
const LATER = at('2026-11-28T10:00:00.000Z');

function figure(report: Report, table: string, row: string, year: number): number {
  const value = report.tables.find((t) => t.id === table)?.rows.find((r) => r.id === row)?.values[String(year)];
  assert.notEqual(value, undefined, `no figure ${table}.${row} ${year}`);
  return value!;
}

for (const engine of TEST_ENGINES) {
  describe(`the yearly report on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    let f: EventFactory;
    beforeEach(async () => { store = await engine.open(); f = new EventFactory(); });
    afterEach(async () => { await store?.dispose(); });

    const load = (events: EventInput[], now = '2026-01-05T09:00:00.000Z') =>
      importEvents(store.db, [textSource('scenario.jsonl', jsonl(events))], { now: () => new Date(now) });
    const report = (year: number, asRecordedAt?: string) => computeReport(store.db, { year, asRecordedAt }, LATER);

    it('counts a case in the phase it reached by the reference date, including an event dated on it', async () => {
      await load([
        f.person('P-1'),
        f.criminalOpened('SZ-1', 'P-1', '2023-05-01'),
        f.event('criminal/SZ-1', 'criminal.indicted', '2024-12-31', { court: 'Rechtbank Den Haag' }),
        f.person('P-2'),
        f.criminalOpened('SZ-2', 'P-2', '2025-01-01'),
      ]);
      const result = await report(2024);
      assert.equal(figure(result, 'criminal-investigations', 'investigation', 2023), 1);
      assert.equal(figure(result, 'criminal-investigations', 'first-instance', 2023), 0);
      assert.equal(figure(result, 'criminal-investigations', 'first-instance', 2024), 1);
      assert.equal(figure(result, 'criminal-investigations', 'investigation', 2024), 0, 'a case opened on 1 January 2025 is not in 2024');
      assert.equal(figure(result, 'criminal-investigations', 'total', 2024), 1);
      assert.deepEqual(result.referenceDates, { 2023: '2023-12-31', 2024: '2024-12-31' });
    });

    it('counts a flow event in the year of its date, both ends of the year included', async () => {
      await load([
        f.person('P-1'), f.event('exclusion/IF-1', 'exclusion.opened', '2023-02-01', { person: 'P-1' }),
        f.event('exclusion/IF-1', 'exclusion.decided', '2024-01-01', { outcome: 'applied', grounds: ['a'] }),
        f.person('P-2'), f.event('exclusion/IF-2', 'exclusion.opened', '2023-02-01', { person: 'P-2' }),
        f.event('exclusion/IF-2', 'exclusion.decided', '2024-12-31', { outcome: 'not-applied' }),
        f.person('P-3'), f.event('exclusion/IF-3', 'exclusion.opened', '2023-02-01', { person: 'P-3' }),
        f.event('exclusion/IF-3', 'exclusion.decided', '2025-01-01', { outcome: 'applied' }),
      ]);
      const result = await report(2025);
      assert.equal(figure(result, 'exclusion-decisions', 'applied', 2024), 1);
      assert.equal(figure(result, 'exclusion-decisions', 'not-applied', 2024), 1);
      assert.equal(figure(result, 'exclusion-decisions', 'total', 2024), 2);
      assert.equal(figure(result, 'exclusion-decisions', 'applied', 2025), 1);
      assert.equal(figure(result, 'exclusion-decisions', 'total', 2025), 1);
    });

    it('splits open departure dossiers by Article 3 barrier and counts departures by mode', async () => {
      await load([
        f.person('P-1'), f.event('departure/VD-1', 'departure.opened', '2022-01-01', { person: 'P-1' }),
        f.event('departure/VD-1', 'departure.article3-barrier', '2022-01-01', { present: true }),
        f.event('departure/VD-1', 'departure.article3-barrier', '2025-03-01', { present: false }),
        f.person('P-2'), f.event('departure/VD-2', 'departure.opened', '2022-01-01', { person: 'P-2' }),
        f.event('departure/VD-2', 'departure.departed', '2025-06-01', { mode: 'voluntary-unsupervised' }),
      ]);
      const result = await report(2025);
      assert.equal(figure(result, 'departure-dossiers', 'with-article3', 2024), 1);
      assert.equal(figure(result, 'departure-dossiers', 'without-article3', 2024), 1);
      assert.equal(figure(result, 'departure-dossiers', 'with-article3', 2025), 0);
      assert.equal(figure(result, 'departure-dossiers', 'without-article3', 2025), 1);
      assert.equal(figure(result, 'departure-dossiers', 'total', 2025), 1);
      assert.equal(figure(result, 'departures', 'voluntary-unsupervised', 2025), 1);
      assert.equal(figure(result, 'departures', 'total', 2024), 0);
    });

    it('counts extraditions in a phase as stock and refusals in the year as flow', async () => {
      await load([
        f.person('P-1'), f.event('extradition/UL-1', 'extradition.requested', '2023-01-10', { person: 'P-1', requestingState: 'RWA' }),
        f.event('extradition/UL-1', 'extradition.phase-entered', '2023-03-01', { phase: 'court-first' }),
        f.event('extradition/UL-1', 'extradition.phase-entered', '2024-09-01', { phase: 'civil-cassation' }),
        f.event('extradition/UL-1', 'extradition.concluded', '2025-04-01', { outcome: 'refused' }),
      ]);
      const result = await report(2025);
      assert.equal(figure(result, 'extraditions', 'civil-cassation', 2024), 1);
      assert.equal(figure(result, 'extraditions', 'civil-cassation', 2025), 0);
      assert.equal(figure(result, 'extraditions', 'refused', 2025), 1);
      assert.equal(figure(result, 'extraditions', 'total', 2024), 1);
      assert.equal(figure(result, 'extraditions', 'total', 2025), 1);
    });

    it('places events that arrive out of order by their legal date', async () => {
      await load([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2022-01-01'),
        f.event('criminal/SZ-1', 'criminal.indicted', '2024-03-01', { court: 'Rechtbank Den Haag' })], '2025-01-05T00:00:00.000Z');
      // Learned later: the suspect was arrested before the indictment.
      await load([f.event('criminal/SZ-1', 'criminal.suspect-arrested', '2023-11-01')], '2025-02-01T00:00:00.000Z');
      const result = await report(2024);
      assert.equal(figure(result, 'criminal-investigations', 'investigation', 2023), 1);
      assert.equal(figure(result, 'criminal-investigations', 'first-instance', 2024), 1);
    });

    it('computes every figure as the registry knew it at an earlier time', async () => {
      await load([f.person('P-1'), f.event('exclusion/IF-1', 'exclusion.opened', '2024-02-01', { person: 'P-1' })], '2025-01-05T00:00:00.000Z');
      await load([f.event('exclusion/IF-1', 'exclusion.decided', '2025-06-01', { outcome: 'applied' })], '2026-02-01T00:00:00.000Z');
      assert.equal(figure(await report(2025, '2026-01-15T00:00:00Z'), 'exclusion-decisions', 'applied', 2025), 0);
      assert.equal(figure(await report(2025, '2026-02-01'), 'exclusion-decisions', 'applied', 2025), 1);
      assert.equal(figure(await report(2025), 'exclusion-decisions', 'applied', 2025), 1);
    });

    it('ignores a retracted event from the retraction on, and still shows it as known before', async () => {
      const decision = f.event('exclusion/IF-1', 'exclusion.decided', '2025-06-01', { outcome: 'applied' });
      await load([f.person('P-1'), f.event('exclusion/IF-1', 'exclusion.opened', '2024-02-01', { person: 'P-1' }), decision], '2025-07-01T00:00:00.000Z');
      await load([f.event('exclusion/IF-1', 'retracted', '2025-08-01', { event: decision.id, reason: 'registered on the wrong file' })], '2025-09-01T00:00:00.000Z');
      assert.equal(figure(await report(2025, '2025-08-15T00:00:00Z'), 'exclusion-decisions', 'applied', 2025), 1);
      assert.equal(figure(await report(2025), 'exclusion-decisions', 'applied', 2025), 0);
    });

    it('explains a figure with the cases behind it and the event that put each there', async () => {
      const indictment = f.event('criminal/SZ-1', 'criminal.indicted', '2024-04-01', { court: 'Rechtbank Den Haag' });
      await load([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2022-01-01'), indictment, f.person('P-2'), f.criminalOpened('SZ-2', 'P-2', '2024-01-01')]);
      const resolved = resolveRequest({ year: 2024 }, LATER);
      const explanation = await explainRow(store.db, 'criminal-investigations.first-instance', resolved);
      assert.deepEqual(explanation.columns.map((column) => column.value), [0, 1]);
      assert.deepEqual(explanation.columns[1]!.items.map((item) => [item.case, item.eventId, item.date]), [['criminal/SZ-1', indictment.id, '2024-04-01']]);
      const total = await explainRow(store.db, 'criminal-investigations.total', resolved);
      assert.deepEqual(total.columns[1]!.items.map((item) => item.case).sort(), ['criminal/SZ-1', 'criminal/SZ-2']);
    });

    it('publishes a report and explains each figure that changed since with the records learned after', async () => {
      const decision = f.event('exclusion/IF-1', 'exclusion.decided', '2025-03-01', { outcome: 'applied' });
      await load([f.person('P-1'), f.event('exclusion/IF-1', 'exclusion.opened', '2024-02-01', { person: 'P-1' }), decision], '2026-01-10T00:00:00.000Z');
      const publication = await publishReport(store.db, 2025, at('2026-02-01T00:00:00.000Z'));
      assert.match(publication.sha256, /^[0-9a-f]{64}$/);
      await assert.rejects(publishReport(store.db, 2025, at('2026-02-02T00:00:00.000Z')), /never replaced/);

      const late = f.event('exclusion/IF-2', 'exclusion.decided', '2025-11-20', { outcome: 'not-applied' });
      await load([f.person('P-2'), f.event('exclusion/IF-2', 'exclusion.opened', '2025-01-01', { person: 'P-2' }), late,
        f.event('exclusion/IF-1', 'retracted', '2026-03-01', { event: decision.id, reason: 'wrong person' })], '2026-03-01T00:00:00.000Z');

      const diff = await diffWithPublication(store.db, 2025, LATER);
      assert.equal(diff.intact, true);
      const changed = Object.fromEntries(diff.changes.map((change) => [`${change.row}:${change.year}`, [change.published, change.current]]));
      assert.deepEqual(changed, { 'applied:2025': [1, 0], 'not-applied:2025': [0, 1] });
      const applied = diff.changes.find((change) => change.row === 'applied')!;
      assert.equal(applied.cases[0]!.change, 'removed');
      assert.equal(applied.cases[0]!.causes[0]!.retracts?.eventId, decision.id);
      const notApplied = diff.changes.find((change) => change.row === 'not-applied')!;
      assert.ok(notApplied.cases[0]!.causes.some((cause) => cause.eventId === late.id));

      // The published figures stay reproducible exactly: as recorded at the publication time.
      const again = await computeReport(store.db, { year: 2025, asRecordedAt: publication.asRecordedAt }, LATER);
      assert.deepEqual(again.tables, publication.report.tables);
    });

    it('answers a repeated report from its figure cache until the log grows', async () => {
      await load([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2024-01-01')]);
      const figures = createFigureCache();
      const cached = (year: number) => computeReport(store.db, { year }, { ...LATER, figures });
      assert.equal(figure(await cached(2024), 'criminal-investigations', 'investigation', 2024), 1);
      assert.equal(figure(await cached(2024), 'criminal-investigations', 'investigation', 2024), 1);
      assert.equal(figures.computations, 1, 'the second report came from the cache');
      await load([f.person('P-2'), f.criminalOpened('SZ-2', 'P-2', '2024-02-01')]);
      assert.equal(figure(await cached(2024), 'criminal-investigations', 'investigation', 2024), 2);
      assert.equal(figures.computations, 2, 'a grown log is counted again');
    });

    it('computes a report in a read-only transaction: a read never writes the store', async () => {
      await load([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2024-01-01')]);
      const figures = createFigureCache();
      const computed = await store.db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION READ ONLY');
        return computeReport(tx, { year: 2024 }, { ...LATER, figures });
      });
      assert.equal(figure(computed, 'criminal-investigations', 'investigation', 2024), 1);
    });
  });
}

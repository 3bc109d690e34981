/**
 * The demo registry, loaded through the real import into the embedded database, reproduces the figures of the
 * 2024–2025 report to parliament (appendices 1 and 2), and 2014 shows a single case before a court.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { demoJsonLines } from '../src/demo/generate-demo.js';
import { importEvents } from '../src/import/import-events.js';
import { streamSource } from '../src/import/sources.js';
import { computeReport } from '../src/reports/compute-report.js';
import type { Report } from '../src/reports/report.js';
import { TEST_ENGINES, type TestStore } from '../src/store/testing/test-stores.js';

const PUBLISHED: Record<string, Record<string, [number, number]>> = {
  'criminal-investigations': { investigation: [3, 5], 'first-instance': [7, 6], appeal: [2, 3], cassation: [4, 4], total: [16, 18] },
  extraditions: {
    'court-first': [0, 0], 'court-cassation': [0, 0], minister: [0, 0], 'civil-first': [0, 0], 'civil-appeal': [0, 0],
    'civil-cassation': [2, 0], extradited: [0, 0], refused: [0, 2], total: [2, 2],
  },
  'exclusion-decisions': { applied: [38, 38], 'not-applied': [112, 64], total: [150, 102] },
  'departure-dossiers': { 'with-article3': [79, 69], 'without-article3': [32, 60], total: [111, 129] },
  departures: { forced: [1, 1], 'voluntary-supervised': [4, 11], 'voluntary-unsupervised': [20, 17], total: [25, 29] },
};

function figures(report: Report): Record<string, Record<string, [number, number]>> {
  return Object.fromEntries(report.tables.map((table) => [table.id,
    Object.fromEntries(table.rows.map((row) => [row.id, [row.values[String(report.year - 1)]!, row.values[String(report.year)]!]]))]));
}

for (const scale of [1, 2]) {
  describe(`the demo registry at scale ${scale}`, () => {
    let store: TestStore;
    before(async () => {
      store = await TEST_ENGINES[0]!.open();
      await importEvents(store.db, [streamSource('demo', Readable.from(demoJsonLines({ scale })))], { now: () => new Date('2026-11-28T00:00:00Z') });
    });
    after(async () => { await store?.dispose(); });

    it(`reproduces ${scale === 1 ? '' : `${scale} × `}the figures of the 2024–2025 report`, async () => {
      const report = await computeReport(store.db, { year: 2025 }, { now: () => new Date('2026-11-28T12:00:00Z') });
      const expected = Object.fromEntries(Object.entries(PUBLISHED).map(([table, rows]) => [table,
        Object.fromEntries(Object.entries(rows).map(([row, [a, b]]) => [row, [a * scale, b * scale]]))]));
      assert.deepEqual(figures(report), expected);
    });

    it('shows a single case before a court in 2014', async () => {
      const report = await computeReport(store.db, { year: 2014 }, { now: () => new Date('2026-11-28T12:00:00Z') });
      const criminal = figures(report)['criminal-investigations']!;
      const beforeCourt = criminal['first-instance']![1] + criminal.appeal![1] + criminal.cassation![1];
      assert.equal(beforeCourt, scale);
    });
  });
}

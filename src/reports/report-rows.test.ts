/**
 * Every row of every report table, on a scenario made for it: one case put exactly where the row counts, in the
 * report year. That row and its table's total show 1 in the report year and 0 the year before; every other row 0.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventInput } from '../domain/event.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { computeReport } from './compute-report.js';
import { REPORT_TABLES } from './definitions.js';

const YEAR = 2025;

/** Events that put one case in the given row in YEAR (and in no row in YEAR − 1). */
function scenarioFor(table: string, row: string, f: EventFactory): EventInput[] {
  const person = f.person('P-1', '2023-01-01');
  const criminal = (steps: [string, Record<string, unknown>][]) => [person, f.criminalOpened('SZ-1', 'P-1', '2025-01-10'),
    ...steps.map(([type, data], n) => f.event('criminal/SZ-1', type, `2025-0${n + 2}-01`, data))];
  const extradition = (steps: EventInput[]) => [person, f.event('extradition/UL-1', 'extradition.requested', '2025-01-10', { person: 'P-1', requestingState: 'RWA' }), ...steps];
  const decided = (outcome: string) => [person, f.event('exclusion/IF-1', 'exclusion.opened', '2024-05-01', { person: 'P-1' }),
    f.event('exclusion/IF-1', 'exclusion.decided', '2025-03-01', { outcome })];
  const dossier = (steps: EventInput[]) => [person, f.event('departure/DTV-1', 'departure.opened', '2025-02-01', { person: 'P-1' }), ...steps];
  const judged = (instance: string): [string, Record<string, unknown>] => ['criminal.judgment', { instance, outcome: 'convicted' }];
  switch (`${table}.${row}`) {
    case 'criminal-investigations.investigation': return criminal([]);
    case 'criminal-investigations.first-instance': return criminal([['criminal.indicted', { court: 'Rechtbank Den Haag' }]]);
    case 'criminal-investigations.appeal': return criminal([['criminal.indicted', { court: 'Rechtbank Den Haag' }], judged('first-instance'), ['criminal.appeal-lodged', { by: 'defence' }]]);
    case 'criminal-investigations.cassation': return criminal([['criminal.indicted', { court: 'Rechtbank Den Haag' }], judged('first-instance'),
      ['criminal.appeal-lodged', { by: 'defence' }], judged('appeal'), ['criminal.cassation-lodged', { by: 'defence' }]]);
    case 'extraditions.extradited': case 'extraditions.refused':
      return extradition([f.event('extradition/UL-1', 'extradition.concluded', '2025-06-01', { outcome: row })]);
    case 'exclusion-decisions.applied': case 'exclusion-decisions.not-applied': return decided(row);
    case 'departure-dossiers.with-article3': return dossier([f.event('departure/DTV-1', 'departure.article3-barrier', '2025-02-01', { present: true })]);
    case 'departure-dossiers.without-article3': return dossier([]);
    case 'departures.forced': case 'departures.voluntary-supervised': case 'departures.voluntary-unsupervised':
      return [person, f.event('departure/DTV-1', 'departure.opened', '2025-02-01', { person: 'P-1' }),
        f.event('departure/DTV-1', 'departure.departed', '2025-04-01', { mode: row })];
    default:
      if (table === 'extraditions') return extradition([f.event('extradition/UL-1', 'extradition.phase-entered', '2025-03-01', { phase: row })]);
      throw new Error(`no scenario for ${table}.${row}`);
  }
}

const engine = TEST_ENGINES[0]!;
const ROWS = REPORT_TABLES.flatMap((table) => table.rows.filter((row) => row.measure !== 'total').map((row) => ({ table: table.id, row: row.id })));

describe('every report row on a scenario of its own', () => {
  for (const { table, row } of ROWS) {
    it(`counts one case in ${table}.${row} and nowhere else`, async () => {
      const store = await engine.open();
      try {
        await importEvents(store.db, [textSource('scenario.jsonl', jsonl(scenarioFor(table, row, new EventFactory())))], { now: () => new Date('2026-01-05T00:00:00Z') });
        const report = await computeReport(store.db, { year: YEAR }, { now: () => new Date('2026-11-28T00:00:00Z') });
        for (const t of report.tables) {
          for (const r of t.rows) {
            const expected = t.id === table && (r.id === row || r.id === 'total') ? 1 : 0;
            assert.equal(r.values[String(YEAR)], expected, `${t.id}.${r.id} in ${YEAR}`);
            assert.equal(r.values[String(YEAR - 1)], 0, `${t.id}.${r.id} in ${YEAR - 1}`);
          }
        }
      } finally {
        await store.dispose();
      }
    });
  }
});

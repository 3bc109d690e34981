/**
 * The proof benchmark (issue 13): the proof matrix of one case and the evidence-at-risk list over a registry of
 * 100,000 evidence items on 20,000 criminal cases, on PostgreSQL. Goals: matrix ≤ 100 ms, list ≤ 2 s.
 *
 *   node --import tsx bench/proof/proof-bench.ts [--cases 20000] [--items 100000] [--runs 5] [--url postgres://…/db]
 *
 * The registry is synthetic and fictional: per case a person and criminal.opened (torture), per item its
 * registration, a verification step and one or two element links; every tenth item is the material of one of ten
 * fictional UN mechanisms (conditions recorded, consent asked or given, some made unavailable). It is imported
 * through the full, validated import, then each read is timed cold once and repeated `runs` times (median).
 * `--url` names a database to keep between runs (created beforehand): the registry is imported into it only when it
 * holds no events yet, and it is left in place (for profiling the reads with EXPLAIN ANALYZE).
 */
import { parseArgs } from 'node:util';
import { elementsConfig } from '../../src/config/elements.js';
import { parseAsOf } from '../../src/domain/as-of.js';
import { importEvents } from '../../src/import/import-events.js';
import { objectSource } from '../../src/import/sources.js';
import { listEvidenceAtRisk } from '../../src/operations/list-evidence-at-risk.js';
import { showProofMatrix } from '../../src/operations/show-proof-matrix.js';
import { openDb } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { createPostgresDatabase } from '../../src/store/testing/test-stores.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '20000' }, items: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, url: { type: 'string' } } });
const CASES = Number(values.cases);
const ITEMS = Number(values.items);
const RUNS = Number(values.runs);
const ELEMENTS = ['torture.ill-treatment', 'torture.deprived-of-liberty', 'torture.official-capacity', 'torture.purpose', 'torture.official.intent'];
const now = () => new Date('2026-06-15T10:00:00Z');

function* registry(): Generator<Record<string, unknown>> {
  let n = 0;
  const id = () => `b${++n}`;
  const at = '2026-01-02T09:00:00Z';
  for (let c = 0; c < CASES; c += 1) {
    yield { id: id(), stream: `person/BP-${c}`, type: 'person.registered', date: '1970-01-01', recordedAt: at, data: { names: [`Fictieve Persoon ${c}`] } };
    yield { id: id(), stream: `criminal/BS-${c}`, type: 'criminal.opened', date: '2025-01-01', recordedAt: at, data: { suspect: `BP-${c}`, offences: ['torture'] } };
  }
  for (let i = 0; i < ITEMS; i += 1) {
    const stream = `evidence/BE-${i}`;
    const c = i % CASES;
    const mechanism = i % 10 === 0 ? `Mechanisme ${(i / 10) % 10} (fictief)` : undefined;
    yield { id: id(), stream, type: 'evidence.registered', date: '2026-01-05', recordedAt: at, data: {
      criminalCases: [`BS-${c}`], kind: mechanism ? 'mechanism-material' : 'witness-statement', title: `Stuk ${i} (fictief)`,
      source: mechanism ? { type: 'un-mechanism', name: mechanism } : { type: 'witness' }, acquired: { date: '2026-01-05', by: 'TIM', method: 'handover' },
    } };
    yield { id: id(), stream, type: 'evidence.verified', date: '2026-01-06', recordedAt: at, data: { step: 'source', outcome: 'confirmed', method: 'fictief' } };
    const link = (element: string) => ({ id: id(), stream, type: 'evidence.element-linked', date: '2026-01-07', recordedAt: at, data: { criminalCase: `BS-${c}`, offence: 'torture', element, relation: 'supports', reasoning: 'fictief', weight: 'moderate' } });
    yield link(ELEMENTS[i % ELEMENTS.length]!);
    if (i % 3 === 0) yield link(ELEMENTS[(i + 2) % ELEMENTS.length]!);
    if (mechanism) {
      const withConsent = i % 20 === 0;
      yield { id: id(), stream, type: 'evidence.conditions-set', date: '2026-01-06', recordedAt: at, data: { conditions: withConsent ? 'evidence-with-consent' : 'evidence', originator: mechanism } };
      if (withConsent) yield { id: id(), stream, type: 'evidence.consent-given', date: '2026-01-08', recordedAt: at, data: { by: mechanism } };
      if (i % 30 === 0) yield { id: id(), stream, type: 'evidence.availability-changed', date: '2026-02-01', recordedAt: at, data: { available: false, reason: 'mandaat geëindigd (fictief)' } };
    }
  }
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const database = values.url ? { url: values.url, drop: async () => undefined } : await createPostgresDatabase();
const db = await openDb({ databaseUrl: database.url, dataDir: '' });
try {
  await migrate(db);
  const [stored] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
  const events = stored!.count > 0 ? [] : [...registry()];
  if (events.length > 0) {
    const imported = await time(() => importEvents(db, [objectSource('proof-bench', events)], { now }));
    console.error(`imported ${events.length} events in ${(imported.ms / 1000).toFixed(1)} s`);
  }
  await db.exec('ANALYZE');
  const asOf = parseAsOf({}, now());
  const elements = elementsConfig();
  const matrix = () => showProofMatrix(db, { kind: 'criminal', id: 'BS-0', asOf, elements });
  const atRisk = () => listEvidenceAtRisk(db, { asOf, elements, originator: 'Mechanisme 0 (fictief)' });
  const atRiskAll = () => listEvidenceAtRisk(db, { asOf, elements, sourceType: 'un-mechanism' });
  // The same lists as recorded at a moment (now, named): replayed from the event log, not read from the projection.
  const asRecorded = parseAsOf({ asRecordedAt: now().toISOString() }, now());
  const replayedOne = () => listEvidenceAtRisk(db, { asOf: asRecorded, elements, originator: 'Mechanisme 0 (fictief)' });
  const replayedAll = () => listEvidenceAtRisk(db, { asOf: asRecorded, elements, sourceType: 'un-mechanism' });
  const rows: string[] = [];
  for (const [name, work, goal] of [
    ['proof matrix of one case', matrix, 100], ['evidence-at-risk, one originator', atRisk, 2000], ['evidence-at-risk, every UN mechanism', atRiskAll, 2000],
    ['evidence-at-risk, one originator, as recorded at (replay)', replayedOne, 2000], ['evidence-at-risk, every UN mechanism, as recorded at (replay)', replayedAll, 2000],
  ] as const) {
    const cold = await time(work as () => Promise<unknown>);
    const repeated: number[] = [];
    for (let run = 0; run < RUNS; run += 1) repeated.push((await time(work as () => Promise<unknown>)).ms);
    const size = Array.isArray(cold.result) ? `${cold.result.length} rows` : `${(cold.result as { elements: unknown[] }).elements.length} elements`;
    rows.push(`| ${name} | ${size} | ${cold.ms.toFixed(0)} | ${median(repeated).toFixed(0)} | ≤ ${goal} |`);
  }
  console.log(`PostgreSQL, ${CASES} criminal cases, ${ITEMS} evidence items, ${events.length || stored!.count} events\n`);
  console.log('| read | answer | cold (ms) | repeated, median (ms) | goal (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  // The projection and the replay must give the same lists (as src/operations/evidence-at-risk-projection.test.ts checks on a small scenario).
  for (const [fast, replayed] of [[atRisk, replayedOne], [atRiskAll, replayedAll]] as const) {
    if (JSON.stringify(await fast()) !== JSON.stringify(await replayed())) throw new Error('the list from the projection differs from the replay of the log');
  }
  console.log('\nThe lists from the projection equal those replayed from the log.');
} finally {
  await db.close();
  await database.drop();
}

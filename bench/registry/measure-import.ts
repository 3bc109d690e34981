/**
 * One measurement in its own process (so peak memory is this run's alone): import a JSONL file into a fresh store,
 * either through the full pipeline or as a bare bulk insert of the same rows (the physical limit of the engine),
 * then time the yearly report cold and repeated. Prints one JSON line.
 *
 *   node --import tsx bench/registry/measure-import.ts --engine pglite|postgres --file F --mode full|bare [--url URL] [--dir DIR]
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseStreamName } from '../../src/domain/event.js';
import { referencesOf } from '../../src/domain/events/schema.js';
import { importEvents } from '../../src/import/import-events.js';
import { fileSource } from '../../src/import/sources.js';
import { computeReport } from '../../src/reports/compute-report.js';
import { createFigureCache } from '../../src/reports/figure-cache.js';
import { openDb } from '../../src/store/db.js';
import { appendEvents, type EventRow } from '../../src/store/event-store.js';
import { migrate } from '../../src/store/migrate.js';

const { values } = parseArgs({ options: { engine: { type: 'string' }, file: { type: 'string' }, mode: { type: 'string' }, url: { type: 'string' }, dir: { type: 'string' } } });
const file = values.file!;
// The bare insert stores the same rows as the full import — the same columns and values, references and import id
// included — without checking or hashing anything: hash-sized placeholders stand in for the hashes. It is the
// engine's limit, not our pipeline's. The references come from a pass over the file before the clock starts.
const PLACEHOLDER_HASH = 'f'.repeat(64);
const db = await openDb(values.engine === 'postgres' ? { databaseUrl: values.url!, dataDir: '' } : { dataDir: values.dir! });
await migrate(db);

interface LineEvent { id: string; stream: string; type: string; date: string; recordedAt: string; data: Record<string, unknown> }

async function* jsonLines(): AsyncGenerator<LineEvent> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) yield JSON.parse(line);
}

async function referencesByLine(): Promise<string[][]> {
  const refs: string[][] = [];
  for await (const event of jsonLines()) refs.push([...new Set(referencesOf(event.data).map((reference) => reference.stream))]);
  return refs;
}

async function bareInsert(refs: string[][]): Promise<number> {
  let count = 0;
  await db.transaction(async (tx) => {
    const [{ id: importId }] = await tx.query<{ id: number }>("INSERT INTO imports (started_at, sources) VALUES (now(), '{bare}') RETURNING id") as [{ id: number }];
    let batch: EventRow[] = [];
    for await (const event of jsonLines()) {
      batch.push({ id: event.id, stream: event.stream, kind: parseStreamName(event.stream)!.kind, type: event.type, date: event.date, recordedAt: event.recordedAt, data: event.data, refs: refs[count]!, contentHash: PLACEHOLDER_HASH, originFile: 1, originLine: count + 1, prevHash: PLACEHOLDER_HASH, hash: PLACEHOLDER_HASH });
      count += 1;
      if (batch.length === 1000) { await appendEvents(tx, importId, batch); batch = []; }
    }
    await appendEvents(tx, importId, batch);
  });
  return count;
}

const refs = values.mode === 'bare' ? await referencesByLine() : [];
const started = performance.now();
const events = values.mode === 'bare'
  ? await bareInsert(refs)
  : (await importEvents(db, [fileSource(file)], { now: () => new Date('2026-11-28T00:00:00Z') })).added;
const importSeconds = (performance.now() - started) / 1000;

let report: { coldMs: number; repeatedMs: number; asOfMs: number } | undefined;
if (values.mode === 'full') {
  // The server keeps a figure cache with its context; "repeated" measures a report it has computed before.
  const context = { now: () => new Date('2026-11-28T12:00:00Z'), figures: createFigureCache() };
  const time = async (request: Parameters<typeof computeReport>[1]) => { const t = performance.now(); await computeReport(db, request, context); return performance.now() - t; };
  const coldMs = await time({ year: 2025 });
  const repeatedMs = await time({ year: 2025 });
  const asOfMs = await time({ year: 2025, asRecordedAt: '2026-01-15T00:00:00Z' });
  report = { coldMs, repeatedMs, asOfMs };
}
await db.close();
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ engine: values.engine, mode: values.mode, events, importSeconds, eventsPerSecond: events / importSeconds, maxRssMiB, report }));

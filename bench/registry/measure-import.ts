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
import { importEvents } from '../../src/import/import-events.js';
import { fileSource } from '../../src/import/sources.js';
import { computeReport } from '../../src/reports/compute-report.js';
import { openDb } from '../../src/store/db.js';
import { appendEvents, type EventRow } from '../../src/store/event-store.js';
import { migrate } from '../../src/store/migrate.js';

const { values } = parseArgs({ options: { engine: { type: 'string' }, file: { type: 'string' }, mode: { type: 'string' }, url: { type: 'string' }, dir: { type: 'string' } } });
const file = values.file!;
// The bare insert stores hash-sized values without computing them: the engine's limit, not our pipeline's.
const PLACEHOLDER_HASH = 'f'.repeat(64);
const db = await openDb(values.engine === 'postgres' ? { databaseUrl: values.url!, dataDir: '' } : { dataDir: values.dir! });
await migrate(db);

async function bareInsert(): Promise<number> {
  let count = 0;
  await db.transaction(async (tx) => {
    let batch: EventRow[] = [];
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const event = JSON.parse(line);
      batch.push({ id: event.id, stream: event.stream, kind: parseStreamName(event.stream)!.kind, type: event.type, date: event.date, recordedAt: event.recordedAt, data: event.data, refs: [], contentHash: PLACEHOLDER_HASH, originFile: 1, originLine: count + 1, prevHash: PLACEHOLDER_HASH, hash: PLACEHOLDER_HASH });
      count += 1;
      if (batch.length === 1000) { await appendEvents(tx, null, batch); batch = []; }
    }
    await appendEvents(tx, null, batch);
  });
  return count;
}

const started = performance.now();
const events = values.mode === 'bare'
  ? await bareInsert()
  : (await importEvents(db, [fileSource(file)], { now: () => new Date('2026-11-28T00:00:00Z') })).added;
const importSeconds = (performance.now() - started) / 1000;

let report: { coldMs: number; repeatedMs: number; asOfMs: number } | undefined;
if (values.mode === 'full') {
  const context = { now: () => new Date('2026-11-28T12:00:00Z') };
  const time = async (request: Parameters<typeof computeReport>[1]) => { const t = performance.now(); await computeReport(db, request, context); return performance.now() - t; };
  const coldMs = await time({ year: 2025 });
  const repeatedMs = await time({ year: 2025 });
  const asOfMs = await time({ year: 2025, asRecordedAt: '2026-01-15T00:00:00Z' });
  report = { coldMs, repeatedMs, asOfMs };
}
await db.close();
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ engine: values.engine, mode: values.mode, events, importSeconds, eventsPerSecond: events / importSeconds, maxRssMiB, report }));

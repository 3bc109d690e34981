/** The export round-trip the format promises (README, "The interchange format"): export, import elsewhere, export again. */
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';
import { exportLines } from '../export-events.js';

/** Every line the store exports. */
export async function exportedLines(db: Db): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportLines(db)) lines.push(line);
  return lines;
}

/** Exports `from`, imports that into the empty store `into` and exports it again: both exports, to compare. */
export async function exportRoundTrip(from: Db, into: Db, now: () => Date): Promise<{ exported: string[]; again: string[] }> {
  const exported = await exportedLines(from);
  await importEvents(into, [textSource('export.jsonl', exported.join('\n'))], { now });
  return { exported, again: await exportedLines(into) };
}

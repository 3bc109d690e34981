/**
 * Writes the pseudonymised analysis facts (docs/retention.md, "Pseudonymised analysis"; migration 042) of case
 * streams: for the streams named (an erasure records its streams just before it clears them), or for every case
 * changed since the log position last read (`imketen analysis refresh`, and before an export).
 */
import { pseudonym, analysisFactsOf } from '../reports/analysis-facts.js';
import type { Queryable } from '../store/db.js';
import { analysisPosition, caseStreamsChanged, lockAnalysis, setAnalysisPosition, upsertAnalysisRows, type AnalysisRow } from '../store/analysis-store.js';
import { logPosition, readStreams } from '../store/event-store.js';

/** Records the facts of these case streams as their readable events say now; a stream already erased keeps its row. */
export async function recordAnalysisFacts(tx: Queryable, streams: readonly string[], key: Buffer, now: Date): Promise<number> {
  const byStream = await readStreams(tx, streams);
  const rows: AnalysisRow[] = [];
  for (const stream of streams) {
    const found = analysisFactsOf(stream, byStream.get(stream) ?? []);
    if (!found) continue;
    rows.push({
      casePseudonym: pseudonym(key, stream), personPseudonym: found.person ? pseudonym(key, `person/${found.person}`) : null,
      kind: found.kind, facts: found.facts as unknown as Record<string, unknown>,
    });
  }
  await upsertAnalysisRows(tx, rows, now.toISOString());
  return rows.length;
}

/**
 * Brings the analysis facts up to the log's current position; returns how many cases were recorded. Run it in one
 * transaction: the facts and the position read commit together (a crash leaves both as they were). Refreshes take
 * turns (the lock on `analysis_position`): two servers never read the same stretch of the log at once.
 */
export async function refreshAnalysis(tx: Queryable, key: Buffer, now: Date): Promise<number> {
  await lockAnalysis(tx);
  const from = await analysisPosition(tx);
  const to = await logPosition(tx);
  if (to <= from) return 0;
  const streams = await caseStreamsChanged(tx, from, to);
  let recorded = 0;
  for (let start = 0; start < streams.length; start += 500) recorded += await recordAnalysisFacts(tx, streams.slice(start, start + 500), key, now);
  await setAnalysisPosition(tx, to);
  return recorded;
}

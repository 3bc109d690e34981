/**
 * Rebuilds the projections from the event log alone: the proof that they hold nothing the events do not.
 * One transaction, so readers see the old projection until the new one is complete.
 */
import { CASE_KINDS, parseStreamName, type CaseKind } from '../domain/event.js';
import type { Db } from './db.js';
import { rebuildEvidenceStanding } from './evidence-standing.js';
import { readStreams } from './event-store.js';
import { replaceSegments, segmentRowsOf, type SegmentRow } from './segments.js';

export async function rebuildProjections(db: Db, onProgress?: (streams: number) => void): Promise<{ streams: number; segments: number; evidenceItems: number; elementLinks: number }> {
  const caseKinds: ReadonlySet<string> = new Set(CASE_KINDS);
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM case_segments;');
    let after = '';
    let streams = 0;
    let segments = 0;
    for (;;) {
      const page = (await tx.query<{ stream: string }>(
        'SELECT stream FROM events WHERE stream > $1 GROUP BY stream ORDER BY stream LIMIT 2000', [after],
      )).map((row) => row.stream);
      if (page.length === 0) break;
      after = page[page.length - 1]!;
      const events = await readStreams(tx, page.filter((stream) => caseKinds.has(parseStreamName(stream)!.kind)));
      const rows: SegmentRow[] = [];
      for (const [stream, streamEvents] of events) rows.push(...segmentRowsOf(stream, parseStreamName(stream)!.kind as CaseKind, streamEvents));
      await replaceSegments(tx, [], rows, true);
      streams += page.length;
      segments += rows.length;
      onProgress?.(streams);
    }
    const evidence = await rebuildEvidenceStanding(tx);
    return { streams, segments, evidenceItems: evidence.items, elementLinks: evidence.links };
  });
}

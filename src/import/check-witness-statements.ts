/**
 * Pass 2c of an import (./import-events.ts), witnesses: a statement linked to a witness
 * (`witness.statement-linked`) is an evidence item of kind witness-statement that belongs to the witness's case.
 * Both streams are read as the registry knows them with this import's events (references are sound by then).
 */
import { replayStream } from '../domain/replay.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { importedStatementLinks } from '../store/witness-reads.js';
import type { ProblemList } from './problem-list.js';
import type { ImportSource } from './sources.js';

export async function checkWitnessStatements(tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList): Promise<void> {
  const links = await importedStatementLinks(tx, importId, problems.limit);
  if (links.length === 0) return;
  const streams = await readStreams(tx, [...new Set(links.flatMap((link) => [link.stream, `evidence/${link.evidence}`]))]);
  for (const link of links) {
    const where = { file: sources[link.originFile - 1]?.name, line: link.originLine, field: 'data.evidence', code: 'TRANSITION_NOT_ALLOWED' as const };
    const witness = replayStream('witness', streams.get(link.stream) ?? []);
    const evidence = replayStream('evidence', streams.get(`evidence/${link.evidence}`) ?? []);
    // A stream that does not replay is reported by pass 3.
    if (!witness.ok || !evidence.ok) continue;
    if (evidence.state.kind !== 'witness-statement') {
      problems.add({ ...where, message: `evidence ${link.evidence} is a ${evidence.state.kind ?? 'unregistered item'}, not a witness-statement: only a statement can be a witness's` });
    } else if (witness.state.caseStream && !evidence.state.cases.includes(witness.state.caseStream)) {
      problems.add({ ...where, message: `evidence ${link.evidence} does not belong to ${witness.state.caseStream}, the witness's case: link it to that case first (evidence.linked)` });
    }
  }
}

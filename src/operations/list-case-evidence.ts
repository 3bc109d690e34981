/**
 * The evidence items of one case on a date, as known at a moment (README, "Evidence"): each with its kind, source,
 * acquisition, files by hash and the last outcome of each verification step.
 */
import type { AsOf } from '../domain/as-of.js';
import { stateAt } from '../domain/replay.js';
import type { Queryable } from '../store/db.js';
import { evidenceStreamsNaming } from '../store/evidence-files.js';
import { readStreams } from '../store/event-store.js';
import { knownEvents } from './show-evidence.js';

export interface EvidenceSummary {
  id: string;
  kind: string;
  title: string;
  sourceType: string;
  acquired: { date: string; by: string; method: string };
  files: { sha256: string; size: number; mediaType: string; fileName: string }[];
  /** The outcome of the last verification of each step, null while a step was not taken. */
  verification: { source: string | null; technical: string | null; content: string | null };
  custodian: string | null;
}

export async function listCaseEvidence(tx: Queryable, request: { caseStream: string; asOf: AsOf }): Promise<EvidenceSummary[]> {
  const streams = await evidenceStreamsNaming(tx, request.caseStream);
  const byStream = await readStreams(tx, streams);
  const items: EvidenceSummary[] = [];
  for (const stream of streams) {
    const events = byStream.get(stream) ?? [];
    const state = stateAt('evidence', events, request.asOf.date, request.asOf.recordedAt);
    if (!state.cases.includes(request.caseStream)) continue;
    const registered = knownEvents(events, request.asOf).find((event) => event.type === 'evidence.registered');
    if (!registered) continue;
    const data = registered.data as { source: { type: string }; acquired: { date: string; by: string; method: string } };
    const last = (step: string) => state.verifications.filter((entry) => entry.step === step).at(-1)?.outcome ?? null;
    items.push({
      id: stream.slice('evidence/'.length),
      kind: state.kind ?? 'other',
      title: state.title ?? '',
      sourceType: data.source.type,
      acquired: { date: data.acquired.date, by: data.acquired.by, method: data.acquired.method },
      files: state.files.map(({ sha256, size, mediaType, fileName }) => ({ sha256, size, mediaType, fileName })),
      verification: { source: last('source'), technical: last('technical'), content: last('content') },
      custodian: state.custodian,
    });
  }
  return items;
}

/**
 * One evidence item as a user sees it on a date, as known at a moment (README, "Evidence"): what the acquirer stated
 * (registration), its cases now, every file with what imketen derived from its bytes beside what was stated, the
 * chain of custody, the verification steps and the disclosures, and its timeline.
 */
import type { AsOf } from '../domain/as-of.js';
import { ImketenError } from '../domain/errors.js';
import type { RecordedEvent } from '../domain/event.js';
import type { EvidenceState } from '../domain/evidence/state.js';
import { stateAt, visibleEvents } from '../domain/replay.js';
import type { Queryable } from '../store/db.js';
import { evidenceFiles, type EvidenceFileRow } from '../store/evidence-files.js';
import { readStream } from '../store/event-store.js';

export interface EvidenceRegistration {
  kind: string;
  title: string;
  source: { type: string; name?: string; reference?: string };
  acquired: { date: string; by: string; method: string; location?: string };
  language?: string;
  description?: string;
}

export interface EvidenceDetail {
  id: string;
  stream: string;
  registration: EvidenceRegistration;
  cases: string[];
  custodian: string | null;
  files: (EvidenceState['files'][number] & { derived: Omit<EvidenceFileRow, 'sha256' | 'size'> | null })[];
  custody: EvidenceState['custody'];
  verifications: EvidenceState['verifications'];
  disclosures: EvidenceState['disclosures'];
  /** What the item may be used for (R8): the originator's conditions, consent under them, availability, element links. */
  use: {
    conditions: EvidenceState['conditions'];
    consent: EvidenceState['consent'];
    consentSince: string | null;
    available: boolean;
    availability: EvidenceState['availability'];
    elementLinks: EvidenceState['elementLinks'];
  };
  timeline: { id: string; type: string; date: string; recordedAt: string; data: Record<string, unknown> }[];
  asOf: { date: string; recordedAt: string };
}

/** The item's events as known at the moment and dated up to the date, retractions applied. */
export function knownEvents(events: readonly RecordedEvent[], asOf: AsOf): RecordedEvent[] {
  return visibleEvents(events.filter((event) => event.recordedAt <= asOf.recordedAt)).filter((event) => event.date <= asOf.date);
}

export async function showEvidence(tx: Queryable, request: { id: string; asOf: AsOf }): Promise<EvidenceDetail> {
  const stream = `evidence/${request.id}`;
  const events = await readStream(tx, stream);
  const known = knownEvents(events, request.asOf);
  const registered = known.find((event) => event.type === 'evidence.registered');
  if (!registered) throw new ImketenError('STREAM_NOT_FOUND', `No evidence item ${request.id} is registered (on ${request.asOf.date}, as recorded at ${request.asOf.recordedAt}).`);
  const state = stateAt('evidence', events, request.asOf.date, request.asOf.recordedAt);
  const derived = await evidenceFiles(tx, state.files.map((file) => file.sha256));
  const { criminalCases: _criminal, exclusionCases: _exclusion, ...registration } = registered.data as unknown as EvidenceRegistration & Record<string, unknown>;
  return {
    id: request.id,
    stream,
    registration: registration as EvidenceRegistration,
    cases: state.cases,
    custodian: state.custodian,
    files: state.files.map((file) => {
      const row = derived.get(file.sha256);
      return { ...file, derived: row ? { mediaType: row.mediaType, perceptualHash: row.perceptualHash, metadata: row.metadata, firstStoredAt: row.firstStoredAt } : null };
    }),
    custody: state.custody,
    verifications: state.verifications,
    disclosures: state.disclosures,
    use: {
      conditions: state.conditions, consent: state.consent, consentSince: state.consentSince,
      available: state.available, availability: state.availability, elementLinks: state.elementLinks,
    },
    timeline: known.map((event) => ({ id: event.id, type: event.type, date: event.date, recordedAt: event.recordedAt, data: event.data })),
    asOf: { date: request.asOf.date, recordedAt: request.asOf.recordedAt },
  };
}

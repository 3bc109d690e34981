/**
 * A small registry for API tests: a suspect with a criminal case, a 1F person with an exclusion file and a
 * departure dossier, one stream of every kind, and one retractable event per kind.
 */
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';

const rec = '2026-01-10T09:00:00.000Z';

export const FIXTURE_EVENTS = [
  { id: 'f-p1', stream: 'person/P-S', type: 'person.registered', date: '1970-01-01', data: { names: ['Sami Suspect'] } },
  { id: 'f-p2', stream: 'person/P-X', type: 'person.registered', date: '1975-01-01', data: { names: ['Xander Excluded'] } },
  { id: 'f-p3', stream: 'person/P-R', type: 'person.registered', date: '1980-01-01', data: { names: ['Rita Retract'] } },
  { id: 'f-p3a', stream: 'person/P-R', type: 'person.alias-added', date: '2020-01-01', data: { name: 'R. Retract' } },
  { id: 'f-c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2024-01-01', data: { suspect: 'P-S', offences: ['war-crimes'] } },
  { id: 'f-cr', stream: 'criminal/SZ-R', type: 'criminal.opened', date: '2024-01-01', data: { suspect: 'P-R', offences: ['torture'] } },
  { id: 'f-cra', stream: 'criminal/SZ-R', type: 'criminal.suspect-arrested', date: '2024-02-01', data: {} },
  { id: 'f-x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2023-01-01', data: { person: 'P-X', trigger: 'asylum interview' } },
  { id: 'f-x1d', stream: 'exclusion/IF-1', type: 'exclusion.decided', date: '2023-06-01', data: { outcome: 'applied', grounds: ['a'], article3Barrier: true } },
  { id: 'f-xs', stream: 'exclusion/IF-S', type: 'exclusion.opened', date: '2023-01-01', data: { person: 'P-S' } },
  { id: 'f-xr', stream: 'exclusion/IF-R', type: 'exclusion.opened', date: '2023-01-01', data: { person: 'P-R' } },
  { id: 'f-xra', stream: 'exclusion/IF-R', type: 'exclusion.suspended', date: '2023-02-01', data: {} },
  { id: 'f-d1', stream: 'departure/VT-1', type: 'departure.opened', date: '2023-07-01', data: { person: 'P-X', exclusionCase: 'IF-1' } },
  { id: 'f-dr', stream: 'departure/VT-R', type: 'departure.opened', date: '2023-07-01', data: { person: 'P-R' } },
  { id: 'f-dra', stream: 'departure/VT-R', type: 'departure.article3-barrier', date: '2023-08-01', data: { present: true } },
  { id: 'f-i1', stream: 'intake/IN-1', type: 'intake.received', date: '2024-03-01', data: { subjects: ['P-S'] } },
  { id: 'f-ir', stream: 'intake/IN-R', type: 'intake.received', date: '2024-03-01', data: {} },
  { id: 'f-ira', stream: 'intake/IN-R', type: 'intake.assessed', date: '2024-04-01', data: { outcome: 'referred' } },
  { id: 'f-m1', stream: 'mla/RH-1', type: 'mla.sent', date: '2024-05-01', data: { state: 'DEU' } },
  { id: 'f-mr', stream: 'mla/RH-R', type: 'mla.sent', date: '2024-05-01', data: { state: 'FRA' } },
  { id: 'f-mra', stream: 'mla/RH-R', type: 'mla.answered', date: '2024-06-01', data: {} },
  { id: 'f-e1', stream: 'extradition/EX-1', type: 'extradition.requested', date: '2024-05-01', data: { person: 'P-S', requestingState: 'RWA' } },
  { id: 'f-er', stream: 'extradition/EX-R', type: 'extradition.requested', date: '2024-05-01', data: { person: 'P-R', requestingState: 'RWA' } },
  { id: 'f-era', stream: 'extradition/EX-R', type: 'extradition.phase-entered', date: '2024-06-01', data: { phase: 'court-first' } },
].map((event) => ({ ...event, recordedAt: rec }));

/** The event of each stream kind that tests may retract (its stream stays valid without it). */
export const RETRACTABLE: Record<string, { stream: string; event: string }> = {
  person: { stream: 'person/P-R', event: 'f-p3a' },
  criminal: { stream: 'criminal/SZ-R', event: 'f-cra' },
  exclusion: { stream: 'exclusion/IF-R', event: 'f-xra' },
  departure: { stream: 'departure/VT-R', event: 'f-dra' },
  intake: { stream: 'intake/IN-R', event: 'f-ira' },
  mla: { stream: 'mla/RH-R', event: 'f-mra' },
  extradition: { stream: 'extradition/EX-R', event: 'f-era' },
};

export async function loadFixture(db: Db): Promise<void> {
  await importEvents(db, [textSource('fixture', FIXTURE_EVENTS.map((event) => JSON.stringify(event)).join('\n'))], { now: () => new Date('2026-01-10T10:00:00.000Z') });
}

/** A new, valid event of each kind for an append test, unique per `tag`. */
export function newEventOfKind(kind: string, tag: string): { id: string; stream: string; type: string; date: string; data: Record<string, unknown> } {
  const id = `m-${kind}-${tag}`;
  switch (kind) {
    case 'person': return { id, stream: `person/P-M-${tag}`, type: 'person.registered', date: '1990-01-01', data: { names: [`Test ${tag}`] } };
    case 'criminal': return { id, stream: `criminal/SZ-M-${tag}`, type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-S', offences: ['torture'] } };
    case 'exclusion': return { id, stream: `exclusion/IF-M-${tag}`, type: 'exclusion.opened', date: '2025-01-01', data: { person: 'P-X' } };
    case 'departure': return { id, stream: `departure/VT-M-${tag}`, type: 'departure.opened', date: '2025-01-01', data: { person: 'P-X' } };
    case 'intake': return { id, stream: `intake/IN-M-${tag}`, type: 'intake.received', date: '2025-01-01', data: {} };
    case 'mla': return { id, stream: `mla/RH-M-${tag}`, type: 'mla.sent', date: '2025-01-01', data: { state: 'BEL' } };
    case 'extradition': return { id, stream: `extradition/EX-M-${tag}`, type: 'extradition.requested', date: '2025-01-01', data: { person: 'P-S', requestingState: 'RWA' } };
    default: throw new Error(`no sample event for kind ${kind}`);
  }
}

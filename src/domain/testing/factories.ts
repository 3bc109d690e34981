/**
 * Test factories for events: valid default data per type, so a test states only what matters to it. Used by
 * the domain's tests (and welcome in other layers' tests); not used by production code.
 */
import type { RecordedEvent, StreamKind } from '../event.js';
import { MACHINES } from '../machines.js';
import type { StateByKind } from '../machines.js';
import type { TransitionError } from '../machine.js';
import { replayStream } from '../replay.js';

/** Valid data for each event type; a test overrides the fields it is about. */
export const DEFAULT_DATA: Readonly<Record<string, Record<string, unknown>>> = {
  'person.registered': { names: ['Ahmad Example'] },
  'person.alias-added': { name: 'Ahmed Example' },
  'person.merged': { into: 'P-0002', reason: 'dezelfde persoon: bevestigde match' },
  'person.legal-hold-placed': { reason: 'klacht bij de Nationale ombudsman in behandeling' },
  'person.legal-hold-lifted': { hold: 'ev-2', reason: 'klacht afgehandeld' },
  'criminal.opened': { suspect: 'P-0001', offences: ['war-crimes'] },
  'criminal.suspect-arrested': {},
  'criminal.indicted': { court: 'Rechtbank Den Haag' },
  'criminal.judgment': { instance: 'first-instance', outcome: 'convicted' },
  'criminal.appeal-lodged': { by: 'defence' },
  'criminal.cassation-lodged': { by: 'defence' },
  'criminal.referred-back': {},
  'criminal.closed': { reason: 'final-judgment' },
  'criminal.hearing-scheduled': { date: '2030-03-01', court: 'Rechtbank Den Haag' },
  'criminal.victim-registered': { victim: 'P-0100' },
  'criminal.victim-informed': { victim: 'P-0100', about: 'voortgang van het onderzoek' },
  'criminal.judge-authorisation': { decisionReference: 'RC 26/0077', court: 'Rechtbank Den Haag', person: 'P-0001', validFrom: '2024-01-01', validUntil: '2024-06-30' },
  'extradition.requested': { person: 'P-0001', requestingState: 'RWA' },
  'extradition.phase-entered': { phase: 'court-first' },
  'extradition.concluded': { outcome: 'refused' },
  'exclusion.opened': { person: 'P-0001' },
  'exclusion.suspended': {},
  'exclusion.resumed': {},
  'exclusion.decided': { outcome: 'applied', grounds: 'a' },
  'exclusion.appeal-lodged': { forum: 'district-court' },
  'exclusion.appeal-decided': { forum: 'district-court', outcome: 'upheld' },
  'exclusion.closed': {},
  'exclusion.information-shared': { recipient: 'OM', person: 'P-0001', role: 'commandant van een checkpoint' },
  'departure.opened': { person: 'P-0001' },
  'departure.article3-barrier': { present: true },
  'departure.departed': { mode: 'forced' },
  'departure.closed': { reason: 'vertrokken met onbekende bestemming' },
  'intake.received': { from: 'NGO' },
  'intake.assessed': { outcome: 'investigation-opened' },
  'mla.sent': { state: 'DEU' },
  'mla.received': { state: 'DEU' },
  'mla.answered': {},
  'mla.closed': {},
  'evidence.registered': {
    criminalCases: ['SZ-0001'], kind: 'photo', title: 'Foto van een checkpoint',
    source: { type: 'open-source', name: 'openbaar account' }, acquired: { date: '2024-01-01', by: 'TIM', method: 'download' },
  },
  'evidence.file-attached': { sha256: 'a'.repeat(64), size: 1234, mediaType: 'image/png', fileName: 'checkpoint.png' },
  'evidence.custody-transferred': { from: 'TIM', to: 'NFI', purpose: 'technisch onderzoek' },
  'evidence.verified': { step: 'technical', outcome: 'confirmed', method: 'EXIF en hash vergeleken met de bron' },
  'evidence.disclosed': { to: 'defence', recipient: 'mr. De Vries (fictief)', what: 'het beeldbestand en de verificatie' },
  'evidence.linked': { exclusionCase: 'IF-0001' },
  'evidence.unlinked': { exclusionCase: 'IF-0001' },
  'witness.registered': { criminalCase: 'SZ-0001', person: 'P-0200', pseudonym: 'A-12', country: 'NLD' },
  'witness.protection-set': { measure: 'threatened', decisionReference: 'RC 24/0101' },
  'witness.statement-linked': { evidence: 'EV-0001' },
  'witness.availability-changed': { status: 'returned', country: 'SYR' },
  'task.assigned': { task: 'hearing:criminal/SZ-0001:2026-02-20', organisation: 'OM', by: 'om.demo', assignee: 'om2.demo' },
  'task.marked-done': { task: 'hearing:criminal/SZ-0001:2026-02-20', organisation: 'OM', by: 'om2.demo' },
  'task.reopened': { task: 'hearing:criminal/SZ-0001:2026-02-20', organisation: 'OM', by: 'om.demo' },
  'evidence.element-linked': { exclusionCase: 'IF-0001', offence: '1F-a', element: '1F-a.individual-responsibility', relation: 'supports', reasoning: 'de verklaring noemt hem als commandant (fictief)', weight: 'moderate' },
  'evidence.element-unlinked': { exclusionCase: 'IF-0001', offence: '1F-a', element: '1F-a.individual-responsibility' },
  'evidence.conditions-set': { conditions: 'evidence-with-consent', originator: 'UNIMEK (fictief)', consentNeededFor: ['court-use'] },
  'evidence.consent-requested': { from: 'UNIMEK (fictief)', for: ['court-use'] },
  'evidence.consent-given': { by: 'UNIMEK (fictief)' },
  'evidence.consent-refused': { by: 'UNIMEK (fictief)', reason: 'bronbescherming' },
  'evidence.availability-changed': { available: false, reason: 'het mandaat van het mechanisme is geëindigd (fictief)' },
  retracted: { event: 'ev-1', reason: 'ingevoerd in het verkeerde dossier' },
};

export interface EventSpec {
  type: string;
  date: string;
  data?: Record<string, unknown>;
  id?: string;
  recordedAt?: string;
}

/** An event to record: its type, its date, and the data fields that differ from the defaults. */
export function ev(type: string, date: string, data: Record<string, unknown> = {}, options: { id?: string; recordedAt?: string } = {}): EventSpec {
  return { type, date, data, ...options };
}

/**
 * A stream being recorded in a test. Events get ids `ev-1`, `ev-2`, … and arrive in the order recorded; unless
 * told otherwise each is recorded one minute after the previous one, from 2025-01-01T00:00Z.
 */
export class StreamRecorder {
  readonly events: RecordedEvent[] = [];
  private seq = 0;

  constructor(readonly stream: string) {}

  record(...specs: EventSpec[]): this {
    for (const spec of specs) this.recordOne(spec);
    return this;
  }

  recordOne(spec: EventSpec): RecordedEvent {
    this.seq += 1;
    const event: RecordedEvent = {
      id: spec.id ?? `ev-${this.seq}`,
      stream: this.stream,
      type: spec.type,
      date: spec.date,
      recordedAt: spec.recordedAt ?? minutesAfterStart(this.seq),
      seq: this.seq,
      data: { ...(DEFAULT_DATA[spec.type] ?? {}), ...(spec.data ?? {}) },
    };
    this.events.push(event);
    return event;
  }
}

export function recorder(stream: string): StreamRecorder {
  return new StreamRecorder(stream);
}

function minutesAfterStart(minutes: number): string {
  return new Date(Date.UTC(2025, 0, 1, 0, minutes)).toISOString();
}

/**
 * Given a stream of these (valid) events, when this event comes next: the answer of the state machine.
 * Throws when the given events are not valid themselves, so a test never builds on a broken stream.
 */
export function given<Kind extends StreamKind>(kind: Kind, ...specs: EventSpec[]) {
  const stream = recorder(`${kind}/T-1`).record(...specs);
  const replay = replayStream(kind, stream.events);
  if (!replay.ok) throw new Error(`the given events are not valid: ${replay.message}`);
  const state: StateByKind[Kind] = replay.state;
  return {
    state,
    when(spec: EventSpec): TransitionError | undefined {
      const event = new StreamRecorder(stream.stream).recordOne(spec);
      const machine = MACHINES[kind] as unknown as {
        checkTransition(state: StateByKind[Kind], event: RecordedEvent): TransitionError | undefined;
      };
      return machine.checkTransition(state, event);
    },
  };
}

/**
 * Checks a whole transition table: for every situation (a named list of given events) and every candidate
 * event, whether the state machine allows it. `allowed` lists, per situation, the candidates it allows; all
 * others must be refused with a message. Returns the mismatches, so one failing assertion shows them all.
 */
export function transitionMismatches<Kind extends StreamKind>(
  kind: Kind,
  situations: Record<string, EventSpec[]>,
  candidates: Record<string, EventSpec>,
  allowed: Record<string, string[]>,
): string[] {
  const mismatches: string[] = [];
  for (const [situation, specs] of Object.entries(situations)) {
    const state = given(kind, ...specs);
    for (const [name, candidate] of Object.entries(candidates)) {
      const error = state.when(candidate);
      const shouldAllow = (allowed[situation] ?? []).includes(name);
      if (shouldAllow && error) mismatches.push(`${situation} + ${name}: refused (${error.message})`);
      if (!shouldAllow && !error) mismatches.push(`${situation} + ${name}: allowed, expected a refusal`);
      if (error && (error.code !== 'TRANSITION_NOT_ALLOWED' || error.message.length < 20)) {
        mismatches.push(`${situation} + ${name}: refusal without a useful message`);
      }
    }
  }
  return mismatches;
}

/**
 * Properties of the replay, over random streams generated from the state machines themselves: each step picks
 * one of the candidate events the machine allows at that point.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from './dates.js';
import { STREAM_KINDS } from './event.js';
import type { RecordedEvent, StreamKind } from './event.js';
import { validateEvent } from './events/schema.js';
import { MACHINES } from './machines.js';
import type { StreamState, TransitionError } from './machine.js';
import { bitemporalSegments, replayStream } from './replay.js';
import { DEFAULT_DATA } from './testing/factories.js';

type Candidate = [type: string, data?: Record<string, unknown>];

const CANDIDATES: Record<StreamKind, Candidate[]> = {
  person: [['person.registered'], ['person.alias-added'], ['person.alias-added', { name: 'A. Example' }]],
  criminal: [
    ['criminal.opened'], ['criminal.suspect-arrested'], ['criminal.indicted'],
    ['criminal.judgment', { instance: 'first-instance', outcome: 'convicted' }],
    ['criminal.judgment', { instance: 'appeal', outcome: 'acquitted' }],
    ['criminal.judgment', { instance: 'cassation', outcome: 'other' }],
    ['criminal.appeal-lodged'], ['criminal.cassation-lodged'], ['criminal.referred-back'], ['criminal.closed'],
    ['criminal.victim-registered', { victim: 'P-0100' }], ['criminal.victim-registered', { victim: 'P-0101' }],
    ['criminal.victim-informed', { victim: 'P-0100', about: 'stand van zaken' }],
  ],
  extradition: [
    ['extradition.requested'],
    ...['court-first', 'court-cassation', 'minister', 'civil-first', 'civil-appeal', 'civil-cassation'].map(
      (phase): Candidate => ['extradition.phase-entered', { phase }],
    ),
    ['extradition.concluded', { outcome: 'extradited' }], ['extradition.concluded', { outcome: 'refused' }],
  ],
  exclusion: [
    ['exclusion.opened'], ['exclusion.suspended'], ['exclusion.resumed'],
    ['exclusion.decided', { outcome: 'applied', article3Barrier: true }], ['exclusion.decided', { outcome: 'not-applied' }],
    ['exclusion.appeal-lodged', { forum: 'district-court' }], ['exclusion.appeal-lodged', { forum: 'council-of-state' }],
    ['exclusion.appeal-decided', { forum: 'district-court', outcome: 'upheld' }],
    ['exclusion.appeal-decided', { forum: 'district-court', outcome: 'annulled' }],
    ['exclusion.appeal-decided', { forum: 'council-of-state', outcome: 'upheld' }],
    ['exclusion.appeal-decided', { forum: 'council-of-state', outcome: 'annulled' }],
    ['exclusion.closed'],
  ],
  departure: [
    ['departure.opened'], ['departure.article3-barrier', { present: true }], ['departure.article3-barrier', { present: false }],
    ['departure.departed', { mode: 'voluntary-unsupervised' }], ['departure.closed'],
  ],
  intake: [['intake.received'], ['intake.assessed']],
  mla: [['mla.sent'], ['mla.received'], ['mla.answered'], ['mla.closed']],
  evidence: [
    ['evidence.registered'], ['evidence.file-attached'], ['evidence.file-attached', { sha256: 'b'.repeat(64), fileName: 'kopie.png' }],
    ['evidence.custody-transferred'], ['evidence.custody-transferred', { from: 'NFI', to: 'TIM', purpose: 'terug na onderzoek' }],
    ['evidence.verified'], ['evidence.disclosed'], ['evidence.linked'], ['evidence.unlinked'],
    ['evidence.linked', { exclusionCase: undefined, criminalCase: 'SZ-0002' }], ['evidence.unlinked', { exclusionCase: undefined, criminalCase: 'SZ-0002' }],
  ],
  witness: [
    ['witness.registered'], ['witness.protection-set'], ['witness.protection-set', { measure: 'none' }], ['witness.statement-linked'],
    ['witness.statement-linked', { evidence: 'EV-0002' }], ['witness.availability-changed'], ['witness.availability-changed', { status: 'deceased' }],
    ['witness.availability-changed', { status: 'willing', country: 'SYR' }],
  ],
  task: [['task.assigned'], ['task.assigned', { assignee: 'om.demo' }], ['task.marked-done'], ['task.marked-done', { note: 'besproken' }], ['task.reopened']],
};

interface AnyMachine {
  initialState: StreamState;
  evolve(state: StreamState, event: RecordedEvent): StreamState;
  checkTransition(state: StreamState, event: RecordedEvent): TransitionError | undefined;
}

function eventFrom(kind: StreamKind, [type, data]: Candidate, index: number, date: string): RecordedEvent {
  return {
    id: `ev-${index + 1}`,
    stream: `${kind}/GEN-1`,
    type,
    date,
    recordedAt: new Date(Date.UTC(2025, 0, 1, 0, index + 1)).toISOString(),
    seq: index + 1,
    data: { ...DEFAULT_DATA[type], ...data },
  };
}

/** Walks the machine: at each step the choice picks one of the candidates allowed in the current state. */
function generateStream(kind: StreamKind, choices: number[], gaps: number[]): { events: RecordedEvent[]; state: StreamState } {
  const machine = MACHINES[kind] as unknown as AnyMachine;
  let state = machine.initialState;
  let date = '2000-01-01';
  const events: RecordedEvent[] = [];
  for (const [step, choice] of choices.entries()) {
    date = addDays(date, gaps[step] ?? 1);
    const allowed = CANDIDATES[kind]
      .map((candidate) => eventFrom(kind, candidate, events.length, date))
      .filter((event) => !machine.checkTransition(state, event));
    if (allowed.length === 0) break;
    const event = allowed[choice % allowed.length] as RecordedEvent;
    events.push(event);
    state = machine.evolve(state, event);
  }
  return { events, state };
}

const streamArbitrary = fc.record({
  kind: fc.constantFrom(...STREAM_KINDS),
  choices: fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
  gaps: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 25, maxLength: 25 }),
});

describe('replay properties', () => {
  it('replays every stream the state machines allow', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ kind, choices, gaps }) => {
        const { events, state } = generateStream(kind, choices, gaps);
        const result = replayStream(kind, events);
        assert.ok(result.ok, result.ok ? '' : result.message);
        assert.deepEqual(result.state, state);
        for (const { seq: _seq, ...event } of events) assert.ok(validateEvent(event).ok, `${event.type} should pass the schema`);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever the order of arrival, when dates differ', () => {
    fc.assert(
      fc.property(streamArbitrary, fc.array(fc.nat()), ({ kind, choices, gaps }, shuffle) => {
        const { events } = generateStream(kind, choices, gaps);
        const arrived = [...events];
        shuffle.forEach((pick, index) => {
          const from = index % arrived.length;
          const to = pick % arrived.length;
          [arrived[from], arrived[to]] = [arrived[to] as RecordedEvent, arrived[from] as RecordedEvent];
        });
        const reordered = arrived.map((event, index) => ({ ...event, seq: index + 1, recordedAt: new Date(Date.UTC(2025, 0, 1, 0, index + 1)).toISOString() }));
        const inOrder = replayStream(kind, events);
        const outOfOrder = replayStream(kind, reordered);
        assert.ok(inOrder.ok && outOfOrder.ok);
        assert.deepEqual(outOfOrder.state, inOrder.state);
        assert.deepEqual(outOfOrder.segments, inOrder.segments);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a random event the machine does not allow at the end of a valid stream', () => {
    fc.assert(
      fc.property(streamArbitrary, fc.nat(), ({ kind, choices, gaps }, pick) => {
        const { events, state } = generateStream(kind, choices, gaps);
        const machine = MACHINES[kind] as unknown as AnyMachine;
        const last = events.at(-1)?.date ?? '2000-01-01';
        const refused = CANDIDATES[kind]
          .map((candidate) => eventFrom(kind, candidate, events.length, addDays(last, 1)))
          .filter((event) => machine.checkTransition(state, event));
        fc.pre(refused.length > 0);
        const invalid = refused[pick % refused.length] as RecordedEvent;
        const result = replayStream(kind, [...events, invalid]);
        assert.ok(!result.ok);
        assert.equal(result.eventId, invalid.id);
        assert.equal(result.code, 'TRANSITION_NOT_ALLOWED');
      }),
      { numRuns: 500 },
    );
  });

  it('has the current bitemporal rows equal to the valid-time segments', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ kind, choices, gaps }) => {
        const { events } = generateStream(kind, choices, gaps);
        const result = replayStream(kind, events);
        assert.ok(result.ok);
        const current = bitemporalSegments(kind, events)
          .filter((row) => row.recordedUntil === null)
          .map(({ recordedFrom: _from, recordedUntil: _until, ...segment }) => segment)
          .sort((a, b) => (a.from < b.from ? -1 : 1));
        assert.deepEqual(current.map((s) => [s.from, s.until, s.phase, s.attributes]), result.segments.map((s) => [s.from, s.until, s.phase, s.attributes]));
      }),
      { numRuns: 300 },
    );
  });
});

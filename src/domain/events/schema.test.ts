import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DATA } from '../testing/factories.js';
import { EVENT_TYPES, EVENT_TYPES_BY_KIND, validateEvent } from './schema.js';
import type { ValidationResult } from './schema.js';

function line(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'ev-000123',
    stream: 'criminal/SZ-2023-004',
    type: 'criminal.judgment',
    date: '2024-12-11',
    recordedAt: '2024-12-12T09:30:00Z',
    data: { instance: 'first-instance', ecli: 'ECLI:NL:RBDHA:2024:20594', outcome: 'convicted', sentence: { prisonMonths: 120 } },
    ...overrides,
  };
}

function problemsOf(result: ValidationResult): Array<[string | undefined, string]> {
  assert.equal(result.ok, false, 'expected the event to be refused');
  return result.ok ? [] : result.problems.map((problem) => [problem.field, problem.message]);
}

describe('validateEvent', () => {
  it('accepts the example of the interchange format and normalises recordedAt', () => {
    const result = validateEvent(line({ recordedAt: '2024-12-12T10:30:00+01:00' }));
    assert.ok(result.ok);
    assert.equal(result.event.recordedAt, '2024-12-12T09:30:00.000Z');
    assert.deepEqual(result.event.data, line().data);
    assert.deepEqual(result.references, []);
  });

  it('accepts an event without recordedAt and leaves it out', () => {
    const result = validateEvent(line({ recordedAt: undefined }));
    assert.ok(result.ok);
    assert.equal('recordedAt' in result.event, false);
  });

  it('accepts a missing data object for a type without data', () => {
    const result = validateEvent({ id: 'e1', stream: 'mla/RH-1', type: 'mla.answered', date: '2024-01-01' });
    assert.ok(result.ok);
    assert.deepEqual(result.event.data, {});
  });

  it('accepts the default test data of every type', () => {
    for (const [kind, types] of Object.entries(EVENT_TYPES_BY_KIND)) {
      for (const type of [...types, 'retracted']) {
        const result = validateEvent({ id: 'e1', stream: `${kind}/X-1`, type, date: '2024-01-01', data: DEFAULT_DATA[type] });
        assert.ok(result.ok, `${type}: ${JSON.stringify(result)}`);
      }
    }
  });

  it('knows the 32 event types of format v1, the hearing-scheduled, person.merged, judge-authorisation, information-shared and legal-hold extensions, the 7 evidence events, the 7 proof events (R8), the 4 witness events, the 3 task events of the inbox and retracted', () => {
    assert.equal(EVENT_TYPES.length, 60);
    assert.ok(EVENT_TYPES.includes('task.marked-done'));
    assert.ok(EVENT_TYPES.includes('witness.availability-changed'));
    assert.ok(EVENT_TYPES.includes('evidence.element-linked'));
    assert.ok(EVENT_TYPES.includes('person.legal-hold-placed'));
    assert.ok(EVENT_TYPES.includes('person.legal-hold-lifted'));
    assert.ok(EVENT_TYPES.includes('evidence.file-attached'));
    assert.ok(EVENT_TYPES.includes('criminal.judge-authorisation'));
    assert.ok(EVENT_TYPES.includes('exclusion.information-shared'));
    assert.ok(EVENT_TYPES.includes('criminal.hearing-scheduled'));
    assert.ok(EVENT_TYPES.includes('person.merged'));
    assert.ok(EVENT_TYPES.includes('retracted'));
  });

  describe('the envelope', () => {
    it('refuses something that is not an object', () => {
      for (const raw of [null, 'x', 3, [1]]) assert.match(problemsOf(validateEvent(raw))[0]?.[1] ?? '', /expected an event object/);
    });

    it('names every missing envelope field', () => {
      assert.deepEqual(problemsOf(validateEvent({ data: {} })).map(([field]) => field), ['id', 'stream', 'type', 'date']);
    });

    it('refuses unknown envelope fields', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ foo: 1 }))), [['foo', "unknown field 'foo'"]]);
    });

    it('refuses a field of the wrong type', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ id: 42 }))), [['id', 'expected a non-empty string, got number 42']]);
    });

    it('refuses a stream that is not <kind>/<id>', () => {
      for (const stream of ['criminal', 'court/SZ-1', '/SZ-1', 'criminal/', 'criminal/a/b']) {
        assert.equal(problemsOf(validateEvent(line({ stream })))[0]?.[0], 'stream', stream);
      }
    });

    it('refuses an unknown type and lists the types of the stream kind', () => {
      const [problem] = problemsOf(validateEvent(line({ type: 'criminal.sentenced' })));
      assert.equal(problem?.[0], 'type');
      assert.match(problem?.[1] ?? '', /unknown event type 'criminal.sentenced'; a criminal stream takes criminal.opened, .*retracted/);
    });

    it('refuses a type of another kind', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ stream: 'exclusion/IF-2023-017' }))), [
        ['type', 'type criminal.judgment does not belong on an exclusion stream'],
      ]);
    });

    it('accepts retracted on any stream', () => {
      const result = validateEvent({ id: 'e9', stream: 'person/P-1', type: 'retracted', date: '2024-01-01', data: { event: 'e1', reason: 'dubbel' } });
      assert.ok(result.ok);
    });

    it('refuses a date that is not a calendar date', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ date: '2025-13-45' }))), [['date', 'not a calendar date (YYYY-MM-DD): 2025-13-45']]);
      assert.equal(problemsOf(validateEvent(line({ date: '2025-02-30' })))[0]?.[0], 'date');
    });

    it('refuses a recordedAt without a time zone', () => {
      assert.equal(problemsOf(validateEvent(line({ recordedAt: '2024-12-12T09:30:00' })))[0]?.[0], 'recordedAt');
    });

    it('refuses data that is not an object', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ data: [] }))), [['data', 'expected an object, got a list']]);
    });
  });

  describe('the data', () => {
    it('names a value outside an enumeration and what it got', () => {
      const data = { instance: 'first-instance', outcome: 'yes' };
      assert.deepEqual(problemsOf(validateEvent(line({ data }))), [['data.outcome', "expected one of convicted, acquitted, other, got 'yes'"]]);
    });

    it('refuses unknown data fields', () => {
      const data = { instance: 'first-instance', outcome: 'convicted', foo: 1 };
      assert.deepEqual(problemsOf(validateEvent(line({ data }))), [['data.foo', "unknown field 'foo'"]]);
    });

    it('names a missing required field', () => {
      assert.deepEqual(problemsOf(validateEvent(line({ data: { instance: 'appeal' } }))), [['data.outcome', "missing field 'outcome'"]]);
    });

    it('refuses wrong types inside nested objects', () => {
      const data = { instance: 'appeal', outcome: 'convicted', sentence: { prisonMonths: '120', life: 'no' } };
      assert.deepEqual(problemsOf(validateEvent(line({ data }))), [
        ['data.sentence.prisonMonths', "expected number, got '120'"],
        ['data.sentence.life', "expected boolean, got 'no'"],
      ]);
    });

    it('refuses a malformed ECLI', () => {
      const data = { instance: 'appeal', outcome: 'convicted', ecli: 'RBDHA 2024 20594' };
      assert.match(problemsOf(validateEvent(line({ data })))[0]?.[1] ?? '', /not an ECLI/);
    });

    it('checks country codes against ISO 3166-1 alpha-3', () => {
      const event = { id: 'e1', stream: 'extradition/UL-1', type: 'extradition.requested', date: '2024-01-01' };
      assert.ok(validateEvent({ ...event, data: { person: 'P-1', requestingState: 'RWA' } }).ok);
      assert.deepEqual(problemsOf(validateEvent({ ...event, data: { person: 'P-1', requestingState: 'RW' } })), [
        ['data.requestingState', "not an ISO 3166-1 alpha-3 country code: 'RW'"],
      ]);
      assert.equal(problemsOf(validateEvent({ ...event, data: { person: 'P-1', requestingState: 'XYZ' } })).length, 1);
    });

    it('checks offence codes and the partial dates of acts', () => {
      const data = {
        suspect: 'P-1',
        offences: ['war-crimes', 'murder'],
        acts: [
          { offence: 'torture', from: '1994', until: '1995-03', country: 'SYR' },
          { offence: 'genocide', from: '1994-13' },
          { offence: 'torture', from: '1996', until: '1995' },
        ],
      };
      const problems = problemsOf(validateEvent({ id: 'e1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2024-01-01', data }));
      assert.deepEqual(problems, [
        ['data.offences[1]', `expected one of genocide, crimes-against-humanity, war-crimes, torture, enforced-disappearance, aggression, terrorism, other, got 'murder'`],
        ['data.acts[1].from', 'not a date (YYYY, YYYY-MM or YYYY-MM-DD): 1994-13'],
        ['data.acts[2].until', 'until 1995 lies before from 1996'],
      ]);
    });

    it('carries whether an act was part of a widespread or systematic attack (R1 before WIM art. 8a)', () => {
      const event = { id: 'e1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2024-01-01' };
      const act = { offence: 'enforced-disappearance', from: '2006-05', country: 'SYR', partOfAttack: true };
      const accepted = validateEvent({ ...event, data: { suspect: 'P-1', offences: ['enforced-disappearance'], acts: [act] } });
      assert.ok(accepted.ok);
      assert.deepEqual((accepted.event.data as { acts: unknown[] }).acts, [act]);
      const refused = validateEvent({ ...event, data: { suspect: 'P-1', offences: ['torture'], acts: [{ ...act, partOfAttack: 'yes' }] } });
      assert.equal(problemsOf(refused)[0]?.[0], 'data.acts[0].partOfAttack');
    });

    it('requires at least one name, in any script', () => {
      const event = { id: 'e1', stream: 'person/P-1', type: 'person.registered', date: '2024-01-01' };
      assert.ok(validateEvent({ ...event, data: { names: ['محمد الأحمد'], birthDate: '1971', nationalities: ['SYR'] } }).ok);
      assert.deepEqual(problemsOf(validateEvent({ ...event, data: { names: [] } })), [['data.names', 'expected at least 1 item(s), got none']]);
      assert.equal(problemsOf(validateEvent({ ...event, data: { names: ['  '] } }))[0]?.[0], 'data.names[0]');
    });

    it('accepts one ground or a list of grounds for an exclusion decision', () => {
      const event = { id: 'e1', stream: 'exclusion/IF-1', type: 'exclusion.decided', date: '2024-01-01' };
      assert.ok(validateEvent({ ...event, data: { outcome: 'applied', grounds: 'a' } }).ok);
      assert.ok(validateEvent({ ...event, data: { outcome: 'applied', grounds: ['a', 'b'], article3Barrier: true } }).ok);
      assert.deepEqual(problemsOf(validateEvent({ ...event, data: { outcome: 'applied', grounds: 'd' } })), [
        ['data.grounds', "expected one of a, b, c or a list of them, got 'd'"],
      ]);
    });
  });

  describe('references', () => {
    it('names the person streams a criminal case refers to', () => {
      const result = validateEvent({ id: 'e1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2024-01-01', data: { suspect: 'P-0042', offences: ['torture'] } });
      assert.ok(result.ok);
      assert.deepEqual(result.references, [{ field: 'data.suspect', stream: 'person/P-0042' }]);
    });

    it('names each subject of an intake and the criminal case it led to', () => {
      const received = validateEvent({ id: 'e1', stream: 'intake/M-1', type: 'intake.received', date: '2024-01-01', data: { subjects: ['P-1', 'P-2'] } });
      assert.ok(received.ok);
      assert.deepEqual(received.references, [
        { field: 'data.subjects[0]', stream: 'person/P-1' },
        { field: 'data.subjects[1]', stream: 'person/P-2' },
      ]);
      const assessed = validateEvent({ id: 'e2', stream: 'intake/M-1', type: 'intake.assessed', date: '2024-02-01', data: { outcome: 'investigation-opened', criminalCase: 'SZ-9' } });
      assert.ok(assessed.ok);
      assert.deepEqual(assessed.references, [{ field: 'data.criminalCase', stream: 'criminal/SZ-9' }]);
    });

    it('names the person and the exclusion case of a departure dossier', () => {
      const result = validateEvent({ id: 'e1', stream: 'departure/DTV-1', type: 'departure.opened', date: '2024-01-01', data: { person: 'P-7', exclusionCase: 'IF-2023-017' } });
      assert.ok(result.ok);
      assert.deepEqual(result.references.map((r) => r.stream), ['person/P-7', 'exclusion/IF-2023-017']);
    });

    it('names the victim of a victim registration', () => {
      const result = validateEvent({ id: 'e1', stream: 'criminal/SZ-1', type: 'criminal.victim-registered', date: '2024-01-01', data: { victim: 'P-9' } });
      assert.ok(result.ok);
      assert.deepEqual(result.references, [{ field: 'data.victim', stream: 'person/P-9' }]);
    });
  });
});

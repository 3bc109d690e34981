import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, recorder } from './testing/factories.js';
import { bitemporalSegments, replayStream, segmentAt, stateAt } from './replay.js';
import type { BitemporalSegment } from './replay.js';

const T = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

describe('replayStream', () => {
  it('replays a criminal case into its phase and valid-time segments', () => {
    const stream = recorder('criminal/SZ-1').record(
      ev('criminal.opened', '2023-01-10'),
      ev('criminal.indicted', '2024-02-01'),
      ev('criminal.judgment', '2024-12-11'),
      ev('criminal.appeal-lodged', '2024-12-20'),
    );
    const result = replayStream('criminal', stream.events);
    assert.ok(result.ok);
    assert.equal(result.state.phase, 'appeal');
    assert.deepEqual(
      result.segments.map((s) => [s.from, s.until, s.phase, s.sinceEventId]),
      [
        ['2023-01-10', '2024-02-01', 'investigation', 'ev-1'],
        ['2024-02-01', '2024-12-11', 'first-instance', 'ev-2'],
        ['2024-12-11', '2024-12-20', 'first-instance', 'ev-3'],
        ['2024-12-20', null, 'appeal', 'ev-4'],
      ],
    );
    assert.equal(result.segments[2]?.attributes.judgmentOutcome, 'convicted');
  });

  it('accepts a late event with an earlier date when the stream stays valid', () => {
    const stream = recorder('criminal/SZ-1').record(
      ev('criminal.opened', '2023-01-10'),
      ev('criminal.indicted', '2024-02-01'),
      ev('criminal.suspect-arrested', '2023-06-01'),
    );
    const result = replayStream('criminal', stream.events);
    assert.ok(result.ok);
    assert.deepEqual(result.segments.map((s) => s.from), ['2023-01-10', '2023-06-01', '2024-02-01']);
  });

  it('refuses a late event with an earlier date that breaks the order of the case', () => {
    const stream = recorder('criminal/SZ-1').record(
      ev('criminal.opened', '2023-01-10'),
      ev('criminal.indicted', '2024-02-01'),
      ev('criminal.judgment', '2024-12-11'),
      ev('criminal.appeal-lodged', '2024-01-15'),
    );
    const result = replayStream('criminal', stream.events);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.eventId, 'ev-4');
    assert.equal(result.code, 'TRANSITION_NOT_ALLOWED');
    assert.equal(result.message, 'criminal.appeal-lodged needs a first-instance judgment; the case is in phase investigation');
  });

  it('orders events of one date by recordedAt, then by arrival', () => {
    const stream = recorder('criminal/SZ-1').record(
      ev('criminal.opened', '2023-01-10'),
      ev('criminal.judgment', '2024-02-01', {}, { recordedAt: T(30) }),
      ev('criminal.indicted', '2024-02-01', {}, { recordedAt: T(20) }),
    );
    const result = replayStream('criminal', stream.events);
    assert.ok(result.ok);
    assert.equal(result.state.judgment?.eventId, 'ev-2');
  });

  it('shows only the end-of-day state when several events share a date', () => {
    const stream = recorder('criminal/SZ-1').record(
      ev('criminal.opened', '2023-01-10'),
      ev('criminal.indicted', '2024-02-01'),
      ev('criminal.judgment', '2024-02-01'),
      ev('criminal.closed', '2024-02-01'),
    );
    const result = replayStream('criminal', stream.events);
    assert.ok(result.ok);
    assert.deepEqual(result.segments.map((s) => [s.from, s.phase, s.sinceEventId]), [
      ['2023-01-10', 'investigation', 'ev-1'],
      ['2024-02-01', 'closed', 'ev-4'],
    ]);
  });

  it('merges adjacent segments with equal phase and attributes, keeping the earliest event', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01'),
      ev('departure.article3-barrier', '2024-03-01', { present: false }),
      ev('departure.article3-barrier', '2024-06-01', { present: true }),
      ev('departure.article3-barrier', '2024-09-01', { present: true }),
    );
    const result = replayStream('departure', stream.events);
    assert.ok(result.ok);
    assert.deepEqual(result.segments.map((s) => [s.from, s.until, s.attributes.article3Barrier, s.sinceEventId]), [
      ['2024-01-01', '2024-06-01', false, 'ev-1'],
      ['2024-06-01', null, true, 'ev-3'],
    ]);
  });

  it('refuses an event of another kind on the stream', () => {
    const stream = recorder('departure/D-1').record(ev('departure.opened', '2024-01-01'), ev('criminal.indicted', '2024-02-01'));
    const result = replayStream('departure', stream.events);
    assert.ok(!result.ok);
    assert.match(result.message, /does not belong on a departure stream/);
  });

  describe('retractions', () => {
    it('removes a retracted event and the retraction itself', () => {
      const stream = recorder('departure/D-1').record(
        ev('departure.opened', '2024-01-01'),
        ev('departure.article3-barrier', '2024-03-01', { present: true }),
        ev('retracted', '2024-04-01', { event: 'ev-2' }),
      );
      const result = replayStream('departure', stream.events);
      assert.ok(result.ok);
      assert.equal(result.state.article3Barrier, false);
      assert.equal(result.segments.length, 1);
    });

    it('allows an event that only the retraction made valid', () => {
      const stream = recorder('departure/D-1').record(
        ev('departure.opened', '2024-01-01'),
        ev('departure.departed', '2024-03-01'),
        ev('retracted', '2024-04-01', { event: 'ev-2' }),
        ev('departure.article3-barrier', '2024-05-01'),
      );
      assert.ok(replayStream('departure', stream.events).ok);
    });

    it('refuses to retract the opening event while later events remain', () => {
      const stream = recorder('departure/D-1').record(
        ev('departure.opened', '2024-01-01'),
        ev('departure.article3-barrier', '2024-03-01'),
        ev('retracted', '2024-04-01', { event: 'ev-1' }),
      );
      const result = replayStream('departure', stream.events);
      assert.ok(!result.ok);
      assert.equal(result.code, 'TRANSITION_NOT_ALLOWED');
      assert.equal(result.eventId, 'ev-2');
      assert.match(result.message, /cannot come first; a departure stream starts with departure.opened/);
    });

    it('leaves an empty stream when the only event is retracted', () => {
      const stream = recorder('departure/D-1').record(ev('departure.opened', '2024-01-01'), ev('retracted', '2024-01-02', { event: 'ev-1' }));
      const result = replayStream('departure', stream.events);
      assert.ok(result.ok);
      assert.equal(result.state.phase, 'not-opened');
      assert.deepEqual(result.segments, []);
    });

    it('refuses a retraction of an event that arrived later', () => {
      const stream = recorder('departure/D-1').record(
        ev('departure.opened', '2024-01-01'),
        ev('retracted', '2024-01-02', { event: 'ev-3' }),
        ev('departure.article3-barrier', '2024-03-01'),
      );
      const result = replayStream('departure', stream.events);
      assert.ok(!result.ok);
      assert.equal(result.code, 'INVALID_RETRACTION');
      assert.equal(result.eventId, 'ev-2');
    });

    it('refuses a retraction of an unknown event, of a retraction, and a second retraction of one event', () => {
      const base = () => recorder('departure/D-1').record(ev('departure.opened', '2024-01-01'), ev('departure.article3-barrier', '2024-02-01'));
      const unknown = base().record(ev('retracted', '2024-03-01', { event: 'ev-99' }));
      const ofRetraction = base().record(ev('retracted', '2024-03-01', { event: 'ev-2' }), ev('retracted', '2024-03-02', { event: 'ev-3' }));
      const twice = base().record(ev('retracted', '2024-03-01', { event: 'ev-2' }), ev('retracted', '2024-03-02', { event: 'ev-2' }));
      for (const stream of [unknown, ofRetraction, twice]) {
        const result = replayStream('departure', stream.events);
        assert.ok(!result.ok);
        assert.equal(result.code, 'INVALID_RETRACTION');
      }
    });
  });
});

describe('segmentAt', () => {
  const stream = recorder('departure/D-1').record(
    ev('departure.opened', '2024-01-01'),
    ev('departure.article3-barrier', '2024-06-01', { present: true }),
    ev('departure.departed', '2024-12-31'),
  );
  const result = replayStream('departure', stream.events);
  assert.ok(result.ok);

  it('includes the events dated on the day itself', () => {
    assert.equal(segmentAt(result.segments, '2024-06-01')?.attributes.article3Barrier, true);
    assert.equal(segmentAt(result.segments, '2024-12-31')?.phase, 'departed');
  });

  it('excludes events dated after the day', () => {
    assert.equal(segmentAt(result.segments, '2024-05-31')?.attributes.article3Barrier, false);
    assert.equal(segmentAt(result.segments, '2024-12-30')?.phase, 'open');
  });

  it('finds nothing before the stream opened', () => {
    assert.equal(segmentAt(result.segments, '2023-12-31'), undefined);
  });
});

describe('stateAt', () => {
  it('gives the state on a date as the registry knew it at a time', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(1) }),
      ev('departure.article3-barrier', '2024-06-01', { present: true }, { recordedAt: T(10) }),
      ev('retracted', '2024-07-01', { event: 'ev-2' }, { recordedAt: T(20) }),
    );
    assert.equal(stateAt('departure', stream.events, '2024-12-31', T(5)).article3Barrier, false);
    assert.equal(stateAt('departure', stream.events, '2024-12-31', T(10)).article3Barrier, true);
    assert.equal(stateAt('departure', stream.events, '2024-05-31', T(10)).article3Barrier, false);
    assert.equal(stateAt('departure', stream.events, '2024-12-31').article3Barrier, false);
    assert.equal(stateAt('departure', stream.events, '2023-12-31').phase, 'not-opened');
  });
});

describe('bitemporalSegments', () => {
  const rowsOf = (rows: BitemporalSegment[]) =>
    rows.map((r) => [r.from, r.until, r.phase, r.attributes.article3Barrier, r.recordedFrom, r.recordedUntil]);

  it('keeps a segment that later knowledge does not change as one row', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(1) }),
      ev('departure.article3-barrier', '2024-06-01', { present: true }, { recordedAt: T(2) }),
    );
    assert.deepEqual(rowsOf(bitemporalSegments('departure', stream.events)), [
      ['2024-01-01', null, 'open', false, T(1), T(2)],
      ['2024-01-01', '2024-06-01', 'open', false, T(2), null],
      ['2024-06-01', null, 'open', true, T(2), null],
    ]);
  });

  it('shows a retracted event until the retraction was recorded, whatever its date', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(1) }),
      ev('departure.departed', '2024-06-01', {}, { recordedAt: T(2) }),
      ev('retracted', '2024-07-01', { event: 'ev-2' }, { recordedAt: T(3) }),
    );
    assert.deepEqual(
      bitemporalSegments('departure', stream.events).map((r) => [r.from, r.until, r.phase, r.recordedFrom, r.recordedUntil]),
      [
        ['2024-01-01', null, 'open', T(1), T(2)],
        ['2024-01-01', '2024-06-01', 'open', T(2), T(3)],
        ['2024-06-01', null, 'departed', T(2), T(3)],
        ['2024-01-01', null, 'open', T(3), null],
      ],
    );
  });

  it('places a late event with an earlier date into the history from the time it was recorded', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(1) }),
      ev('departure.departed', '2024-09-01', {}, { recordedAt: T(2) }),
      ev('departure.article3-barrier', '2024-03-01', { present: true }, { recordedAt: T(3) }),
    );
    const rows = bitemporalSegments('departure', stream.events);
    const at = (date: string, time: string) =>
      rows.find((r) => r.from <= date && (r.until === null || date < r.until) && r.recordedFrom <= time && (r.recordedUntil === null || time < r.recordedUntil));
    assert.equal(at('2024-04-01', T(2))?.attributes.article3Barrier, false);
    assert.equal(at('2024-04-01', T(3))?.attributes.article3Barrier, true);
    assert.equal(at('2024-10-01', T(3))?.phase, 'departed');
    assert.equal(at('2024-10-01', T(3))?.attributes.article3Barrier, true);
  });

  it('skips an event that was not valid in a past version instead of failing', () => {
    // Knowledge at T(2) holds a departure.departed before the dossier was opened: an invalid version.
    const stream = recorder('departure/D-1').record(
      ev('departure.departed', '2024-06-01', {}, { recordedAt: T(2) }),
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(3) }),
    );
    assert.deepEqual(
      bitemporalSegments('departure', stream.events).map((r) => [r.from, r.until, r.phase, r.recordedFrom, r.recordedUntil]),
      [
        ['2024-01-01', '2024-06-01', 'open', T(3), null],
        ['2024-06-01', null, 'departed', T(3), null],
      ],
    );
  });

  it('treats events recorded at the same time as one version', () => {
    const stream = recorder('departure/D-1').record(
      ev('departure.opened', '2024-01-01', {}, { recordedAt: T(1) }),
      ev('departure.departed', '2024-06-01', {}, { recordedAt: T(1) }),
    );
    assert.equal(bitemporalSegments('departure', stream.events).every((r) => r.recordedFrom === T(1) && r.recordedUntil === null), true);
  });
});

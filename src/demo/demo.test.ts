import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventInput, RecordedEvent, StreamKind } from '../domain/event.js';
import { parseStreamName } from '../domain/event.js';
import { validateEvent } from '../domain/events/schema.js';
import { replayStream } from '../domain/replay.js';
import { assessAct } from '../domain/rules/punishability.js';
import type { ActInput } from '../domain/rules/punishability.js';
import { victimInformationStatus } from '../domain/rules/victim-information.js';
import { testRuleConfig } from '../domain/testing/rule-config.js';
import { countDemoEvents, demoJsonLines, generateDemo } from './generate-demo.js';

/** Figures by table and row. */
type Figures = Record<string, Record<string, number>>;

/** The report's target figures (docs/domain.md §6) at scale 1. */
const TARGETS: Record<2024 | 2025, Figures> = {
  2024: {
    criminal: { investigation: 3, 'first-instance': 7, appeal: 2, cassation: 4, total: 16 },
    extraditionStock: { 'court-first': 0, 'court-cassation': 0, minister: 0, 'civil-first': 0, 'civil-appeal': 0, 'civil-cassation': 2 },
    extraditionFlow: { extradited: 0, refused: 0 },
    decisions: { applied: 38, 'not-applied': 112 },
    dossiers: { withBarrier: 79, withoutBarrier: 32 },
    departures: { forced: 1, 'voluntary-supervised': 4, 'voluntary-unsupervised': 20 },
  },
  2025: {
    criminal: { investigation: 5, 'first-instance': 6, appeal: 3, cassation: 4, total: 18 },
    extraditionStock: { 'court-first': 0, 'court-cassation': 0, minister: 0, 'civil-first': 0, 'civil-appeal': 0, 'civil-cassation': 0 },
    extraditionFlow: { extradited: 0, refused: 2 },
    decisions: { applied: 38, 'not-applied': 64 },
    dossiers: { withBarrier: 69, withoutBarrier: 60 },
    departures: { forced: 1, 'voluntary-supervised': 11, 'voluntary-unsupervised': 17 },
  },
};

// --- A small counter of its own, independent of the report engine: docs/domain.md §6 read literally. ---

/** The events of each stream, retractions and their targets left out, in stream order (date, recordedAt, arrival). */
function streamsOf(events: readonly EventInput[]): Map<string, EventInput[]> {
  const retracted = new Set(events.filter((event) => event.type === 'retracted').map((event) => String(event.data.event)));
  const streams = new Map<string, EventInput[]>();
  for (const event of events) {
    if (event.type === 'retracted' || retracted.has(event.id)) continue;
    const list = streams.get(event.stream) ?? [];
    list.push(event);
    streams.set(event.stream, list);
  }
  for (const list of streams.values()) {
    list.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.recordedAt! < b.recordedAt! ? -1 : a.recordedAt! > b.recordedAt! ? 1 : 0));
  }
  return streams;
}

/** Phase and Article 3 barrier of a stream on a date, counting every event dated on or before it. */
function stateOn(events: readonly EventInput[], date: string): { phase: string; barrier: boolean } {
  let phase = 'not-opened';
  let barrier = false;
  for (const event of events) {
    if (event.date > date) break;
    const change: Record<string, string | undefined> = {
      'criminal.opened': 'investigation',
      'criminal.indicted': 'first-instance',
      'criminal.appeal-lodged': 'appeal',
      'criminal.cassation-lodged': 'cassation',
      'criminal.referred-back': 'appeal',
      'criminal.closed': 'closed',
      'extradition.requested': 'received',
      'extradition.phase-entered': String(event.data.phase),
      'extradition.concluded': 'concluded',
      'departure.opened': 'open',
      'departure.departed': 'departed',
      'departure.closed': 'closed',
    };
    phase = change[event.type] ?? phase;
    if (event.type === 'departure.article3-barrier') barrier = event.data.present === true;
  }
  return { phase, barrier };
}

function figuresFor(events: readonly EventInput[], year: number) {
  const referenceDate = `${year}-12-31`;
  const criminal = { investigation: 0, 'first-instance': 0, appeal: 0, cassation: 0, total: 0 };
  const extraditionStock = { 'court-first': 0, 'court-cassation': 0, minister: 0, 'civil-first': 0, 'civil-appeal': 0, 'civil-cassation': 0 };
  const dossiers = { withBarrier: 0, withoutBarrier: 0 };
  for (const [stream, list] of streamsOf(events)) {
    const { phase, barrier } = stateOn(list, referenceDate);
    if (stream.startsWith('criminal/') && phase in criminal && phase !== 'total') {
      criminal[phase as keyof typeof criminal] += 1;
      criminal.total += 1;
    }
    if (stream.startsWith('extradition/') && phase in extraditionStock) extraditionStock[phase as keyof typeof extraditionStock] += 1;
    if (stream.startsWith('departure/') && phase === 'open') dossiers[barrier ? 'withBarrier' : 'withoutBarrier'] += 1;
  }
  const retracted = new Set(events.filter((event) => event.type === 'retracted').map((event) => String(event.data.event)));
  const inYear = events.filter((event) => event.date.startsWith(`${year}-`) && !retracted.has(event.id));
  const count = (type: string, field: string, value: string) =>
    inYear.filter((event) => event.type === type && event.data[field] === value).length;
  return {
    criminal,
    extraditionStock,
    extraditionFlow: { extradited: count('extradition.concluded', 'outcome', 'extradited'), refused: count('extradition.concluded', 'outcome', 'refused') },
    decisions: { applied: count('exclusion.decided', 'outcome', 'applied'), 'not-applied': count('exclusion.decided', 'outcome', 'not-applied') },
    dossiers,
    departures: {
      forced: count('departure.departed', 'mode', 'forced'),
      'voluntary-supervised': count('departure.departed', 'mode', 'voluntary-supervised'),
      'voluntary-unsupervised': count('departure.departed', 'mode', 'voluntary-unsupervised'),
    },
  };
}

function times(figures: Figures, factor: number): Figures {
  return Object.fromEntries(
    Object.entries(figures).map(([table, rows]) => [table, Object.fromEntries(Object.entries(rows).map(([row, value]) => [row, value * factor]))]),
  );
}

// --- The demo itself. ---

const scaleOne = [...generateDemo({ scale: 1 })];
const scaleThree = [...generateDemo({ scale: 3 })];

const OPENERS: Record<StreamKind, readonly string[]> = {
  person: ['person.registered'],
  criminal: ['criminal.opened'],
  extradition: ['extradition.requested'],
  exclusion: ['exclusion.opened'],
  departure: ['departure.opened'],
  intake: ['intake.received'],
  mla: ['mla.sent', 'mla.received'],
  evidence: ['evidence.registered'],
  witness: ['witness.registered'],
  // a task has no opening event (any of its events may come first); the demo writes none (the inbox's users do)
  task: [],
};
const REFERENCE_FIELDS: Record<string, StreamKind> = {
  suspect: 'person',
  person: 'person',
  victim: 'person',
  subjects: 'person',
  exclusionCase: 'exclusion',
  criminalCase: 'criminal',
  criminalCases: 'criminal',
  exclusionCases: 'exclusion',
  evidence: 'evidence',
};

describe('the demo registry', () => {
  it('is the same, byte for byte, on every run', () => {
    assert.equal([...demoJsonLines({ scale: 1 })].join(''), scaleOne.map((event) => `${JSON.stringify(event)}\n`).join(''));
    assert.deepEqual([...generateDemo({ scale: 1 })], scaleOne);
  });

  it('has between 8,000 and 15,000 events at scale 1, and N times as many at scale N', () => {
    assert.ok(scaleOne.length >= 8_000 && scaleOne.length <= 15_000, `${scaleOne.length} events`);
    assert.equal(countDemoEvents({ scale: 1 }), scaleOne.length);
    assert.ok(Math.abs(scaleThree.length - 3 * scaleOne.length) < 0.05 * scaleOne.length, `${scaleThree.length} events at scale 3`);
  });

  it('starts every larger scale with the scale-1 registry', () => {
    assert.deepEqual(scaleThree.slice(0, scaleOne.length), scaleOne);
  });

  for (const [scale, events] of [[1, scaleOne], [3, scaleThree]] as const) {
    it(`gives every event a unique id at scale ${scale}`, () => {
      assert.equal(new Set(events.map((event) => event.id)).size, events.length);
    });

    it(`refers only to persons, cases and events that exist at scale ${scale}`, () => {
      const streams = new Set(events.map((event) => event.stream));
      const byId = new Map(events.map((event) => [event.id, event]));
      for (const event of events) {
        for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
          const value = event.data[field];
          for (const id of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            assert.ok(streams.has(`${kind}/${String(id)}`), `${event.id} ${field} → ${kind}/${String(id)}`);
          }
        }
        for (const field of ['concerning', 'event'] as const) {
          if (event.data[field] === undefined || (field === 'event' && event.type !== 'retracted')) continue;
          const target = byId.get(String(event.data[field]));
          assert.ok(target && target.stream === event.stream && target.date <= event.date, `${event.id} ${field} → ${String(event.data[field])}`);
        }
      }
    });

    it(`starts every stream with its opening event at scale ${scale}`, () => {
      const first = streamsOf(events);
      assert.ok(first.size > 4_000 * scale);
      for (const [stream, list] of first) {
        const kind = parseStreamName(stream)!.kind;
        assert.ok(OPENERS[kind].includes(list[0]!.type), `${stream} starts with ${list[0]!.type}`);
        assert.equal(list.filter((event) => OPENERS[kind].includes(event.type)).length, 1, `${stream} has one opening`);
      }
    });

    it(`dates every event up to 2026-10-31 and records it after its date, before 2026-11-01, at scale ${scale}`, () => {
      for (const event of events) {
        assert.match(event.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(event.date >= '2010-01-01' && event.date <= '2026-10-31', `${event.id} dated ${event.date}`);
        assert.match(event.recordedAt!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.ok(event.recordedAt! >= event.date && event.recordedAt! < '2026-11-01', `${event.id} recorded ${event.recordedAt}`);
      }
    });

    it(`reproduces the figures of the 2024–2025 report ${scale === 1 ? 'exactly' : 'three times over'} at scale ${scale}`, () => {
      for (const year of [2024, 2025] as const) {
        assert.deepEqual(figuresFor(events, year), times(TARGETS[year], scale), `figures for ${year}`);
      }
    });

    it(`has ${scale === 1 ? 'a single case' : 'three cases'} before a court at the end of 2014 at scale ${scale}`, () => {
      const { criminal } = figuresFor(events, 2014);
      assert.equal(criminal['first-instance'] + criminal.appeal + criminal.cassation, scale);
    });
  }

  it('registers some events months late, and most within days', () => {
    const delays = scaleOne.map((event) => (Date.parse(event.recordedAt!) - Date.parse(`${event.date}T00:00:00Z`)) / 86_400_000);
    const late = delays.filter((days) => days > 60).length;
    assert.ok(late > 20 && late < scaleOne.length * 0.05, `${late} late registrations`);
    assert.ok(delays.filter((days) => days < 15).length > scaleOne.length * 0.8);
  });

  it('has victims who are overdue: not informed for over six months, or never told of a judgment', () => {
    const streams = streamsOf(scaleOne);
    let lapsed = 0;
    let notToldOfJudgment = 0;
    for (const [stream, list] of streams) {
      if (!stream.startsWith('criminal/')) continue;
      const judgments = list.filter((event) => event.type === 'criminal.judgment');
      const closed = list.some((event) => event.type === 'criminal.closed' && event.date <= '2025-12-31');
      for (const registration of list.filter((event) => event.type === 'criminal.victim-registered')) {
        const informed = list.filter((event) => event.type === 'criminal.victim-informed' && event.data.victim === registration.data.victim);
        const lastIn2025 = informed.filter((event) => event.date <= '2025-12-31').at(-1)?.date ?? registration.date;
        if (!closed && lastIn2025 < '2025-06-30') lapsed += 1;
        if (judgments.some((judgment) => judgment.date > registration.date && !informed.some((event) => event.date >= judgment.date))) notToldOfJudgment += 1;
      }
    }
    assert.ok(lapsed >= 3, `${lapsed} victims without news for six months at the end of 2025`);
    assert.ok(notToldOfJudgment >= 2, `${notToldOfJudgment} victims never told of a judgment`);
  });
});

describe('the demo registry through the domain', () => {
  it('passes the interchange-format validation, every event', () => {
    for (const event of scaleOne) {
      const result = validateEvent(JSON.parse(JSON.stringify(event)));
      assert.ok(result.ok, `${event.id} (${event.type}): ${result.ok ? '' : JSON.stringify(result.problems)}`);
    }
  });

  it('replays every stream through its state machine', () => {
    const byStream = new Map<string, RecordedEvent[]>();
    scaleOne.forEach((event, seq) => {
      const list = byStream.get(event.stream) ?? [];
      list.push({ ...event, recordedAt: event.recordedAt!, seq });
      byStream.set(event.stream, list);
    });
    for (const [stream, events] of byStream) {
      const result = replayStream(parseStreamName(stream)!.kind, events);
      assert.ok(result.ok, `${stream}: ${result.ok ? '' : `${result.eventId} ${result.message}`}`);
    }
  });

  it('gives R1 acts to flag that no Dutch law made punishable when committed', () => {
    const config = testRuleConfig();
    const unpunishable = (type: string) =>
      scaleOne.filter((event) => event.type === type && ((event.data.acts ?? []) as ActInput[]).some((act) => assessAct(act, config).punishable === 'no')).length;
    assert.ok(unpunishable('criminal.opened') >= 1, 'criminal cases');
    assert.ok(unpunishable('exclusion.decided') >= 100, 'exclusion decisions');
  });

  it('gives R5 overdue victims at the end of 2025, and victims kept informed', () => {
    const config = testRuleConfig();
    let overdue = 0;
    let inOrder = 0;
    for (const [stream, events] of streamsOf(scaleOne)) {
      if (!stream.startsWith('criminal/')) continue;
      for (const registration of events.filter((event) => event.type === 'criminal.victim-registered' && event.date <= '2025-12-31')) {
        const status = victimInformationStatus(events, String(registration.data.victim), '2025-12-31', config);
        if (status.overdue) overdue += 1;
        else inOrder += 1;
      }
    }
    assert.ok(overdue >= 5, `${overdue} overdue`);
    assert.ok(inOrder >= 15, `${inOrder} kept informed`);
  });
});

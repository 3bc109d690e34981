import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, recorder } from '../testing/factories.js';
import type { EventSpec } from '../testing/factories.js';
import { testRuleConfig } from '../testing/rule-config.js';
import { victimInformationStatus } from './victim-information.js';

const config = testRuleConfig();
const VICTIM = 'P-0100';

function caseWith(...specs: EventSpec[]) {
  return recorder('criminal/SZ-1').record(ev('criminal.opened', '2023-01-10'), ...specs).events;
}
const registered = ev('criminal.victim-registered', '2023-02-01', { victim: VICTIM });
const informed = (date: string, data: Record<string, unknown> = {}) => ev('criminal.victim-informed', date, { victim: VICTIM, about: 'voortgang', ...data });

describe('R5 victim information', () => {
  it('owes nothing to someone who is not a registered victim', () => {
    const status = victimInformationStatus(caseWith(), VICTIM, '2025-01-01', config);
    assert.deepEqual([status.registeredOn, status.overdue, status.duties], [null, false, []]);
  });

  describe('the periodic update', () => {
    it('falls due six months after the registration, and is overdue only the day after', () => {
      const events = caseWith(registered);
      const onTheDay = victimInformationStatus(events, VICTIM, '2023-08-01', config);
      assert.equal(onTheDay.overdue, false);
      assert.equal(onTheDay.duties[0]?.dueDate, '2023-08-01');
      const dayAfter = victimInformationStatus(events, VICTIM, '2023-08-02', config);
      assert.equal(dayAfter.overdue, true);
      assert.deepEqual(dayAfter.reasons.map((r) => [r.kind, r.dueDate]), [['periodic-update', '2023-08-01']]);
      assert.match(dayAfter.reasons[0]?.explanation.en ?? '', /no update since registration on 1 February 2023, due by 1 August 2023/);
    });

    it('counts from the last time the victim was informed', () => {
      const events = caseWith(registered, informed('2023-05-31', { about: 'verhoor verdachte' }));
      const status = victimInformationStatus(events, VICTIM, '2023-10-01', config);
      assert.equal(status.overdue, false);
      assert.deepEqual(status.lastInformed, { eventId: 'ev-3', date: '2023-05-31', about: 'verhoor verdachte', concerning: null });
      assert.equal(status.duties[0]?.dueDate, '2023-11-30');
    });

    it('ignores information given after the as-of date', () => {
      const events = caseWith(registered, informed('2024-06-01'));
      assert.equal(victimInformationStatus(events, VICTIM, '2024-01-01', config).overdue, true);
    });

    it('ignores information given to another victim', () => {
      const events = caseWith(registered, ev('criminal.victim-registered', '2023-02-01', { victim: 'P-0101' }), informed('2023-06-01', { victim: 'P-0101' }));
      assert.equal(victimInformationStatus(events, VICTIM, '2023-09-01', config).overdue, true);
    });

    it('stops once the case is closed', () => {
      const events = caseWith(registered, informed('2023-03-01'), ev('criminal.closed', '2023-04-01', { reason: 'dismissed' }), informed('2023-04-05'));
      const status = victimInformationStatus(events, VICTIM, '2025-01-01', config);
      assert.deepEqual([status.overdue, status.duties], [false, []]);
    });
  });

  describe('key events', () => {
    const indicted = ev('criminal.indicted', '2023-06-01', {}, { id: 'ev-indicted' });

    it('gives fourteen days to tell the victim about an indictment, the due day included', () => {
      const events = caseWith(registered, informed('2023-05-20'), indicted);
      const onTheDay = victimInformationStatus(events, VICTIM, '2023-06-15', config);
      assert.deepEqual(onTheDay.duties.map((d) => [d.kind, d.dueDate, d.overdue]), [['key-event', '2023-06-15', false], ['periodic-update', '2023-11-20', false]]);
      const dayAfter = victimInformationStatus(events, VICTIM, '2023-06-16', config);
      assert.deepEqual(dayAfter.reasons.map((r) => [r.kind, r.eventId, r.eventType, r.dueDate]), [['key-event', 'ev-indicted', 'criminal.indicted', '2023-06-15']]);
      assert.match(dayAfter.reasons[0]?.explanation.nl ?? '', /binnen 14 dagen/);
    });

    it('counts the victim as told by information about that event, whatever its date', () => {
      const events = caseWith(registered, informed('2023-05-20'), indicted, informed('2023-05-30', { concerning: 'ev-indicted' }));
      assert.equal(victimInformationStatus(events, VICTIM, '2023-07-01', config).duties.some((d) => d.kind === 'key-event'), false);
    });

    it('counts the victim as told by any information on or after the day of the event', () => {
      const sameDay = caseWith(registered, informed('2023-05-20'), indicted, informed('2023-06-01'));
      assert.equal(victimInformationStatus(sameDay, VICTIM, '2023-07-01', config).overdue, false);
      const dayBefore = caseWith(registered, indicted, informed('2023-05-31'));
      assert.equal(victimInformationStatus(dayBefore, VICTIM, '2023-07-01', config).reasons[0]?.eventId, 'ev-indicted');
    });

    it('owes no notice of events dated on or before the registration', () => {
      const events = recorder('criminal/SZ-1').record(
        ev('criminal.opened', '2023-01-10'),
        ev('criminal.indicted', '2023-02-01'),
        registered,
        informed('2023-03-01'),
      ).events;
      assert.equal(victimInformationStatus(events, VICTIM, '2023-05-01', config).overdue, false);
    });

    it('covers judgments and the closing of the case', () => {
      const events = caseWith(
        registered,
        ev('criminal.indicted', '2023-03-01'),
        informed('2023-03-02'),
        ev('criminal.judgment', '2023-12-11', {}, { id: 'ev-judgment' }),
        ev('criminal.closed', '2024-01-10', { reason: 'final-judgment' }, { id: 'ev-closed' }),
      );
      const status = victimInformationStatus(events, VICTIM, '2024-03-01', config);
      assert.deepEqual(status.reasons.map((r) => [r.eventId, r.dueDate]), [['ev-judgment', '2023-12-25'], ['ev-closed', '2024-01-24']]);
    });

    it('takes the notification period from configuration', () => {
      const events = caseWith(registered, informed('2023-05-20'), indicted);
      const status = victimInformationStatus(events, VICTIM, '2023-06-20', testRuleConfig({ durations: { victimKeyEventNotificationDays: 30 } }));
      assert.equal(status.overdue, false);
      assert.equal(status.duties[0]?.dueDate, '2023-07-01');
    });
  });

  describe('what the information concerns (issue 17: a note about something else cleared every duty)', () => {
    // The reported case: a victim of a case with a first-instance and an appeal judgment, told of neither, whose
    // last update lies more than six months back. OM then records information "about the planning of the appeal
    // hearing" — which concerns none of these duties.
    const judgment1 = ev('criminal.judgment', '2021-10-17', {}, { id: 'ev-judgment-1' });
    const judgment2 = ev('criminal.judgment', '2024-03-05', { instance: 'appeal' }, { id: 'ev-judgment-2' });
    const history = [
      ev('criminal.victim-registered', '2019-11-04', { victim: VICTIM }),
      ev('criminal.indicted', '2020-05-01', {}, { id: 'ev-indicted' }),
      informed('2020-05-10', { duties: ['ev-indicted', 'periodic-update'] }),
      judgment1,
      ev('criminal.appeal-lodged', '2021-10-20'),
      informed('2024-01-15', { about: 'voortgang', duties: ['periodic-update'] }),
      judgment2,
    ];
    const openedCase = (...specs: EventSpec[]) => recorder('criminal/SZ-2015-001').record(ev('criminal.opened', '2015-03-02'), ...specs).events;
    const asOf = '2025-02-01';
    const overdue = (events: ReturnType<typeof caseWith>) => victimInformationStatus(events, VICTIM, asOf, config).reasons.map((r) => r.eventId ?? r.kind);

    it('leaves both judgments and the periodic update overdue before anything is recorded', () => {
      assert.deepEqual(overdue(openedCase(...history)), ['ev-judgment-1', 'ev-judgment-2', 'periodic-update']);
    });

    it('clears no duty with information about something else (an empty duties list)', () => {
      const events = openedCase(...history, informed('2025-01-20', { about: 'de planning van de zitting in hoger beroep', duties: [] }));
      assert.deepEqual(overdue(events), ['ev-judgment-1', 'ev-judgment-2', 'periodic-update']);
      // It is still the last time the victim was informed, as shown; it just discharges nothing.
      assert.equal(victimInformationStatus(events, VICTIM, asOf, config).lastInformed?.about, 'de planning van de zitting in hoger beroep');
    });

    it('clears only the judgment it names', () => {
      const events = openedCase(...history, informed('2025-01-20', { about: 'de uitspraak in hoger beroep', duties: ['ev-judgment-2'] }));
      assert.deepEqual(overdue(events), ['ev-judgment-1', 'periodic-update']);
    });

    it('clears only the periodic update when that is what it names, and counts the next one from it', () => {
      const events = openedCase(...history, informed('2025-01-20', { duties: ['periodic-update'] }));
      const status = victimInformationStatus(events, VICTIM, asOf, config);
      assert.deepEqual(status.reasons.map((r) => r.eventId), ['ev-judgment-1', 'ev-judgment-2']);
      assert.deepEqual(status.duties.filter((d) => d.kind === 'periodic-update').map((d) => [d.since, d.dueDate, d.overdue]), [['2025-01-20', '2025-07-20', false]]);
    });

    it('clears every duty it names at once', () => {
      const events = openedCase(...history, informed('2025-01-20', { duties: ['ev-judgment-1', 'ev-judgment-2', 'periodic-update'] }));
      assert.deepEqual(overdue(events), []);
    });

    it('reads older information without duties as before: the periodic update and every key event up to its date', () => {
      const events = openedCase(...history, informed('2025-01-20', { about: 'de planning van de zitting in hoger beroep' }));
      assert.deepEqual(overdue(events), []);
      const [registration, indictment, toldOfIndictment, firstJudgment, appeal, update, appealJudgment] = history;
      const before = openedCase(registration!, indictment!, toldOfIndictment!, firstJudgment!, appeal!, informed('2022-01-20'), update!, appealJudgment!);
      assert.deepEqual(overdue(before), ['ev-judgment-2', 'periodic-update']);
    });

    it('names the key event, its date and the period in every open duty, so a form can offer them', () => {
      const status = victimInformationStatus(openedCase(...history), VICTIM, asOf, config);
      assert.deepEqual(status.duties.map((d) => [d.kind, d.eventId, d.eventType, d.eventDate, d.since, d.dueDate]), [
        ['key-event', 'ev-judgment-1', 'criminal.judgment', '2021-10-17', '2021-10-17', '2021-10-31'],
        ['key-event', 'ev-judgment-2', 'criminal.judgment', '2024-03-05', '2024-03-05', '2024-03-19'],
        ['periodic-update', null, null, null, '2024-01-15', '2024-07-15'],
      ]);
      assert.match(status.duties[0]?.explanation.nl ?? '', /^Uitspraak op 17 oktober 2021/);
    });
  });
});

/**
 * Inbox tasks under retention (docs/retention.md, "Inbox tasks"), on both engines: the due list names a task once
 * the case its key names is due, and an erasure of a case or person takes the tasks about it along (in the dry
 * run, the request and the execution), leaving other tasks alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../accounts/accounts.js';
import { taskStream } from '../domain/task/state.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import { ruleConfig } from '../config/rules.js';
import { readStream } from '../store/event-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { decideErasure, executeErasure, planErasure, requestErasure } from './erase-data.js';
import { listRetentionDue } from './list-retention-due.js';

const policy = loadPolicy();
const rules = ruleConfig();
const NOW = new Date('2026-03-01T10:00:00.000Z');
const f = new EventFactory();
const NOTE = 'Zitting voorbereiden met dossier van Tjeerd Takenlijst';
const HEARING_KEY = 'hearing:criminal/SZ-TK:2012-05-01';
const OTHER_KEY = 'hearing:criminal/SZ-OTHER:2025-05-01';
const hearingTask = taskStream('TIM', HEARING_KEY);
const otherTask = taskStream('TIM', OTHER_KEY);
const EVENTS = [
  f.person('P-TK', '1960-01-01', ['Tjeerd Takenlijst']),
  f.criminalOpened('SZ-TK', 'P-TK', '2010-01-05'),
  f.event('criminal/SZ-TK', 'criminal.closed', '2012-06-01', { reason: 'dismissed' }),
  f.event(hearingTask, 'task.assigned', '2012-04-01', { task: HEARING_KEY, organisation: 'TIM', by: 'tim.a', assignee: 'tim.b' }),
  f.event(hearingTask, 'task.marked-done', '2012-05-01', { task: HEARING_KEY, organisation: 'TIM', by: 'tim.b', note: NOTE }),
  f.person('P-OTHER', '1970-01-01', ['Olga Anders']),
  f.criminalOpened('SZ-OTHER', 'P-OTHER', '2024-01-05'),
  f.event(otherTask, 'task.assigned', '2025-04-01', { task: OTHER_KEY, organisation: 'TIM', by: 'tim.a', assignee: 'tim.b' }),
];

for (const engine of TEST_ENGINES) {
  describe(`inbox tasks under retention (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => {
      store = await engine.open();
      await importEvents(store.db, [textSource('tasks.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
    });
    after(async () => { await store?.dispose(); });

    const due = async (partner?: 'tim' | 'om') => listRetentionDue(store.db, { asOf: { date: '2026-03-01', recordedAt: NOW.toISOString(), recordedAtGiven: false }, ...(partner ? { partner } : {}) }, rules);

    it('lists a task as due with the case it is about, under its partner\'s rule; a task about an open case is kept', async () => {
      const entries = await due('tim');
      const task = entries.find((entry) => entry.stream === hearingTask);
      assert.ok(task, JSON.stringify(entries.map((entry) => entry.stream)));
      assert.equal(task.status, 'due');
      assert.equal(task.rule, 'tim-inbox-task');
      assert.equal(task.dueOn, entries.find((entry) => entry.stream === 'criminal/SZ-TK')!.dueOn, 'due the day the case is');
      assert.ok(!entries.some((entry) => entry.stream === otherTask));
      assert.ok(!(await due('om')).some((entry) => entry.kind === 'task'), 'not under another partner');
    });

    it('erases the tasks about an erased case with it, and no other', async () => {
      const request = { streams: ['criminal/SZ-TK', 'person/P-TK'], rule: 'tim-criminal-investigation', legalGround: 'test' };
      const plan = await planErasure(store.db, request);
      assert.deepEqual(plan.streams.map((stream) => stream.stream).sort(), ['criminal/SZ-TK', 'person/P-TK', hearingTask].sort());
      const a = await createAccount(store.db, policy, { username: 'beheer.k1', displayName: 'A', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const b = await createAccount(store.db, policy, { username: 'beheer.k2', displayName: 'B', role: 'admin', password: 'correct horse battery staple' }, NOW);
      const { approval } = await store.db.transaction((tx) => requestErasure(tx, request, a.id, NOW));
      await store.db.transaction((tx) => decideErasure(tx, policy, approval.id, 'approve', b.id, NOW));
      const outcome = await executeErasure(store.db, undefined, approval.id, 'beheer.k2', NOW);
      assert.ok(outcome.streams.includes(hearingTask));
      assert.deepEqual(await readStream(store.db, hearingTask), [], 'the task holds nothing readable');
      const [raw] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1', [`%${NOTE}%`]);
      assert.equal(raw!.n, 0, 'the note is gone from the events');
      assert.equal((await readStream(store.db, otherTask)).length, 1, 'another case\'s task stays');
      assert.ok(!(await due('tim')).some((entry) => entry.stream === hearingTask), 'off the due list');
    });
  });
}

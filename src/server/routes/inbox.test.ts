/**
 * The inbox over the API: each role sees what its read policy allows; a task is assigned within the organisation and
 * to a colleague who can see it; marking done keeps a legal duty (R5) in the inbox; task events come only from these
 * routes, for a task in the caller's own inbox, and one organisation's notes never change another's inbox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

interface Item { key: string; kind: string; overdue: boolean; dueDate: string; legalDuty: boolean; assignee?: { username: string; displayName: string }; done?: { stillOpen: boolean; by: string } }
interface Inbox { items: Item[]; colleagues: { username: string }[] }

describe('GET /api/inbox and the task routes', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();
  const inbox = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/inbox${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Inbox>();
  };
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date('2026-01-10T10:00:00.000Z') });
    const f = new EventFactory();
    const person = (id: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [`Person ${id}`], nationalities: ['SYR'] });
    await importEvents(server.store.db, [textSource('inbox.jsonl', jsonl([
      person('P-S'), person('P-V'), person('P-A'),
      f.event('criminal/SZ-1', 'criminal.opened', '2024-01-01', { suspect: 'P-S', offences: ['torture'] }),
      f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
      // the periodic update falls due on 25 January 2026, within the inbox's 30-day notice period
      f.event('criminal/SZ-1', 'criminal.victim-informed', '2025-07-25', { victim: 'P-V', about: 'stand van het onderzoek' }),
      f.event('criminal/SZ-1', 'criminal.indicted', '2025-12-01', { court: 'Rechtbank Den Haag' }),
      f.event('criminal/SZ-1', 'criminal.hearing-scheduled', '2025-12-02', { date: '2026-02-20', court: 'Rechtbank Den Haag' }),
      f.event('departure/DTV-1', 'departure.opened', '2017-02-01', { person: 'P-A' }),
      f.event('departure/DTV-1', 'departure.article3-barrier', '2024-06-01', { present: true }),
    ]))], { now: () => new Date('2026-01-09T10:00:00.000Z') });
    for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor']) clients.set(role, await server.signIn(role));
    clients.set('prosecutor2', await server.signIn('prosecutor', 'prosecutor2'));
  });
  after(async () => { await server?.close(); });

  it('each role sees the work its read policy allows; the ministry, administrator and auditor an empty inbox', async () => {
    assert.deepEqual((await inbox(clients.get('prosecutor')!)).items.map((item) => [item.kind, item.overdue]), [['victim-information', true], ['victim-information', false], ['hearing', false]]);
    assert.deepEqual((await inbox(clients.get('police')!)).items.map((item) => item.kind), ['victim-information', 'victim-information']);
    assert.deepEqual((await inbox(clients.get('dtv')!)).items.map((item) => item.kind), ['article3-reassessment']);
    assert.deepEqual((await inbox(clients.get('ind-1f')!)).items.map((item) => item.kind), ['article3-reassessment']);
    for (const role of ['ministry', 'admin', 'auditor']) {
      const answer = await inbox(clients.get(role)!);
      assert.deepEqual([answer.items, answer.colleagues], [[], []], role);
    }
  });

  it('the reads behind the inbox are logged with their own action and legal basis', async () => {
    await inbox(clients.get('prosecutor')!);
    const rows = await server.store.db.query<{ action: string; resource: string; persons: string[] }>(
      "SELECT DISTINCT action, resource, persons FROM access_log WHERE username = 'prosecutor' AND resource LIKE 'inbox:%'",
    );
    assert.deepEqual(rows.map((row) => [row.action, row.resource, row.persons]).sort(), [
      ['authorisations.read', 'inbox:authorisations', []], ['cases.list', 'inbox:hearings', []], ['cases.list', 'inbox:victims', ['P-V']], ['screening.hits', 'inbox:screening-hits', []],
    ]);
  });

  it('assigns to a colleague of the organisation, who then sees it as theirs; marking done hides the hearing, not the legal duty', async () => {
    const om = clients.get('prosecutor')!;
    const items = (await inbox(om)).items;
    const duty = items.find((item) => item.kind === 'victim-information' && item.overdue);
    const hearing = items.find((item) => item.kind === 'hearing');
    assert.ok((await inbox(om)).colleagues.some((colleague) => colleague.username === 'prosecutor2'));
    const assigned = await om.request('POST', '/api/inbox/tasks/assignments', { task: hearing!.key, assignee: 'prosecutor2' });
    assert.equal(assigned.statusCode, 201, assigned.body);
    const theirs = await inbox(clients.get('prosecutor2')!, '?mine=true');
    assert.deepEqual(theirs.items.map((item) => [item.key, item.assignee?.username]), [[hearing!.key, 'prosecutor2']]);

    const closed = await clients.get('prosecutor2')!.request('POST', '/api/inbox/tasks/completions', { task: hearing!.key, note: 'dossier klaar' });
    assert.equal(closed.statusCode, 201, closed.body);
    assert.ok(!(await inbox(om)).items.some((item) => item.key === hearing!.key), 'a hearing marked done leaves the list');
    assert.ok((await inbox(om, '?includeDone=true')).items.some((item) => item.key === hearing!.key && item.done?.by === 'prosecutor2'));

    assert.equal((await om.request('POST', '/api/inbox/tasks/completions', { task: duty!.key })).statusCode, 201);
    const still = (await inbox(om)).items.find((item) => item.key === duty!.key);
    assert.deepEqual([still?.legalDuty, still?.done?.stillOpen, still?.overdue], [true, true, true], 'R5: marked done, still open and overdue');
    assert.equal((await om.request('POST', '/api/inbox/tasks/completions', { task: duty!.key })).statusCode, 422, 'done once');
    assert.equal((await om.request('POST', '/api/inbox/tasks/reopenings', { task: duty!.key })).statusCode, 201);
  });

  it('a victim duty leaves the inbox only when the victim-informed event discharges it; its next period waits for its notice period', async () => {
    const om = clients.get('prosecutor')!;
    const periodic = (await inbox(om)).items.find((item) => item.kind === 'victim-information' && item.key.includes(':update-since-'))!;
    assert.equal((await om.request('POST', '/api/inbox/tasks/completions', { task: periodic.key })).statusCode, 201);
    assert.ok((await inbox(om)).items.some((item) => item.key === periodic.key && item.done?.stillOpen), 'marked done, still listed');
    const informed = await om.request('POST', '/api/events', { events: [{
      id: 'inbox-informed', stream: 'criminal/SZ-1', type: 'criminal.victim-informed', date: '2026-01-10', data: { victim: 'P-V', about: 'stand van zaken', duties: ['periodic-update'] },
    }] });
    assert.equal(informed.statusCode, 201, informed.body);
    const after = (await inbox(om)).items.filter((item) => item.kind === 'victim-information');
    assert.ok(!after.some((item) => item.key === periodic.key), 'discharged: gone');
    assert.ok(!after.some((item) => item.key.endsWith(':update-since-2026-01-10')), 'the next update is due in six months: listed from 30 days before');
  });

  it("one organisation's notes never change another's inbox: the police's victim task stays open when the OM closes its own", async () => {
    const police = (await inbox(clients.get('police')!)).items;
    assert.ok(police.every((item) => !item.done && !item.assignee));
  });

  it('refuses a task outside the caller\'s inbox (the same answer as for none), another organisation\'s colleague, and roles without tasks', async () => {
    const om = clients.get('prosecutor')!;
    const dtvTask = (await inbox(clients.get('dtv')!)).items[0]!.key;
    const hearing = (await inbox(om, '?includeDone=true')).items.find((item) => item.kind === 'hearing')!.key;
    const notMine = await om.request('POST', '/api/inbox/tasks/completions', { task: dtvTask });
    const none = await om.request('POST', '/api/inbox/tasks/completions', { task: 'article3-reassessment:departure/NOPE:2024-06-01' });
    assert.deepEqual([notMine.statusCode, none.statusCode], [404, 404]);
    assert.equal(notMine.json<{ detail: string }>().detail, none.json<{ detail: string }>().detail);
    const police = await clients.get('police')!.request('POST', '/api/inbox/tasks/completions', { task: hearing });
    assert.equal(police.statusCode, 404, 'the police may read the case, but hearings are not its work');
    const outside = await om.request('POST', '/api/inbox/tasks/assignments', { task: hearing, assignee: 'police' });
    assert.equal(outside.statusCode, 404, outside.body);
    for (const role of ['ministry', 'admin', 'auditor']) {
      assert.equal((await clients.get(role)!.request('POST', '/api/inbox/tasks/completions', { task: hearing })).statusCode, 403, role);
    }
  });

  it('task events are never taken over POST /api/events, with whatever name and organisation', async () => {
    const response = await clients.get('prosecutor')!.request('POST', '/api/events', { events: [{
      id: 'forged', stream: 'task/TIM-000000000000000000000000', type: 'task.marked-done', date: '2026-01-10', data: { task: 'x', organisation: 'TIM', by: 'police' },
    }] });
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.json<{ detail: string }>().detail, /written by the inbox/);
  });
});

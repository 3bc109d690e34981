/**
 * Several servers on one PostgreSQL database behave as one system (README, "Several servers on one PostgreSQL"):
 * three `imketen start` processes take appends at once — valid requests, requests that conflict with each other
 * and requests the rules refuse —, one is killed with -9 in the middle, and then every acknowledged event is stored,
 * no request is half-written, `imketen verify` finds one intact chain, every conflict was refused with a problem
 * answer, a watchlist imported through one server is screened against through the others at once, and a person
 * appended through one is found by a search through another.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { issueToken } from '../accounts/api-tokens.js';
import { loadPolicy } from '../policy/policy.js';
import { openStore } from '../store/open-store.js';
import { createPostgresDatabase, TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { BIN, spawnServer, type ServerProcess } from './testing/server-process.js';

const postgres = TEST_ENGINES.find((engine) => engine.name === 'postgres')!;

type Server = ServerProcess;

const startServer = (databaseUrl: string) => spawnServer('start', { DATABASE_URL: databaseUrl, IMKETEN_DEMO_ACCOUNTS: 'false', IMKETEN_LOG_LEVEL: 'error' });


interface Sent { tag: string; ids: string[]; server: number }

describe('three servers on one PostgreSQL database', { skip: postgres.skip }, () => {
  it('append as one chain through a kill -9, refuse conflicts cleanly, and share lists and persons at once', { timeout: 900_000 }, async () => {
    const database = await createPostgresDatabase();
    const servers: Server[] = [];
    try {
      let token: string;
      {
        const db = await openStore({ databaseUrl: database.url, dataDir: '' });
        try {
          await loadFixture(db);
          token = (await issueToken(db, loadPolicy(), { name: 'several-servers', role: 'police' }, undefined, new Date())).token;
        } finally {
          await db.close();
        }
      }
      // The first migrates; the other two start together on the migrated store.
      servers.push(await startServer(database.url));
      servers.push(...await Promise.all([startServer(database.url), startServer(database.url)]));
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const post = (server: number, path: string, body: unknown) => fetch(`${servers[server]!.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

      // A watchlist imported through one server is screened against through the others at once.
      const list = [{ id: 'WL-1', names: ['Sami Suspect'], birthDates: ['1970'] }, { id: 'WL-2', names: ['Olga Unrelated'] }].map((entry) => JSON.stringify(entry)).join('\n');
      const imported = await post(0, '/api/watchlists/shared-list/versions', { files: [{ name: 'shared.jsonl', content: list }], format: 'jsonl' });
      assert.equal(imported.status, 200, await imported.clone().text());
      for (const other of [1, 2]) {
        const screened = await post(other, '/api/watchlists/shared-list/screening', { queries: [{ id: 'q', name: 'Sami Suspect' }] });
        assert.equal(screened.status, 200, await screened.clone().text());
        const body = await screened.json() as { version: number; results: Array<{ hits: Array<{ id: string }> }> };
        assert.deepEqual([body.version, body.results[0]!.hits.map((hit) => hit.id)], [1, ['WL-1']], `server ${other}`);
      }
      // … and a new version of it at once as well.
      const second = await post(1, '/api/watchlists/shared-list/versions', { files: [{ name: 'shared.jsonl', content: `${list}\n${JSON.stringify({ id: 'WL-3', names: ['Zebulon Quartermaine'] })}` }], format: 'jsonl' });
      assert.equal(second.status, 200);
      const screenedAgain = await (await post(2, '/api/watchlists/shared-list/screening', { queries: [{ id: 'q', name: 'Zebulon Quartermaine' }] })).json() as { version: number; results: Array<{ hits: Array<{ id: string }> }> };
      assert.deepEqual([screenedAgain.version, screenedAgain.results[0]!.hits.map((hit) => hit.id)], [2, ['WL-3']]);

      // A person appended through one server is found by a search through another, on the next request.
      const search = async (server: number, name: string) => {
        const response = await fetch(`${servers[server]!.url}/api/matching/persons?name=${encodeURIComponent(name)}`, { headers });
        assert.equal(response.status, 200, await response.clone().text());
        return ((await response.json()) as { items: Array<{ person: { id: string } }> }).items.map((item) => item.person.id);
      };
      assert.deepEqual(await search(0, 'Sami Suspect'), ['P-S']); // builds server 0's index
      const person = await post(1, '/api/events', { events: [
        { id: 'ms-p1', stream: 'person/P-MS1', type: 'person.registered', date: '1982-01-01', data: { names: ['Wilhelmina Oosterhuis'] } },
        { id: 'ms-c1', stream: 'criminal/SZ-MS1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-MS1', offences: ['torture'] } },
      ] });
      assert.equal(person.status, 201, await person.clone().text());
      assert.deepEqual(await search(0, 'Wilhelmina Oosterhuis'), ['P-MS1']);
      assert.deepEqual(await search(2, 'Wilhelmina Oosterhuis'), ['P-MS1']);

      // The load: two clients per server, each request three new intakes; now and then a request the rules refuse
      // (422) and one whose event id another server has just stored with other content (409).
      const acknowledged: Sent[] = [];
      const sent: Sent[] = [];
      const refusals: Array<{ status: number; type: string | null; code: string }> = [];
      let killed = false;
      let stop = false;
      let reachedKill!: () => void;
      const killPoint = new Promise<void>((resolve) => { reachedKill = resolve; });
      let reachedEnd!: () => void;
      const endPoint = new Promise<void>((resolve) => { reachedEnd = resolve; });
      const refused = async (response: Response, status: number) => {
        assert.equal(response.status, status, await response.clone().text());
        const problem = await response.json() as { code: string; detail: string; status: number };
        assert.equal(problem.status, status);
        assert.ok(problem.detail.length > 0);
        refusals.push({ status, type: response.headers.get('content-type'), code: problem.code });
      };
      const client = async (server: number, id: number) => {
        for (let n = 0; !stop; n += 1) {
          if (killed && server === 2) return;
          const tag = `s${server}c${id}n${n}`;
          const events = [0, 1, 2].map((k) => ({ id: `ms-${tag}-${k}`, stream: `intake/IN-MS-${tag}-${k}`, type: 'intake.received', date: '2025-05-01', data: { subjects: ['P-S'] } }));
          const batch = { tag, ids: events.map((event) => event.id), server };
          sent.push(batch);
          try {
            const response = await post(server, '/api/events', { events });
            if (response.status !== 201) throw new Error(`server ${server}: ${response.status} ${await response.text()}`);
            acknowledged.push(batch);
            if (acknowledged.length >= 60) reachedKill();
            if (acknowledged.length >= 150) reachedEnd();
            if (n % 5 === 2) {
              // an arrest in a case that was never opened: the rules refuse it
              await refused(await post(server, '/api/events', { events: [{ id: `ms-${tag}-bad`, stream: `criminal/SZ-MS-${tag}`, type: 'criminal.suspect-arrested', date: '2025-05-02', data: {} }] }), 422);
            }
            if (n % 5 === 4) {
              // the event id just stored through this server, with other content, through the next server
              const other = (server + 1) % (killed ? 2 : 3);
              await refused(await post(other, '/api/events', { events: [{ ...events[0]!, date: '2025-05-03' }] }), 409);
            }
          } catch (error) {
            if (killed && (server === 2 || /fetch failed|ECONNRESET|ECONNREFUSED|socket/i.test(String((error as Error).cause ?? error)))) {
              // the request in flight to the killed server (or a conflict check aimed at it) has no answer
              if (server === 2) return;
              continue;
            }
            throw error;
          }
        }
      };
      const clients = [0, 1, 2].flatMap((server) => [0, 1].map((id) => client(server, id)));
      const failed = Promise.all(clients).then(() => { throw new Error('the clients stopped before the kill'); });
      await Promise.race([killPoint, failed]);
      servers[2]!.child.kill('SIGKILL');
      killed = true;
      await servers[2]!.exited;

      // Two servers take the same new event id with different content at the same moment: one stores it, the other
      // refuses it as a conflict.
      const race = await Promise.all([0, 1].map((server) => post(server, '/api/events', { events: [{ id: 'ms-race', stream: `intake/IN-MS-RACE-${server}`, type: 'intake.received', date: '2025-05-01', data: { subjects: [] } }] })));
      assert.deepEqual(race.map((response) => response.status).sort(), [201, 409]);
      await refused(race.find((response) => response.status === 409)!, 409);
      const winner = race.findIndex((response) => response.status === 201);
      acknowledged.push({ tag: 'race', ids: ['ms-race'], server: winner });

      await Promise.race([endPoint, Promise.all(clients)]);
      stop = true;
      await Promise.all(clients);
      assert.ok(acknowledged.length >= 150, `only ${acknowledged.length} appends acknowledged`);
      assert.ok(acknowledged.some((batch) => batch.server === 2), 'the killed server acknowledged appends before it died');
      assert.ok(refusals.some((refusal) => refusal.status === 422) && refusals.some((refusal) => refusal.status === 409), JSON.stringify(refusals.slice(0, 5)));
      for (const refusal of refusals) {
        assert.equal(refusal.type, 'application/problem+json; charset=utf-8');
        assert.equal(refusal.code, refusal.status === 409 ? 'EVENT_ID_CONFLICT' : 'IMPORT_REJECTED');
      }

      // SIGTERM: the two live servers drain and exit cleanly.
      for (const server of servers.slice(0, 2)) server.child.kill('SIGTERM');
      assert.deepEqual(await Promise.all(servers.slice(0, 2).map((server) => server.exited)), [0, 0]);

      const db = await openStore({ databaseUrl: database.url, dataDir: '' });
      try {
        const ids = sent.flatMap((batch) => batch.ids);
        const stored = new Set((await db.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::text[])', [[...ids, 'ms-race']])).map((row) => row.id));
        for (const batch of acknowledged) for (const id of batch.ids) assert.ok(stored.has(id), `acknowledged event ${id} (server ${batch.server}) is missing`);
        for (const batch of sent) {
          const present = batch.ids.filter((id) => stored.has(id)).length;
          assert.ok(present === 0 || present === batch.ids.length, `request ${batch.tag} is half-written (${present} of ${batch.ids.length})`);
        }
        const [race] = await db.query<{ stream: string }>("SELECT stream FROM events WHERE id = 'ms-race'");
        assert.equal(race?.stream, `intake/IN-MS-RACE-${winner}`);
      } finally {
        await db.close();
      }
      // One intact chain of events and of the access log, as `imketen verify` recomputes them.
      const verify = spawnSync(process.execPath, [BIN, 'verify'], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
      assert.equal(verify.status, 0, `imketen verify: ${verify.stdout}${verify.stderr}`);
    } finally {
      for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      await database.drop();
    }
  });
});

/**
 * Parity: every read that both the command line and the API offer gives the same data from the same store, now and
 * as recorded at an earlier time. The command line runs as a user runs it (against the same PostgreSQL database the
 * server reads); the API answers through `inject`. Each pair is compared on the data both show, in the shape of
 * neither: the keys a user would check by hand.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { startTestServer, type Client, type TestServer } from '../server/testing/test-server.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'imketen.js');
const FIRST = '2026-01-10T09:00:00.000Z';
const LATER = '2026-03-01T09:00:00.000Z';
/** Between the two imports: the registry knew only the first. */
const EARLIER = '2026-02-01T00:00:00.000Z';
const DATE = '2026-05-01';
const engine = TEST_ENGINES[1]!;

describe('the command line and the API give the same data', { skip: engine.skip }, () => {
  let server: TestServer;
  let police: Client;
  let dtv: Client;
  const f = new EventFactory('par');

  function cli(args: string[]): unknown {
    const result = spawnSync(process.execPath, [BIN, ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: server.store.url } });
    assert.equal(result.status, 0, `imketen ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  }
  async function api(client: Client, url: string): Promise<unknown> {
    const response = await client.request('GET', url);
    assert.equal(response.statusCode, 200, `GET ${url}: ${response.body}`);
    return response.json();
  }

  before(async () => {
    server = await startTestServer(engine, { now: new Date('2026-06-01T12:00:00.000Z') });
    const person = (id: string, nationality: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [`Persoon ${id}`], nationalities: [nationality] });
    const first = [
      person('P-S', 'SYR'), person('P-V', 'SYR'), person('P-W', 'IRQ'), person('P-D', 'SYR'), person('P-E', 'AFG'), person('P-T', 'RWA'),
      f.criminalOpened('SZ-1', 'P-S', '2024-01-01'),
      f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
      f.event('criminal/SZ-1', 'criminal.indicted', '2025-03-01', { court: 'Rechtbank Den Haag' }),
      f.event('departure/DTV-1', 'departure.opened', '2024-02-01', { person: 'P-D' }),
      f.event('departure/DTV-1', 'departure.article3-barrier', '2024-02-01', { present: true }),
      f.criminalOpened('SZ-3', 'P-T', '2025-01-01'),
    ];
    // Learned later, with earlier legal dates: a second victim in the same case, a new case with a victim, a barrier.
    const later = [
      f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-03-01', { victim: 'P-W' }),
      f.criminalOpened('SZ-2', 'P-T', '2024-06-01'),
      f.event('criminal/SZ-2', 'criminal.victim-registered', '2024-07-01', { victim: 'P-V' }),
      f.event('departure/DTV-2', 'departure.opened', '2024-02-01', { person: 'P-E' }),
      f.event('departure/DTV-2', 'departure.article3-barrier', '2024-03-01', { present: true }),
      f.event('criminal/SZ-3', 'criminal.indicted', '2025-06-01', { court: 'Rechtbank Den Haag' }),
    ];
    await importEvents(server.store.db, [textSource('first.jsonl', jsonl(first.map((event) => ({ ...event, recordedAt: FIRST }))))], { now: () => new Date(FIRST) });
    await importEvents(server.store.db, [textSource('later.jsonl', jsonl(later.map((event) => ({ ...event, recordedAt: LATER }))))], { now: () => new Date(LATER) });
    police = await server.signIn('police');
    dtv = await server.signIn('dtv');
  });
  after(async () => { await server?.close(); });

  for (const [when, asRecordedAt] of [['now', undefined], ['as recorded at an earlier time', EARLIER]] as const) {
    const cliAt = asRecordedAt ? ['--as-recorded-at', asRecordedAt] : [];
    const apiAt = asRecordedAt ? `&asRecordedAt=${asRecordedAt}` : '';

    it(`R5 overdue victims: the same victims, cases and reasons (${when})`, async () => {
      const fromCli = cli(['list', 'overdue-victims', '--date', DATE, ...cliAt]) as { criminalCase: string; victim?: { id: string }; status: { reasons: { kind: string; eventId: string | null }[] } }[];
      const fromApi = await api(police, `/api/overview/victims?date=${DATE}&overdueOnly=true${apiAt}`) as { cases: { case: string; victims: { id: string; reasons: { kind: string; eventType: string | null }[] }[] }[] };
      const cliKeys = fromCli.map((entry) => `${entry.criminalCase} ${entry.victim?.id} ${entry.status.reasons.map((reason) => reason.kind).join(',')}`).sort();
      const apiKeys = fromApi.cases.flatMap((item) => item.victims.map((victim) => `${item.case} ${victim.id} ${victim.reasons.map((reason) => reason.kind).join(',')}`)).sort();
      assert.ok(cliKeys.length > 0, 'the scenario has overdue victims');
      assert.deepEqual(apiKeys, cliKeys);
    });

    it(`R7 Article 3 reassessment: the same dossiers by nationality (${when})`, async () => {
      const fromCli = cli(['list', 'article3-reassessment', '--date', DATE, ...cliAt]) as { nationality: string; dossiers: { dossier: string; barrierSince: string }[] }[];
      const fromApi = await api(dtv, `/api/overview/article3-reassessment?date=${DATE}${apiAt}`) as { groups: typeof fromCli };
      const keys = (groups: typeof fromCli) => groups.map((group) => [group.nationality, group.dossiers.map((dossier) => `${dossier.dossier}@${dossier.barrierSince}`)]);
      assert.deepEqual(keys(fromApi.groups), keys(fromCli));
    });

    it(`cases of a kind: the same cases in the same phases (${when})`, async () => {
      const fromCli = cli(['cases', '--kind', 'criminal', '--date', DATE, ...cliAt]) as { kinds: { cases: { stream: string; phase: string; validFrom: string }[] }[] };
      const fromApi = await api(police, `/api/cases?kind=criminal&date=${DATE}${apiAt}`) as { items: { stream: string; phase: string; validFrom: string }[] };
      const keys = (cases: { stream: string; phase: string; validFrom: string }[]) => cases.map((item) => `${item.stream} ${item.phase} ${item.validFrom}`);
      assert.deepEqual(keys(fromApi.items), keys(fromCli.kinds[0]!.cases));
    });

    it(`one case: the same timeline, state and derived sentences (${when})`, async () => {
      const fromCli = cli(['case', 'criminal/SZ-1', '--date', DATE, ...cliAt]) as { state: unknown; timeline: { event: { id: string } }[]; derived: { sentences: unknown[] } };
      const fromApi = await api(police, `/api/cases/criminal/SZ-1?date=${DATE}${apiAt}`) as { state: unknown; timeline: { event: { id: string } }[] };
      const derived = await api(police, `/api/cases/criminal/SZ-1/derived?date=${DATE}${apiAt}`) as { sentences: unknown[] };
      assert.deepEqual(fromApi.timeline.map((entry) => entry.event.id), fromCli.timeline.map((entry) => entry.event.id));
      assert.deepEqual(fromApi.state, fromCli.state);
      assert.deepEqual(derived.sentences, fromCli.derived.sentences);
    });

    it(`the yearly report and the cases behind a figure (${when})`, async () => {
      const fromCli = cli(['report', '--year', '2025', ...cliAt]) as { tables: unknown; asRecordedAt: string };
      const fromApi = await api(police, `/api/reports/2025?lang=nl${apiAt}`) as { tables: unknown; asRecordedAt: string };
      assert.deepEqual(fromApi.tables, fromCli.tables);
      if (asRecordedAt) assert.equal(fromApi.asRecordedAt, fromCli.asRecordedAt);
      const explainedCli = cli(['report', '--year', '2025', '--explain', 'criminal-investigations.total', ...cliAt]) as { columns: unknown };
      const explainedApi = await api(police, `/api/reports/2025/explain/criminal-investigations.total?lang=nl${apiAt}`) as { columns: unknown };
      assert.deepEqual(explainedApi.columns, explainedCli.columns);
    });
  }
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ACCESS_LOG } from '../access-log/access-log-chain.js';
import { createAccount } from '../accounts/accounts.js';
import { decideApproval } from '../accounts/approvals.js';
import { EVENT_LOG } from '../audit/event-chain.js';
import { loadSigningKey } from '../audit/checkpoints.js';
import { createCheckpoints, verifyStore, type ChainedLog } from '../audit/verify-store.js';
import { exportLines } from '../export/export-events.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import { findPublication, publishReport } from '../reports/publish.js';
import { openPglite, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { executeErasure, planErasure, requestErasure } from './erase-data.js';
import { explainFigure } from './explain-figure.js';

const work = mkdtempSync(join(tmpdir(), 'imketen-erase-'));
after(() => rmSync(work, { recursive: true, force: true }));
const key = loadSigningKey(join(work, 'checkpoint.pem'));
const LOGS = [EVENT_LOG, ACCESS_LOG] as unknown as readonly ChainedLog[];
const policy = loadPolicy();
const at = (iso: string) => () => new Date(iso);

// The personal data to be erased, and a person's data that must stay (the search must be able to find a value).
const ERASED: readonly string[] = ['Zacharias Vergeetmijniet', '1961-04-13', 'Rechtbank Oud-Vergeetdorp'];
const KEPT = 'Blijvende Bewaarsma';

/** A PGlite store in a data directory of its own, so its files can be searched afterwards. */
async function openPgliteInDirectory(): Promise<TestStore & { dataDir: string }> {
  const dataDir = mkdtempSync(join(work, 'pglite-'));
  const db = await openPglite(dataDir);
  await migrate(db);
  return { db, dataDir, dispose: () => db.close() };
}

async function loadScenario(db: Db): Promise<void> {
  const f = new EventFactory();
  const events = [
    f.event('person/P-1', 'person.registered', '2015-01-10', { names: [ERASED[0]], birthDate: ERASED[1] }),
    f.person('P-2', '2015-01-10', [KEPT]),
    f.criminalOpened('SZ-1', 'P-1', '2016-01-01'),
    f.event('criminal/SZ-1', 'criminal.indicted', '2017-03-01', { court: ERASED[2] }),
    f.criminalOpened('SZ-2', 'P-2', '2016-02-01'),
  ];
  await importEvents(db, [textSource('scenario.jsonl', jsonl(events))], { now: at('2018-01-01T00:00:00.000Z') });
}

async function exportText(db: Db): Promise<string> {
  let text = '';
  for await (const line of exportLines(db)) text += line;
  return text;
}

/** Every row of every table of the store, as text: what anyone with database rights can read. */
async function allRowsAsText(db: Db): Promise<string> {
  const tables = await db.query<{ name: string }>("SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'");
  let text = '';
  for (const { name } of tables) {
    for (const row of await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)) text += `${row.row}\n`;
  }
  return text;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function filesHolding(dir: string, value: string): string[] {
  const needle = Buffer.from(value, 'utf8');
  return filesUnder(dir).filter((path) => readFileSync(path).includes(needle));
}

for (const engine of TEST_ENGINES) {
  describe(`erasure on ${engine.name}`, { skip: engine.skip }, () => {
    it('erases a person and their case: the values are gone from the store, chain, checkpoints and published figures hold, two people decide', async (t) => {
      const store = engine.name === 'pglite' ? await openPgliteInDirectory() : await engine.open();
      try {
        const { db } = store;
        const first = await createAccount(db, policy, { username: 'beheer.een', displayName: 'Beheer Een', role: 'admin', password: 'correct horse battery staple' }, new Date());
        const second = await createAccount(db, policy, { username: 'beheer.twee', displayName: 'Beheer Twee', role: 'admin', password: 'correct horse battery staple' }, new Date());
        await loadScenario(db);
        const publication = await publishReport(db, 2017, { now: at('2018-02-01T00:00:00.000Z') });
        const [checkpoint] = await createCheckpoints(db, LOGS, key, at('2018-02-01T00:00:00.000Z'));
        assert.ok((await allRowsAsText(db)).includes(ERASED[0]!), 'the search finds the value before the erasure');

        const request = { streams: ['person/P-1', 'criminal/SZ-1'], rule: 'om-criminal-closed', legalGround: 'Wjsg art. 8: term after the dismissal ended' };
        const plan = await planErasure(db, request);
        assert.deepEqual(plan.streams.map((stream) => [stream.stream, stream.events]), [['criminal/SZ-1', 2], ['person/P-1', 1]]);
        assert.equal(plan.eventIds.length, 3);
        assert.ok(plan.caseSegments > 0);
        assert.deepEqual(plan.publishedReports, [2017]);

        // Nothing is erased without an approved request, whoever asks the database.
        await assert.rejects(db.query("UPDATE events SET data = NULL, refs = '{}', erased_at = now() WHERE stream = 'person/P-1'"), /append-only/);
        const { approval } = await requestErasure(db, request, first.id, new Date('2026-01-05T00:00:00Z'));
        await assert.rejects(executeErasure(db, undefined, approval.id, 'beheer.een', new Date('2026-01-05T00:00:00Z')), /second administrator must approve/);
        await assert.rejects(decideApproval(db, policy, approval.id, 'approve', first.id, new Date()), /another administrator must decide/);
        await assert.rejects(db.query('UPDATE account_approvals SET status = $2, decided_by = requested_by, decided_at = now() WHERE id = $1', [approval.id, 'approved']));
        await decideApproval(db, policy, approval.id, 'approve', second.id, new Date('2026-01-06T00:00:00Z'));

        const outcome = await executeErasure(db, undefined, approval.id, 'beheer.twee', new Date('2026-01-07T00:00:00Z'));
        assert.equal(outcome.events, 3);
        await assert.rejects(executeErasure(db, undefined, approval.id, 'beheer.twee', new Date()), /carried out already/);

        const verification = await verifyStore(db, LOGS, [checkpoint!]);
        assert.equal(verification.ok, true, JSON.stringify(verification.logs));
        assert.ok(verification.checkpoints.length >= 2 && verification.checkpoints.every((check) => check.ok));
        assert.deepEqual((await findPublication(db, 2017))!.report, publication.report, 'the published figures are unchanged');
        assert.equal((await findPublication(db, 2017))!.sha256, publication.sha256);
        // The explanation of a published figure: the erased case is a count, its id is gone.
        const explained = await explainFigure(db, { year: 2017, row: 'criminal-investigations.first-instance', asRecordedAt: publication.asRecordedAt, lang: 'en' }, { now: at('2026-01-08T00:00:00Z') });
        const column = explained.columns.find((item) => item.year === 2017)!;
        assert.deepEqual([column.value, column.erased, column.items.map((item) => item.case)], [1, 1, []]);

        const rows = await allRowsAsText(db);
        for (const value of ERASED) assert.equal(rows.includes(value), false, `${value} is still in a table`);
        assert.ok(rows.includes(KEPT), 'the kept person is still there');
        assert.ok(rows.includes('retention.erased'), 'the erasure is on record');

        // Export → import into an empty store → export: the same bytes, and the new store verifies too.
        const exported = await exportText(db);
        for (const value of ERASED) assert.equal(exported.includes(value), false);
        assert.match(exported, /"erased":true/);
        const copy = await engine.open();
        try {
          await assert.rejects(importEvents(copy.db, [textSource('export.jsonl', exported)], { now: at('2026-02-01T00:00:00Z') }),
            (error: { problems?: { message: string }[] }) => error.problems?.some((problem) => /accepted only by an operator/.test(problem.message)) === true);
          await importEvents(copy.db, [textSource('export.jsonl', exported)], { now: at('2026-02-01T00:00:00Z'), acceptErasures: true });
          assert.equal(await exportText(copy.db), exported);
          assert.equal((await verifyStore(copy.db, LOGS)).ok, true);
        } finally {
          await copy.dispose();
        }

        if (engine.name === 'postgres') {
          // The files of this database on the server (readable when the test runs as root or as the server's user).
          const [{ dir }] = await db.query<{ dir: string }>(
            "SELECT current_setting('data_directory') || '/base/' || oid AS dir FROM pg_database WHERE datname = current_database()",
          ) as [{ dir: string }];
          let readable = true;
          try { readdirSync(dir); } catch { readable = false; }
          if (readable) {
            assert.ok(filesHolding(dir, KEPT).length > 0, 'the byte search finds a kept value in the database files');
            for (const value of ERASED) assert.deepEqual(filesHolding(dir, value), [], `${value} is still in the database files`);
          } else {
            t.diagnostic(`the database files in ${dir} are not readable by this user: searched the table contents only`);
          }
        }
        if ('dataDir' in store) {
          await store.dispose();
          const dataDir = (store as { dataDir: string }).dataDir;
          assert.ok(filesHolding(dataDir, KEPT).length > 0, 'the byte search finds a kept value in the data directory');
          for (const value of ERASED) assert.deepEqual(filesHolding(dataDir, value), [], `${value} is still in the data directory`);
        }
      } finally {
        await store.dispose().catch(() => undefined);
      }
    });
  });
}

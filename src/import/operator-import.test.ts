import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readAccessLog } from '../access-log/access-log.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { operatorImport } from './operator-import.js';
import { textSource } from './sources.js';

describe('an operator\'s import at the server', () => {
  let store: TestStore;
  before(async () => { store = await TEST_ENGINES[0]!.open(); });
  after(async () => { await store?.dispose(); });

  test('keeps the recordedAt a partner\'s export gives and is written to the access log with what it kept', async () => {
    const events = [
      { id: 'op-1', stream: 'person/P-OP', type: 'person.registered', date: '1970-01-01', recordedAt: '2025-03-02T09:00:00Z', data: { names: ['Olaf Operator'] } },
      { id: 'op-2', stream: 'criminal/SZ-OP', type: 'criminal.opened', date: '2025-03-01', data: { suspect: 'P-OP', offences: ['torture'] } },
    ];
    const summary = await operatorImport(store.db, [textSource('partner-export.jsonl', events.map((event) => JSON.stringify(event)).join('\n'))], { now: () => new Date('2026-06-15T10:00:00Z') });
    assert.deepEqual([summary.added, summary.recordedAtKept], [2, 1]);
    const rows = await store.db.query<{ id: string; recordedAt: Date | string }>('SELECT id, recorded_at AS "recordedAt" FROM events ORDER BY seq');
    assert.deepEqual(rows.map((row) => [row.id, new Date(row.recordedAt).toISOString()]), [['op-1', '2025-03-02T09:00:00.000Z'], ['op-2', '2026-06-15T10:00:00.000Z']]);
    const [entry, more] = await readAccessLog(store.db);
    assert.equal(more, undefined);
    assert.equal(entry!.principalKind, 'operator');
    assert.equal(entry!.action, 'events.import');
    assert.match(entry!.resource, new RegExp(`^import:${summary.importId}:partner-export\\.jsonl$`));
    assert.match(entry!.legalBasis!, /2 events added, 1 with the recordedAt the file gave/);
  });

  test('a refused import stores nothing and logs nothing', async () => {
    const before = (await readAccessLog(store.db)).length;
    await assert.rejects(operatorImport(store.db, [textSource('bad.jsonl', '{"id":"op-bad"}')], { now: () => new Date('2026-06-15T10:00:00Z') }), /Import rejected/);
    assert.equal((await readAccessLog(store.db)).length, before);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgres, timestampToIso } from './db.js';
import { createPostgresDatabase, TEST_ENGINES } from './testing/test-stores.js';

describe('reading timestamps from the server', () => {
  it('turns the UTC text form into the toISOString form at every precision', () => {
    assert.equal(timestampToIso('2024-12-12 09:30:00+00'), '2024-12-12T09:30:00.000Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.5+00'), '2024-12-12T09:30:00.500Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.123+00'), '2024-12-12T09:30:00.123Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.123999+00'), '2024-12-12T09:30:00.123Z');
  });

  it('converts other zones through Date', () => {
    assert.equal(timestampToIso('2024-12-12 10:30:00+01'), '2024-12-12T09:30:00.000Z');
    assert.equal(timestampToIso('2025-01-01 00:30:00.25+01'), '2024-12-31T23:30:00.250Z');
  });
});

const postgres = TEST_ENGINES.find((engine) => engine.name === 'postgres')!;

describe('the PostgreSQL pool', { skip: postgres.skip }, () => {
  it('survives the server closing an idle connection, and answers the next query on a new one', async () => {
    const database = await createPostgresDatabase();
    let connectionLost!: () => void;
    const lost = new Promise<void>((resolve) => { connectionLost = resolve; });
    const db = await openPostgres(database.url, { onConnectionLost: () => connectionLost() });
    const admin = await openPostgres(database.url);
    try {
      const [idle] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [idle!.pid]);
      await lost; // the pool hears of it while the connection is idle
      const [again] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      assert.notEqual(again!.pid, idle!.pid);
    } finally {
      await db.close();
      await admin.close();
      await database.drop();
    }
  });
});

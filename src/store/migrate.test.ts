import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgres } from './db.js';
import { listMigrations, migrate } from './migrate.js';
import { createPostgresDatabase, TEST_ENGINES } from './testing/test-stores.js';

const postgres = TEST_ENGINES.find((engine) => engine.name === 'postgres')!;

describe('migrating a store', () => {
  it('is safe when several processes start on a new store at once: each migration is applied once', { skip: postgres.skip, timeout: 300_000 }, async () => {
    const database = await createPostgresDatabase();
    const processes = await Promise.all([1, 2, 3].map(() => openPostgres(database.url)));
    try {
      const applied = await Promise.all(processes.map((db) => migrate(db)));
      const all = listMigrations().map((migration) => migration.name);
      assert.deepEqual(applied.flat().sort(), all, `applied: ${JSON.stringify(applied)}`);
      const [count] = await processes[0]!.query<{ n: number }>('SELECT count(*)::integer AS n FROM schema_migrations');
      assert.equal(count!.n, all.length);
      assert.deepEqual(await migrate(processes[1]!), []);
    } finally {
      await Promise.all(processes.map((db) => db.close()));
      await database.drop();
    }
  });
});

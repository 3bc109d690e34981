/**
 * bin/imketen.js runs the compiled dist/ only while it is a build of the current sources (bin/compiled.js); a test
 * or a user never runs stale code.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compiledIsCurrent } from '../../bin/compiled.js';

const work = mkdtempSync(join(tmpdir(), 'imketen-compiled-'));
after(() => rmSync(work, { recursive: true, force: true }));

const BUILD = Date.parse('2026-06-01T12:00:00Z');
const BEFORE = new Date(BUILD - 60_000);
const AFTER = new Date(BUILD + 60_000);

/** A checkout whose sources and folders all date from before the build, and a build. */
function checkout(name: string): string {
  const root = join(work, name);
  for (const dir of ['src/cli', 'src/store/migrations', 'src/store/testing', 'dist']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['src/cli/main.ts', 'src/cli/main.test.ts', 'src/store/migrations/001-events.sql', 'src/store/testing/test-stores.ts']) {
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), BEFORE, BEFORE);
  }
  for (const dir of ['src', 'src/cli', 'src/store', 'src/store/migrations', 'src/store/testing']) utimesSync(join(root, dir), BEFORE, BEFORE);
  writeFileSync(join(root, 'dist', 'build-info.json'), JSON.stringify({ startedAt: BUILD }));
  return root;
}

describe('choosing the compiled code', () => {
  it('runs the build when nothing changed since it started', () => {
    assert.equal(compiledIsCurrent(checkout('current')), true);
  });

  it('runs the sources when there is no build', () => {
    const root = checkout('none');
    rmSync(join(root, 'dist'), { recursive: true });
    assert.equal(compiledIsCurrent(root), false);
  });

  it('runs the sources when a source file or a migration changed after the build started', () => {
    const source = checkout('source');
    utimesSync(join(source, 'src/cli/main.ts'), AFTER, AFTER);
    assert.equal(compiledIsCurrent(source), false);
    const migration = checkout('migration');
    utimesSync(join(migration, 'src/store/migrations/001-events.sql'), AFTER, AFTER);
    assert.equal(compiledIsCurrent(migration), false);
  });

  it('runs the sources when a file was added or removed', () => {
    const root = checkout('removed');
    utimesSync(join(root, 'src/store'), AFTER, AFTER);
    assert.equal(compiledIsCurrent(root), false);
  });

  it('keeps the build when only tests or test helpers changed', () => {
    const root = checkout('tests');
    utimesSync(join(root, 'src/cli/main.test.ts'), AFTER, AFTER);
    utimesSync(join(root, 'src/store/testing/test-stores.ts'), AFTER, AFTER);
    utimesSync(join(root, 'src/store/testing'), AFTER, AFTER);
    assert.equal(compiledIsCurrent(root), true);
  });
});

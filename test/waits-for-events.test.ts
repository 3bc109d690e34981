/**
 * Tests wait for events, not for time: no test sleeps a fixed time and then assumes something has
 * happened. The crash test kills the import when it reports a batch read (a progress line), not after a delay.
 * A timer is allowed where a test polls for a condition (a loop around the wait) or races a timer to show that
 * something has NOT happened yet; those places are listed here with why.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);

/** file → the reason its timers are not fixed sleeps. */
const ALLOWED: Record<string, string> = {
  'src/jobs/jobs.test.ts': 'polls the job list until every queued job has finished, on the worker\'s own poll rhythm (a loop on a condition)',
  'src/notifications/digest-job.test.ts': 'polls the send-digests job until pg-boss marks it completed, after the mail has arrived (a loop on a condition)',
};

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith('.') ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const FIXED_WAIT = /setTimeout\s*\(|\bsleep\s*\(|\bdelay\s*\(|timers\/promises/;

describe('tests wait for events', () => {
  const files = testFiles(ROOT).map((file) => relative(ROOT, file).split('\\').join('/'));

  it('finds the test files', () => {
    assert.ok(files.length > 50, `only ${files.length} test files found: is the scan broken?`);
    assert.ok(files.includes('src/import/import-crash.test.ts'));
  });

  it('has no fixed sleep in any test outside the places listed', () => {
    const offending = files.filter((file) => file !== 'test/waits-for-events.test.ts' && !ALLOWED[file])
      .flatMap((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').flatMap((line, index) => (FIXED_WAIT.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
    assert.deepEqual(offending, []);
  });

  it('kills the crashing import at a progress line, not after a delay', () => {
    const crash = readFileSync(join(ROOT, 'src/import/import-crash.test.ts'), 'utf8');
    assert.doesNotMatch(crash, FIXED_WAIT);
    assert.match(crash, /--progress-lines/);
    assert.match(crash, /child\.kill\('SIGKILL'\)/);
  });

  it('lists only files that still use a timer', () => {
    for (const file of Object.keys(ALLOWED)) assert.match(readFileSync(join(ROOT, file), 'utf8'), FIXED_WAIT, `${file} no longer uses a timer: drop it from ALLOWED`);
  });
});

/**
 * One contender for a store's lock, for the tests of concurrent acquisition (../store-lock.test.ts): prints `ready`,
 * waits for `go` on standard input, tries to take the lock of the directory given as argument, prints `acquired` or
 * `held by <pid>`, and keeps what it got until its standard input closes.
 */
import { createInterface } from 'node:readline';
import { acquireStoreLock } from '../store-lock.js';

const dataDir = process.argv[2]!;
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
let attempt: Awaited<ReturnType<typeof acquireStoreLock>> | undefined;
lines.on('line', (line) => {
  if (line !== 'go' || attempt) return;
  void acquireStoreLock(dataDir, { role: 'command', command: 'lock-contender' }).then((result) => {
    attempt = result;
    process.stdout.write('acquired' in result ? 'acquired\n' : `held by ${result.heldBy.pid}\n`);
  });
});
lines.on('close', () => {
  if (attempt && 'acquired' in attempt) attempt.acquired.release();
});

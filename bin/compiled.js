// Whether dist/ holds a build of the current sources, so that bin/imketen.js may run it instead of the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `root`/dist was built (scripts/build.mjs) after the last change under `root`/src to anything the build
 * compiles or copies: a source file, a migration, or a folder (a file added, renamed or removed). Tests and test
 * helpers are not part of the build, so changing them keeps the build current.
 */
export function compiledIsCurrent(root) {
  let startedAt;
  try {
    startedAt = JSON.parse(readFileSync(join(root, 'dist', 'build-info.json'), 'utf8')).startedAt;
  } catch {
    return false;
  }
  return typeof startedAt === 'number' && newestChange(join(root, 'src')) < startedAt;
}

function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') newest = Math.max(newest, newestChange(join(dir, entry.name)));
    } else if (!entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The repository explains itself: code, comments and docs cite its own documents (README, docs/), never notes kept
 * outside it; the images they show exist; and the README's list of exit codes is complete.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT_CODES, UNEXPECTED_EXIT_CODE, USAGE_EXIT_CODE } from '../src/cli/exit-codes.js';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', 'screenshots', 'fixtures']);
/** A citation of the team's notes outside the repository: DOMAIN.md, STACK.md (or "STACK trap N"), ../shared. */
const OUTSIDE_NOTES = /\b(?:DOMAIN|STACK)\b|\.\.\/shared\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith('.') ? [] : files(path);
    return /\.(?:ts|tsx|js|mjs|json|sql|md)$/.test(entry.name) && entry.name !== 'package-lock.json' ? [path] : [];
  });
}

describe('the documentation', () => {
  it('cites only what is in the repository', () => {
    const scanned = ['src', 'test', 'web/src', 'bench', 'scripts', 'bin', 'config', 'docs'].flatMap((dir) => files(join(ROOT, dir)))
      .concat(join(ROOT, 'README.md'))
      .filter((file) => file !== import.meta.filename);
    assert.ok(scanned.length > 200, `only ${scanned.length} files scanned`);
    const citing = scanned.flatMap((file) => readFileSync(file, 'utf8').split('\n').flatMap((line, index) => (
      OUTSIDE_NOTES.test(line) ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : [])));
    assert.deepEqual(citing, [], 'cite README.md or docs/ (docs/domain.md for the domain, docs/architecture.md for stack traps) instead');
  });

  it('cites only documents under docs/ that exist', () => {
    const scanned = ['src', 'test', 'web/src', 'bench', 'scripts', 'bin', 'config', 'docs'].flatMap((dir) => files(join(ROOT, dir)))
      .concat(join(ROOT, 'README.md'));
    const missing = scanned.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bdocs\/([a-z0-9-]+\.md)\b/g)]
      .filter((match) => !existsSync(join(ROOT, 'docs', match[1]!)))
      .map((match) => `${relative(ROOT, file)}: docs/${match[1]}`));
    assert.deepEqual([...new Set(missing)], [], 'cite a document that exists (README.md, docs/*.md)');
  });

  it('shows only images that are in the repository', () => {
    const documents = [join(ROOT, 'README.md'), ...files(join(ROOT, 'docs')).filter((file) => file.endsWith('.md'))];
    const missing = documents.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)]
      .map((match) => match[1]!)
      .filter((image) => !/^https?:/.test(image) && !existsSync(join(dirname(file), image)))
      .map((image) => `${relative(ROOT, file)}: ${image}`));
    assert.ok(documents.length > 3, `only ${documents.length} documents read`);
    assert.deepEqual(missing, [], 'take the missing screenshots (npm run screenshots) or fix the links');
  });

  it('lists every exit code of the command line in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sentence = /^Exit codes: ([\s\S]*?)\.\n/m.exec(readme)?.[1];
    assert.ok(sentence, 'the README has an "Exit codes:" sentence');
    const listed = new Set([...sentence.matchAll(/(?:^|; |\n)(\d+) /g)].map((match) => Number(match[1])));
    const used = new Set([0, UNEXPECTED_EXIT_CODE, USAGE_EXIT_CODE, ...Object.values(EXIT_CODES)]);
    assert.deepEqual([...listed].sort(), [...used].sort());
  });
});

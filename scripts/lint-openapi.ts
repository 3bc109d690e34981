/**
 * `npm run lint:api`: writes the server's OpenAPI document (as served at /api/openapi.json) to a temporary file and
 * lints it with Redocly's recommended rules, so that partners can generate clients from it. Fails on any problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../src/server/web/api-types.js';

const dir = mkdtempSync(join(tmpdir(), 'imketen-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, JSON.stringify(await openApiDocument(), null, 2));
  const redocly = join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly');
  const result = spawnSync(redocly, ['lint', '--extends', 'recommended', '--format', process.env.CI ? 'github-actions' : 'codeframe', file], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

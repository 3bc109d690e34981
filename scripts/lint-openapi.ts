/**
 * `npm run lint:api`: writes the server's OpenAPI document (as served at /api/openapi.json) to a temporary file and
 * lints it with Redocly's recommended rules, so that partners can generate clients from it. Fails on any problem.
 *
 * One finding is ignored, at one place, for a reason (written beside the document as Redocly's lint-ignore file):
 * the single sign-on login (GET /api/auth/oidc/login) answers only with a redirect to the identity provider — a
 * browser navigation, not an API call — so it has a 302 and no 2XX response (operation-2xx-response).
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
  writeFileSync(join(dir, '.redocly.lint-ignore.yaml'), [
    '# GET /api/auth/oidc/login redirects the browser to the identity provider: a 302, never a 2XX (scripts/lint-openapi.ts).',
    'openapi.json:',
    '  operation-2xx-response:',
    "    - '#/paths/~1api~1auth~1oidc~1login/get/responses'",
    '',
  ].join('\n'));
  const redocly = join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly');
  // The ignore file applies from the working directory, so Redocly runs in the document's folder.
  const result = spawnSync(redocly, ['lint', '--extends', 'recommended', '--format', process.env.CI ? 'github-actions' : 'codeframe', 'openapi.json'], { stdio: 'inherit', cwd: dir });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

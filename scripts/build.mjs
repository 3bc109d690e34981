#!/usr/bin/env node
// `npm run build` (run by `npm ci` and `npm test`): compiles src/ into dist/ with tsc (tsconfig.build.json) and copies
// the SQL migrations beside the compiled store and the API examples beside the server. dist/ mirrors src/ folder for folder, so paths the code computes
// from its own location (config/, web/dist) hold in both. dist/build-info.json, written last, records when the build
// started: bin/imketen.js runs dist/ only while no source changed since (bin/compiled.js).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const startedAt = Date.now();
rmSync(dist, { recursive: true, force: true });
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without the development dependencies: nothing to compile with, and tsx runs the sources.
  console.error('TypeScript is not installed: no build; bin/imketen.js runs the sources through tsx.');
  process.exit(0);
}
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('The build failed: bin/imketen.js runs the sources through tsx until it succeeds.');
  process.exit(compiled.status ?? 1);
}
mkdirSync(join(dist, 'store'), { recursive: true });
cpSync(join(root, 'src', 'store', 'migrations'), join(dist, 'store', 'migrations'), { recursive: true, filter: (path) => !path.endsWith('.ts') });
// The OpenAPI document's examples from the demo (src/server/openapi-examples.ts reads them beside itself).
cpSync(join(root, 'src', 'server', 'openapi-examples.json'), join(dist, 'server', 'openapi-examples.json'));
writeFileSync(join(dist, 'build-info.json'), `${JSON.stringify({ startedAt })}\n`);

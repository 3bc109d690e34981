#!/usr/bin/env node
// Entry point of the `imketen` command. Runs the compiled code in dist/ (`npm run build`, run by `npm ci` and
// `npm test`) while it is a build of the current sources; otherwise (a fresh clone installed without scripts, a
// source changed since the build) the TypeScript sources through tsx, which is slower to start but never stale.
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent } from './compiled.js';

const cli = compiledIsCurrent(fileURLToPath(new URL('..', import.meta.url)))
  ? await import('../dist/cli/main.js')
  : await import('tsx/esm/api').then(({ register }) => {
    register();
    return import('../src/cli/main.ts');
  });
const argv = process.argv.slice(2);
cli.chooseWasmCompiler(argv);
process.exitCode = await cli.run(argv);

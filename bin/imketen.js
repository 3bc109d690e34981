#!/usr/bin/env node
// Entry point of the `imketen` command: runs the TypeScript sources through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));

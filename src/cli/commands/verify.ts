import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadSigningKey, parseCheckpoints } from '../../audit/checkpoints.js';
import { createCheckpoints, verifyStore } from '../../audit/verify-store.js';
import { STORE_LOGS } from '../../backup/store-logs.js';
import { ImketenError } from '../../domain/errors.js';
import { contextOf } from '../context.js';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .summary('recompute the hash chains of the logs and check checkpoints for rewrites')
    .description(
      'Recomputes the hash chain of every log (events, access log) from its first entry and names the first broken\n'
      + 'link. Checks every stored checkpoint, and every checkpoint file given, with a Merkle consistency proof: the\n'
      + 'log must still begin with exactly the entries the checkpoint covered. Checkpoints are numbered and chained:\n'
      + 'a gap in the store, or a kept checkpoint the store no longer holds, means checkpoints were removed.\n'
      + 'Exit code 8 when anything is broken.',
    )
    .option('--checkpoint <file...>', 'checkpoint files kept by a partner (JSON, as written by `imketen checkpoint -o`: one checkpoint or a list)')
    .addHelpText('after', '\nExamples:\n  imketen verify\n  imketen verify --checkpoint checkpoint-2026-01.json')
    .action(async (options: { checkpoint?: string[] }, command: Command) => {
      const context = contextOf(command);
      const kept = (options.checkpoint ?? []).flatMap((file) => parseCheckpoints(readText(file), file));
      const result = await context.withStore((db) => verifyStore(db, STORE_LOGS, kept));
      for (const log of result.logs) {
        context.stdout.write(log.broken
          ? `${log.log}: BROKEN at seq ${log.broken.seq}: ${log.broken.message} (${log.entries} entries verified before it)\n`
          : `${log.log}: ${log.entries} entries, chain intact (head ${log.head.slice(0, 16)}…)\n`);
      }
      for (const check of result.checkpoints) context.stdout.write(`${check.ok ? 'ok' : 'FAILED'}: ${check.message}\n`);
      for (const check of result.sequence) context.stdout.write(`FAILED: ${check.message}\n`);
      if (!result.ok) throw new ImketenError('TAMPER_DETECTED', 'The store failed verification: see the lines above.');
    });

  program
    .command('checkpoint')
    .summary('sign and store a checkpoint of every log (Merkle tree head, Ed25519)')
    .description('Signs a checkpoint of every hash-chained log as it stands — size, Merkle tree head, time — and stores it.\nGive the JSON to the partners: with it they can later verify that nothing before it was rewritten.')
    .option('-o, --output <file>', 'also write the checkpoints to this file')
    .action(async (options: { output?: string }, command: Command) => {
      const context = contextOf(command);
      const key = loadSigningKey(context.config.checkpointKeyFile);
      const checkpoints = await context.withStore((db) => createCheckpoints(db, STORE_LOGS, key, context.now));
      const json = `${JSON.stringify(checkpoints.length === 1 ? checkpoints[0] : checkpoints, null, 2)}\n`;
      if (options.output) writeFileSync(options.output, json);
      context.stdout.write(json);
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImketenError('INVALID_INPUT', `Cannot read checkpoint file ${file}: ${(error as Error).message}.`);
  }
}

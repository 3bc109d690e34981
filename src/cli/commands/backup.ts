import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadAnalysisKey } from '../../config/analysis-key.js';
import { restoreBackupFile, writeBackupFile } from '../../backup/backup-file.js';
import { contextOf } from '../context.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .summary('write a consistent, verifiable backup of the whole registry to a file')
    .description(
      'Writes every table of the store — events, access log, checkpoints, accounts and tokens, watchlists, hits —\n'
      + 'as one consistent snapshot (the server keeps running) to a gzip-compressed file with SHA-256 checksums.\n'
      + 'Sessions are left out: sign-ins end with a restore. The key of the analysis pseudonyms goes along: the file\n'
      + 'is as secret as the registry and the key. See README, "Backup and restore".',
    )
    .requiredOption('-o, --output <file>', 'the backup file to write (written as FILE.partial, renamed when complete)')
    .addHelpText('after', '\nExamples:\n  imketen backup -o imketen-2026-12-01.backup.gz\n  DATABASE_URL=postgres://… imketen backup -o /backups/imketen.gz')
    .action(async (options: { output: string }, command: Command) => {
      const context = contextOf(command);
      // the analysis key goes along (docs/retention.md, "The analysis key"): a restore keeps the pseudonyms
      const keyFile = context.config.analysisKeyFile;
      const summary = await context.withStore((db) => writeBackupFile(db, options.output, context.now, existsSync(keyFile) ? loadAnalysisKey(keyFile) : undefined));
      context.stdout.write(`${options.output}: ${summary.rows} rows of ${summary.tables.length} tables (${summary.tables.filter((table) => table.rows > 0).map((table) => `${table.name} ${table.rows}`).join(', ')}); sha256 ${summary.sha256}\n`);
    });

  program
    .command('restore')
    .summary('restore a backup into an empty store, after checking its checksums, hash chains and checkpoints')
    .description(
      'Restores a backup made by `imketen backup` in one transaction, committed only when the file matches its\n'
      + 'checksums, the store has the same migrations as the backup, and the hash chains and checkpoints of the\n'
      + 'restored logs verify; otherwise the store stays as it was. Refuses a store that holds anything unless\n'
      + '--replace is given. Stop the servers of the store first.',
    )
    .argument('<file>', 'the backup file')
    .option('--replace', 'replace everything the store holds with the backup')
    .addHelpText('after', '\nExamples:\n  imketen --data-dir ./restored restore imketen-2026-12-01.backup.gz\n  imketen restore --replace imketen-2026-12-01.backup.gz')
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const context = contextOf(command);
      const summary = await context.withStore((db) => restoreBackupFile(db, file, { replace: options.replace, analysisKeyFile: context.config.analysisKeyFile }));
      context.stdout.write(`restored ${summary.rows} rows of ${summary.tables.length} tables from the backup of ${summary.createdAt}\n`);
      for (const log of summary.verification.logs) context.stdout.write(`${log.log}: ${log.entries} entries, chain intact\n`);
      context.stdout.write(`checkpoints: ${summary.verification.checkpoints.length} consistent\n`);
      const key = summary.analysisKeyInstalled;
      if (key) context.stdout.write(`analysis key: ${key.status === 'written' ? `written to ${key.path}` : key.status === 'same' ? `${key.path} already holds it` : `written to ${key.path}; the key that was there is kept as ${'movedTo' in key ? key.movedTo : ''}`}\n`);
    });
}

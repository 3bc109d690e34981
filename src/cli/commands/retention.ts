import { Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf, parseDate } from '../../domain/as-of.js';
import { RETENTION_PARTNERS } from '../../domain/rules/retention-config.js';
import type { RetentionPartner } from '../../domain/rules/retention-config.js';
import { listRetentionDue } from '../../operations/list-retention-due.js';
import type { Language } from '../../reports/report.js';
import { ImketenError } from '../../domain/errors.js';
import { decideErasure, erasingAdministrator, executeErasure, planErasure, requestErasure } from '../../operations/erase-data.js';
import { loadPolicy } from '../../policy/policy.js';
import type { ErasureEffect } from '../../store/erasure-store.js';
import { openFileStore } from '../../store/file-store/file-store-config.js';
import { contextOf } from '../context.js';
import { loadAnalysisKey } from '../../config/analysis-key.js';
import { renderRetentionCsv, renderRetentionTable } from '../render/retention.js';

export function registerRetention(program: Command): void {
  const retention = program.command('retention').summary('retention of personal data: what is due for removal, and what holds it');
  retention
    .command('due')
    .summary('the data past its retention term on a date: due for removal, or held (open case, appeal, legal hold, entry ban)')
    .addOption(new Option('--partner <partner>', 'only this partner\'s rules (chain: the identity records of persons)').choices([...RETENTION_PARTNERS]))
    .option('--on <date>', 'on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen retention due --partner ind\n  imketen retention due --on 2030-01-01 --format csv > due.csv\n  imketen retention due --format json')
    .action(async (options: { partner?: RetentionPartner; on?: string; asRecordedAt?: string; format: 'table' | 'json' | 'csv'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      // --on, not --date: an error names the option typed.
      const asOf = { ...parseAsOf({ asRecordedAt: options.asRecordedAt }, context.now()), date: parseDate(options.on, context.now(), 'on') };
      const entries = await context.withStore((db) => listRetentionDue(db, { asOf, partner: options.partner }, ruleConfig()));
      const output = options.format === 'json' ? `${JSON.stringify(entries, null, 2)}\n`
        : options.format === 'csv' ? renderRetentionCsv(entries, options.lang)
          : renderRetentionTable(entries, asOf.date, options.lang);
      context.stdout.write(output);
    });

  retention
    .command('erase')
    .summary('erase personal data past its term: --dry-run, --request, --approve ID / --reject ID (a second administrator), --execute ID')
    .description('Erasure is a procedure (docs/retention.md): a dry run shows what an erasure of the streams would touch (counts, no '
      + 'content); a request waits for a second administrator; once approved it is executed: an erasure record is chained onto each '
      + 'stream, the streams\' event data, projections, screening hits and evidence files are removed, and the touched tables are '
      + 'rewritten. `imketen verify` still verifies every link and checkpoint. --by names the administrator\'s account.')
    .option('--stream <stream...>', 'the streams to erase, e.g. person/P-0042 criminal/SZ-2019-004')
    .option('--rule <rule>', 'the retention rule that makes them due (imketen retention due)')
    .option('--ground <text>', 'the legal ground of the erasure')
    .option('--dry-run', 'show what the erasure would touch; write nothing')
    .option('--request', 'store the erasure as a request for a second administrator')
    .option('--approve <id>', 'approve erasure request ID (not your own)')
    .option('--reject <id>', 'reject erasure request ID')
    .option('--execute <id>', 'carry out approved erasure request ID')
    .option('--by <username>', 'the administrator account acting (request, approve, reject, execute)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n'
      + '  imketen retention erase --dry-run --stream person/P-0042 criminal/SZ-2019-004 --rule om-criminal-closed --ground "Wjsg art. 8"\n'
      + '  imketen retention erase --request --stream person/P-0042 criminal/SZ-2019-004 --rule om-criminal-closed --ground "Wjsg art. 8" --by beheer.demo\n'
      + '  imketen retention erase --approve 7 --by beheer2.demo\n'
      + '  imketen retention erase --execute 7 --by beheer2.demo')
    .action(async (options: EraseOptions, command: Command) => {
      const context = contextOf(command);
      const steps = [options.dryRun, options.request, options.approve, options.reject, options.execute].filter((step) => step !== undefined && step !== false);
      if (steps.length !== 1) throw new ImketenError('INVALID_INPUT', 'Give exactly one of --dry-run, --request, --approve ID, --reject ID, --execute ID.');
      const request = () => ({ streams: options.stream ?? [], rule: options.rule ?? '', legalGround: options.ground ?? '' });
      const by = () => {
        if (!options.by) throw new ImketenError('INVALID_INPUT', 'Name the administrator acting with --by <username>.');
        return options.by;
      };
      const policy = loadPolicy();
      const write = (value: unknown, text: string) => context.stdout.write(options.format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : text);
      if (options.dryRun) {
        const effect = await context.withStore((db) => planErasure(db, request()));
        write(effect, renderErasureEffect(effect));
      } else if (options.request) {
        const { approval, effect } = await context.withStore((db) => db.transaction(async (tx) => {
          const admin = await erasingAdministrator(tx, policy, by());
          return requestErasure(tx, request(), admin.id, context.now());
        }));
        write({ approval, effect }, `${renderErasureEffect(effect)}Erasure request ${approval.id} stored: a second administrator approves it with\n  imketen retention erase --approve ${approval.id} --by <another administrator>\n`);
      } else if (options.approve !== undefined || options.reject !== undefined) {
        const id = requestId(options.approve ?? options.reject!);
        const decision = options.approve !== undefined ? 'approve' as const : 'reject' as const;
        const { approval } = await context.withStore((db) => db.transaction(async (tx) => {
          const admin = await erasingAdministrator(tx, policy, by());
          return { approval: await decideErasure(tx, policy, id, decision, admin.id, context.now()) };
        }));
        write(approval, `Erasure request ${id} ${approval.status} by ${approval.decidedBy}.${approval.status === 'approved' ? ` Carry it out with\n  imketen retention erase --execute ${id} --by ${approval.decidedBy}` : ''}\n`);
      } else {
        const id = requestId(options.execute!);
        const files = await openFileStore(context.config.files);
        try {
          const outcome = await context.withStore(async (db) => {
            const admin = await erasingAdministrator(db, policy, by());
            return executeErasure(db, files, id, admin.username, context.now(), loadAnalysisKey(context.config.analysisKeyFile));
          });
          write(outcome, `Erasure request ${id} carried out: the data of ${outcome.events} events of ${outcome.streams.join(', ')} erased, `
            + `${outcome.files} evidence file(s) removed${outcome.filesMissing > 0 ? ` (${outcome.filesMissing} were not in the file store)` : ''}; `
            + `tables rewritten: ${outcome.compaction?.tables.join(', ')}.${outcome.compaction?.note ? `\nNote: ${outcome.compaction.note}.` : ''}\n`);
        } finally {
          await files.close();
        }
      }
    });
}

interface EraseOptions {
  stream?: string[];
  rule?: string;
  ground?: string;
  dryRun?: boolean;
  request?: boolean;
  approve?: string;
  reject?: string;
  execute?: string;
  by?: string;
  format: 'text' | 'json';
}

function requestId(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new ImketenError('INVALID_INPUT', `An erasure request id is a positive whole number, got '${value}'.`);
  return Number(value);
}

/** The dry run as text: counts and ids, never content. */
function renderErasureEffect(effect: ErasureEffect): string {
  const lines = ['What the erasure touches (counts; no content is shown):'];
  for (const stream of effect.streams) {
    const types = Object.entries(stream.types).map(([type, count]) => `${type} ${count}`).join(', ');
    lines.push(`  ${stream.stream}: ${stream.events} event(s)${types ? ` (${types})` : ''}${stream.alreadyErased > 0 ? `, ${stream.alreadyErased} erased before` : ''}`);
  }
  lines.push(
    `  projection rows (case_segments): ${effect.caseSegments}`,
    `  screening hits: ${effect.screeningHits}, their reviews: ${effect.hitReviews}, screening state rows: ${effect.screeningState}`,
    `  evidence files removed: ${effect.files.length}${effect.filesKept.length > 0 ? `, kept (attached elsewhere too): ${effect.filesKept.length}` : ''}`,
    `  published reports: ${effect.publishedReports.length === 0 ? 'none' : `${effect.publishedReports.join(', ')} (their figures stay as published; explanations become counts)`}`,
    '',
  );
  return lines.join('\n');
}

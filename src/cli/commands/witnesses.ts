/**
 * `imketen witnesses <case>`: the witnesses of a criminal case or 1F file (README, "Witnesses"), as text, JSON or CSV.
 * The operator reads every identity; `--pseudonymise` withholds every protected witness's identity, as the API does
 * for the roles the policy does not name.
 */
import { Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf } from '../../domain/as-of.js';
import { ImketenError } from '../../domain/errors.js';
import { listCaseWitnesses } from '../../operations/list-case-witnesses.js';
import { OPERATOR_IDENTIFIES, type MayIdentify } from '../../operations/witness-streams.js';
import type { Language } from '../../reports/report.js';
import { contextOf } from '../context.js';
import { renderWitnesses, witnessesCsv } from '../render/witnesses.js';

/** A case named as criminal/ID, exclusion/ID, or a bare id (IF-… is a 1F file). */
export function witnessCaseStream(value: string): string {
  if (value.startsWith('criminal/') || value.startsWith('exclusion/')) return value;
  if (value.includes('/')) throw new ImketenError('INVALID_INPUT', `the case must be a criminal case or 1F file (criminal/ID or exclusion/ID), got '${value}'.`);
  return /^IF-/.test(value) ? `exclusion/${value}` : `criminal/${value}`;
}

/** Whom the command-line output identifies: everybody, or nobody protected with --pseudonymise. */
export function cliIdentifies(pseudonymise: boolean | undefined): MayIdentify {
  return pseudonymise ? () => false : OPERATOR_IDENTIFIES;
}

export function registerWitnesses(program: Command): void {
  program.command('witnesses <case>')
    .summary('the witnesses of a case: pseudonym, protection, statements, availability')
    .description('The witnesses of a criminal case or 1F file (criminal/ID, exclusion/ID, or an id), with their protective measure (Sv 226a ff.),\n'
      + 'statements (evidence items) and availability. Register one with POST /api/events or an import (witness.registered).')
    .option('--date <date>', 'as on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .option('--pseudonymise', 'withhold the identity of every protected witness (for output that leaves the registry)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen witnesses SZ-2021-003\n  imketen witnesses exclusion/IF-2019-011 --format csv --pseudonymise')
    .action(async (value: string, options: { date?: string; asRecordedAt?: string; pseudonymise?: boolean; format: 'text' | 'json' | 'csv'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      const asOf = parseAsOf(options, context.now());
      const items = await context.withStore((db) => listCaseWitnesses(db, {
        caseStream: witnessCaseStream(value), asOf, mayIdentify: cliIdentifies(options.pseudonymise), situations: ruleConfig().countrySituations ?? [],
      }));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : options.format === 'csv' ? witnessesCsv(items) : renderWitnesses(items, options.lang));
    });
}

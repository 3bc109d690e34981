import { Argument, Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf } from '../../domain/as-of.js';
import { listArticle3Reassessment } from '../../operations/list-article3-reassessment.js';
import { listUnprosecutable } from '../../operations/list-unprosecutable.js';
import { listVictims } from '../../operations/list-victims.js';
import { listPotentialWitnesses } from '../../operations/list-potential-witnesses.js';
import { listWitnessesAtRisk } from '../../operations/list-witnesses-at-risk.js';
import { statementElements } from '../../operations/statement-elements.js';
import { renderPotentialWitnesses, renderWitnessesAtRisk } from '../render/witnesses.js';
import { cliIdentifies } from './witnesses.js';
import { listEvidenceAtRisk } from '../../operations/list-evidence-at-risk.js';
import { elementsConfig } from '../../config/elements.js';
import { SOURCE_TYPES } from '../../domain/evidence/events.js';
import { renderEvidenceAtRisk } from '../render/evidence-at-risk.js';
import type { Language } from '../../reports/report.js';
import { contextOf } from '../context.js';
import { overdueVictimLines, renderOverdueVictims, renderReassessment, renderUnprosecutable } from '../render/lists.js';

const LISTS = ['unprosecutable', 'article3-reassessment', 'overdue-victims', 'witnesses-at-risk', 'potential-witnesses', 'evidence-at-risk'] as const;
type ListName = (typeof LISTS)[number];

export function registerList(program: Command): void {
  program
    .command('list')
    .summary('the lists the chain reports on: R1 unprosecutable 1F persons, R7 Article 3 reassessment, R5 overdue victims')
    .description([
      'unprosecutable         persons with an applied 1F exclusion whose alleged acts predate the crime\'s punishability',
      '                       in the Netherlands (R1): they cannot be prosecuted here',
      'article3-reassessment  open departure dossiers with an Article 3 barrier, by nationality (R7): to reassess when a',
      '                       country\'s situation changes, as with Syria after 2024-12-08',
      'overdue-victims        victims owed information under R5 (periodic update, or a key event they were not told about)',
      'witnesses-at-risk      cases resting on statements of witnesses no longer available, or living in a country whose situation',
      '                       changed (config/rules.json countrySituations)',
      'potential-witnesses    witnesses who were unwilling to testify and whose country\'s situation changed since (for the police)',
      'evidence-at-risk       elements of cases that would lose their only proof if an originator\'s material became unavailable',
      '                       (at-risk), and those that already did (lost) (R8); --originator, --source-type narrow it',
    ].join('\n'))
    .addArgument(new Argument('<list>', 'which list').choices([...LISTS]))
    .option('--date <date>', 'as on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .option('--nationality <code>', 'article3-reassessment: only this nationality (ISO alpha-3, e.g. SYR)')
    .option('--country <code>', 'witnesses-at-risk, potential-witnesses: only witnesses living in this country (ISO alpha-3, e.g. SYR)')
    .option('--pseudonymise', 'witness lists: withhold the identity of every protected witness')
    .option('--originator <name>', 'evidence-at-risk: only this originator\'s material (e.g. UNIMEK)')
    .addOption(new Option('--source-type <type>', 'evidence-at-risk: only material of this source type').choices([...SOURCE_TYPES]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen list article3-reassessment --nationality SYR\n  imketen list overdue-victims --date 2026-06-30\n  imketen list unprosecutable --format json\n  imketen list evidence-at-risk --source-type un-mechanism')
    .action(async (list: ListName, options: { date?: string; asRecordedAt?: string; nationality?: string; country?: string; pseudonymise?: boolean; originator?: string; sourceType?: string; format: 'text' | 'json'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      const asOf = parseAsOf(options, context.now());
      const output = await context.withStore(async (db) => {
        switch (list) {
          case 'unprosecutable': {
            const entries = await listUnprosecutable(db, { asOf }, ruleConfig());
            return options.format === 'json' ? entries : renderUnprosecutable(entries, asOf.date, options.lang);
          }
          case 'article3-reassessment': {
            const groups = await listArticle3Reassessment(db, { asOf, nationality: options.nationality, situations: ruleConfig().countrySituations ?? [] });
            return options.format === 'json' ? groups : renderReassessment(groups, asOf.date, options.lang);
          }
          case 'overdue-victims': {
            const victims = overdueVictimLines(await listVictims(db, { asOf, overdueOnly: true }, ruleConfig()));
            return options.format === 'json' ? victims : renderOverdueVictims(victims, asOf.date, options.lang);
          }
          case 'witnesses-at-risk':
          case 'potential-witnesses': {
            const request = { asOf, country: options.country, mayReadCase: () => true, mayIdentify: cliIdentifies(options.pseudonymise), situations: ruleConfig().countrySituations ?? [] };
            if (list === 'potential-witnesses') {
              const witnesses = await listPotentialWitnesses(db, request);
              return options.format === 'json' ? witnesses : renderPotentialWitnesses(witnesses, options.lang);
            }
            const cases = await listWitnessesAtRisk(db, { ...request, elementsOf: statementElements(db, elementsConfig()) });
            return options.format === 'json' ? cases : renderWitnessesAtRisk(cases, options.lang);
          }
          case 'evidence-at-risk': {
            const rows = await listEvidenceAtRisk(db, { asOf, elements: elementsConfig(), originator: options.originator, sourceType: options.sourceType });
            return options.format === 'json' ? rows : renderEvidenceAtRisk(rows, asOf.date, options.lang);
          }
        }
      });
      context.stdout.write(typeof output === 'string' ? output : `${JSON.stringify(output, null, 2)}\n`);
    });
}

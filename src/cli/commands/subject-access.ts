import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { ImketenError } from '../../domain/errors.js';
import { exportDataSubjectForAccount } from '../../operations/export-data-subject.js';
import { renderDataSubjectPdf } from '../../operations/render-data-subject-pdf.js';
import { loadPolicy } from '../../policy/policy.js';
import { contextOf } from '../context.js';

export function registerSubjectAccess(program: Command): void {
  program
    .command('subject-access')
    .argument('<person>', 'the person id, e.g. P-0042')
    .summary("a data-subject request: what the registry holds about a person that the account's partner may disclose, and what is withheld and why")
    .description('Reads through the access policy as the account named with --by (its role decides, as over the API: '
      + 'GET /api/persons/{id}/subject-access); what that account may not read is listed as withheld with its ground. '
      + 'The access is recorded in the access log. See docs/retention.md, "Data-subject requests".')
    .requiredOption('--by <username>', "the account answering the request (a partner's case role, e.g. tim.demo)")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'pdf']).default('json'))
    .addOption(new Option('--lang <lang>', 'language of the PDF').choices(['nl', 'en']).default('nl'))
    .option('-o, --output <file>', 'write to this file (required for pdf)')
    .addHelpText('after', '\nExamples:\n  imketen subject-access P-0042 --by tim.demo -o P-0042.json\n  imketen subject-access P-0042 --by ind.demo --format pdf --lang en -o P-0042.pdf')
    .action(async (person: string, options: { by: string; format: 'json' | 'pdf'; lang: 'nl' | 'en'; output?: string }, command: Command) => {
      if (options.format === 'pdf' && !options.output) throw new ImketenError('INVALID_INPUT', 'A PDF is written to a file: give -o FILE.');
      const context = contextOf(command);
      const result = await context.withStore((db) => exportDataSubjectForAccount(db, loadPolicy(), { username: options.by, person, now: context.now() }));
      const bytes = options.format === 'pdf' ? await renderDataSubjectPdf(result, options.lang) : `${JSON.stringify(result, null, 2)}\n`;
      if (options.output) {
        await writeFile(options.output, bytes);
        const withheld = result.withheld.filter((item) => item.count !== null).reduce((sum, item) => sum + item.count!, 0);
        context.stdout.write(`Written ${options.output}: ${result.cases.length} case(s), ${result.witnessRecords.length} witness record(s), ${result.accessLog.length} read(s) disclosed; ${withheld} item(s) withheld, each with its ground.\n`);
      } else {
        context.stdout.write(bytes);
      }
    });
}

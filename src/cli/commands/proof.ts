/**
 * `imketen proof CASE`: the proof matrix of a criminal case or 1F file (README, "What each case rests on"; R8): every
 * element of its offences with its status and the evidence linked to it — as the registry knew it at any moment.
 */
import { Option, type Command } from 'commander';
import { elementsConfig } from '../../config/elements.js';
import { parseAsOf } from '../../domain/as-of.js';
import { ImketenError } from '../../domain/errors.js';
import { showProofMatrix, type ProofMatrix } from '../../operations/show-proof-matrix.js';
import { contextOf } from '../context.js';

type Language = 'nl' | 'en';

/** A case given as `criminal/SZ-1`, `exclusion/IF-1`, or an id (1F files are IF-…, everything else criminal). */
function caseOf(value: string): { kind: 'criminal' | 'exclusion'; id: string } {
  const match = /^(criminal|exclusion)\/(.+)$/.exec(value);
  if (match) return { kind: match[1] as 'criminal' | 'exclusion', id: match[2]! };
  if (value.includes('/')) throw new ImketenError('INVALID_INPUT', `CASE must be a criminal case or 1F file (criminal/ID, exclusion/ID, or an id), got '${value}'.`);
  return { kind: /^IF-/.test(value) ? 'exclusion' : 'criminal', id: value };
}

const STATUS: Record<string, Record<Language, string>> = {
  proven: { nl: 'BEWEZEN', en: 'PROVEN' },
  'lead-only': { nl: 'ALLEEN AANWIJZING', en: 'LEAD ONLY' },
  unsupported: { nl: 'ONBEWEZEN', en: 'UNSUPPORTED' },
};

export function renderProofMatrix(matrix: ProofMatrix, lang: Language): string {
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const lines = [
    `${t('Bewijsmatrix', 'Proof matrix')} ${matrix.case} — ${t('op', 'on')} ${matrix.asOf.date}, ${t('zoals geregistreerd op', 'as recorded at')} ${matrix.asOf.recordedAt}`,
    `${t('Elementen', 'Elements')}: ${matrix.summary.proven} ${t('bewezen', 'proven')}, ${matrix.summary.leadOnly} ${t('alleen aanwijzing', 'lead only')}, ${matrix.summary.unsupported} ${t('onbewezen', 'unsupported')}`,
  ];
  for (const offence of matrix.offences) {
    lines.push('', `${offence.offence}: ${offence.label[lang]}${offence.crimes.length === 0 ? ` — ${t('geen bewijs gekoppeld aan een misdrijf van dit feit', 'no evidence linked to a crime of this offence')}` : ''}`);
    for (const row of matrix.elements.filter((entry) => entry.offence === offence.offence)) {
      const flag = row.status === 'unsupported' ? '!!' : row.status === 'lead-only' ? '! ' : '  ';
      lines.push(`${flag} ${STATUS[row.status]![lang].padEnd(17)} ${row.element}  ${row.label[lang]}`);
      for (const cell of row.cells) {
        lines.push(`      ${cell.item}  ${cell.relation}, ${cell.weight}, ${cell.verification}${cell.blocker ? ` — ${cell.why[lang]}` : cell.counts ? ` — ${cell.why[lang]}` : ''}`);
      }
      if (row.status !== 'proven' || row.unverifiedOnly) lines.push(`      ${row.reason[lang]}`);
    }
  }
  const leads = matrix.items.filter((item) => item.leadOnly || !item.available);
  if (leads.length > 0) {
    lines.push('', t('Stukken die niet als bewijs tellen:', 'Items that do not count as evidence:'));
    for (const item of leads) {
      const why = !item.available ? `${t('niet beschikbaar', 'unavailable')}${item.availability ? ` ${t('sinds', 'since')} ${item.availability.date}: ${item.availability.reason}` : ''}` : `${t('alleen aanwijzing', 'lead only')} (${item.conditions}, ${t('toestemming', 'consent')}: ${item.consent})`;
      lines.push(`  ${item.id}  ${item.title} (${item.originator ?? item.sourceType}) — ${why}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function registerProof(program: Command): void {
  program
    .command('proof')
    .summary('the proof matrix of a case: each element of its offences against the evidence (R8)')
    .argument('<case>', 'criminal/ID, exclusion/ID, or an id (IF-… is a 1F file)')
    .option('--date <date>', 'as on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601, or a date: end of that day)')
    .option('--json', 'the matrix as JSON')
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen proof SZ-2024-003\n  imketen proof exclusion/IF-2025-0007 --lang en\n  imketen proof SZ-2024-003 --as-recorded-at 2026-01-15 --json')
    .action(async (value: string, options: { date?: string; asRecordedAt?: string; json?: boolean; lang: Language }, command: Command) => {
      const context = contextOf(command);
      const asOf = parseAsOf(options, context.now());
      const matrix = await context.withStore((db) => showProofMatrix(db, { ...caseOf(value), asOf, elements: elementsConfig() }));
      context.stdout.write(options.json ? `${JSON.stringify(matrix, null, 2)}\n` : renderProofMatrix(matrix, options.lang));
    });
}

/**
 * The `imketen` command line. Each command lives in its own module under commands/; this file wires them, and turns
 * every failure into a message and an exit code (a stack trace only with --debug).
 */
import { Command, CommanderError } from 'commander';
import { ImketenError } from '../domain/errors.js';
import { phraseError } from './phrase-error.js';
import { registerCases } from './commands/cases.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerRebuild } from './commands/rebuild.js';
import { registerReport } from './commands/report.js';
import { registerStart } from './commands/start.js';
import { registerServe } from './commands/serve.js';
import { registerAccessLog } from './commands/access-log.js';
import { registerAuthorisations } from './commands/authorisations.js';
import { registerAccounts } from './commands/accounts.js';
import { registerVerify } from './commands/verify.js';
import { registerWatchlist } from './commands/watchlist.js';
import { registerScreen } from './commands/screen.js';
import { registerHits } from './commands/hits.js';
import { registerPersons } from './commands/persons.js';
import { EXIT_CODES, UNEXPECTED_EXIT_CODE, USAGE_EXIT_CODE } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('imketen')
    .description(
      'imketen — the registry of the Dutch international crimes chain (TIM, OM, IND Unit 1F, DT&V, ministries).\n'
      + 'Persons and cases as dated events, the law as code, and the yearly report to parliament.',
    )
    .option('--data-dir <dir>', 'directory of the embedded database (env IMKETEN_DATA_DIR, default ./data)')
    .option('--debug', 'print stack traces of unexpected errors')
    .addHelpText('after', '\nDATABASE_URL=postgres://… uses that PostgreSQL server instead of the embedded database.\nRun `imketen <command> --help` for a command\'s options and examples.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerStart(program);
  registerServe(program);
  registerAccessLog(program);
  registerAuthorisations(program);
  registerAccounts(program);
  registerImport(program);
  registerExport(program);
  registerReport(program);
  registerCases(program);
  registerList(program);
  registerDemo(program);
  registerVerify(program);
  registerWatchlist(program);
  registerScreen(program);
  registerHits(program);
  registerPersons(program);
  registerRebuild(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(error, argv.includes('--debug'));
  }
}

function reportFailure(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  }
  if (error instanceof ImketenError) {
    process.stderr.write(phraseError(error));
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_CODES[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`imketen: unexpected error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with --debug for details.\n');
  return UNEXPECTED_EXIT_CODE;
}


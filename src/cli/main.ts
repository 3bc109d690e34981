/**
 * The `imketen` command line. Each command lives in its own module under commands/; this file wires them, and turns
 * every failure into a message and an exit code (a stack trace only with --debug).
 */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, Help } from 'commander';
import { ImketenError } from '../domain/errors.js';
import { phraseError } from './phrase-error.js';
import { EXIT_CODES, UNEXPECTED_EXIT_CODE, USAGE_EXIT_CODE } from './exit-codes.js';

/**
 * One entry per command module, in the order of the help: the commands it registers, each with the term and summary
 * the top-level help shows, and how to load it. Only the module of the command being run is loaded (start-up time,
 * docs/architecture.md); the others stand in as stubs that carry their help line. A test checks these lines against
 * the modules' own.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  { commands: [['start', '[options]', 'the main job: start the server (loading the demo registry and demo accounts when the store is empty)']], load: async () => (await import('./commands/start.js')).registerStart },
  { commands: [['serve', '[options]', 'run the HTTP API server (configuration: environment and IMKETEN_CONFIG, see docs/server.md)']], load: async () => (await import('./commands/serve.js')).registerServe },
  { commands: [['access-log', '[options]', "the auditor's view: every access to one person's data, or every access one user made"]], load: async () => (await import('./commands/access-log.js')).registerAccessLog },
  { commands: [['authorisation', '', 'authorisations of the investigating judge (R3): register and list']], load: async () => (await import('./commands/authorisations.js')).registerAuthorisations },
  { commands: [['account', '', 'accounts of the server: create the first administrator, list accounts']], load: async () => (await import('./commands/accounts.js')).registerAccounts },
  { commands: [['import', '[options] <files...>', 'load events (interchange format v1, JSON Lines) into the registry']], load: async () => (await import('./commands/import.js')).registerImport },
  { commands: [['export', '[options]', 'write the registry as interchange format v1 (JSON Lines)']], load: async () => (await import('./commands/export.js')).registerExport },
  { commands: [['report', '[options]', 'the yearly report to parliament: five tables for Y−1 and Y']], load: async () => (await import('./commands/report.js')).registerReport },
  {
    commands: [['cases', '[options]', 'list cases by kind and phase at a date'], ['case', '[options] <id>', "one person's or case's full timeline and what the rules derive"]],
    load: async () => (await import('./commands/cases.js')).registerCases,
  },
  { commands: [['inbox', '[options]', "what waits for a user: victims to inform, Article 3 reassessments, hearings, hits, cross-references, expiring authorisations"]], load: async () => (await import('./commands/inbox.js')).registerInbox },
  { commands: [['list', '[options] <list>', 'the lists the chain reports on: R1 unprosecutable 1F persons, R7 Article 3 reassessment, R5 overdue victims']], load: async () => (await import('./commands/list.js')).registerList },
  { commands: [['demo', '[options]', 'load the deterministic, fictional demo registry']], load: async () => (await import('./commands/demo.js')).registerDemo },
  {
    commands: [['verify', '[options]', 'recompute the hash chains of the logs and check checkpoints for rewrites'], ['checkpoint', '[options]', 'sign and store a checkpoint of every log (Merkle tree head, Ed25519)']],
    load: async () => (await import('./commands/verify.js')).registerVerify,
  },
  {
    commands: [['backup', '[options]', 'write a consistent, verifiable backup of the whole registry to a file'], ['restore', '[options] <file>', 'restore a backup into an empty store, after checking its checksums, hash chains and checkpoints']],
    load: async () => (await import('./commands/backup.js')).registerBackup,
  },
  { commands: [['jobs', '[options]', 'the background jobs (screening after a list update, re-screening changed persons) with state and progress']], load: async () => (await import('./commands/jobs.js')).registerJobs },
  { commands: [['notifications', '', 'e-mail digests of waiting work: send the ones that are due (README, "Notifications")']], load: async () => (await import('./commands/notifications.js')).registerNotifications },
  { commands: [['watchlist', '', 'the lists persons are screened against (UN, OFAC, own lists): import and list their versions']], load: async () => (await import('./commands/watchlist.js')).registerWatchlist },
  { commands: [['screen', '[options] [queries]', 'screen names against a watchlist: a file of queries, or the persons of the registry']], load: async () => (await import('./commands/screen.js')).registerScreen },
  { commands: [['hits', '', 'review the hits of screening and cross-referencing: list, show, confirm, reject, unsure']], load: async () => (await import('./commands/hits.js')).registerHits },
  { commands: [['persons', '', "the registry's persons by name: search, cross-reference across partners, merge and undo a merge"]], load: async () => (await import('./commands/persons.js')).registerPersons },
  { commands: [['subject-access', '[options] <person>', "a data-subject request: what the registry holds about a person that the account's partner may disclose, and what is withheld and why"]], load: async () => (await import('./commands/subject-access.js')).registerSubjectAccess },
  { commands: [['analysis', '', 'the pseudonymised analysis data: per-case facts by pseudonym, for the trend figures and researchers']], load: async () => (await import('./commands/analysis.js')).registerAnalysis },
  { commands: [['retention', '', 'retention of personal data: what is due for removal, and what holds it']], load: async () => (await import('./commands/retention.js')).registerRetention },
  { commands: [['rebuild', '', 'rebuild the projections (case phase history, evidence standing) from the event log']], load: async () => (await import('./commands/rebuild.js')).registerRebuild },
  { commands: [['evidence', '', 'the evidence register: add, attach, list, show, verify-files, bundle, verify-bundle, capture, import-archive']], load: async () => (await import('./commands/evidence.js')).registerEvidence },
  { commands: [['witnesses', '[options] <case>', 'the witnesses of a case: pseudonym, protection, statements, availability']], load: async () => (await import('./commands/witnesses.js')).registerWitnesses },
  { commands: [['proof', '[options] <case>', 'the proof matrix of a case: each element of its offences against the evidence (R8)']], load: async () => (await import('./commands/proof.js')).registerProof },
];

export interface CommandModule {
  /** [name, arguments and options as the help shows them, summary] of each command the module registers. */
  commands: readonly (readonly [name: string, usage: string, summary: string])[];
  load(): Promise<(program: Command) => void>;
}

/**
 * The program for `argv`: every command of the module that `argv` runs (`help X` runs X's help), the others as
 * stubs. `loadAll` registers every module for real (tests).
 */
export async function buildProgram(argv: readonly string[] = [], loadAll = false): Promise<Command> {
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
  const stubUsage = new Map<Command, string>();
  const defaultTerm = Help.prototype.subcommandTerm;
  program.configureHelp({ subcommandTerm(this: Help, command: Command) { return stubUsage.get(command) ?? defaultTerm.call(this, command); } });
  const wanted = commandNameOf(argv);
  for (const module of COMMAND_MODULES) {
    if (loadAll || module.commands.some(([name]) => name === wanted)) {
      (await module.load())(program);
      continue;
    }
    for (const [name, usage, summary] of module.commands) {
      stubUsage.set(program.command(name).summary(summary), `${name}${usage ? ` ${usage}` : ''}`);
    }
  }
  return program;
}

/** The command `argv` runs: its first word after the global options (`help X` gives X). */
export function commandNameOf(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') i += 1;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Commands that run long enough for V8's optimising WebAssembly compiler to pay back: the server, and the bulk
 * writers whose work grows with the input. Every other command keeps the embedded database (PGlite, Postgres as
 * WebAssembly) on V8's baseline compiler: optimising its hot functions on the side costs more CPU than a short
 * command runs for (`imketen report --year 2025` on the demo registry: 2.1 s of CPU with it, 1.0 s without; the
 * CLI benchmark in the README).
 */
const OPTIMISED_WASM_COMMANDS: ReadonlySet<string> = new Set(['start', 'serve', 'import', 'restore', 'rebuild']);

/**
 * Sets this process's WebAssembly compiler for the command `argv` runs. Called by bin/imketen.js before `run`, ahead
 * of any WebAssembly compilation (PGlite compiles its module when the store is opened); not by tests, which run
 * many commands in one process.
 */
export function chooseWasmCompiler(argv: readonly string[]): void {
  const command = commandNameOf(argv);
  if (command !== undefined && !OPTIMISED_WASM_COMMANDS.has(command)) setFlagsFromString('--liftoff-only');
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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


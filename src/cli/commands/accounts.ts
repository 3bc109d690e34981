/**
 * `imketen account`: the operator's commands on the server itself. They are the bootstrap — the first
 * administrators of a production server are created here — so they are not bound by the four-eyes rule of the API
 * (whoever runs them holds the database anyway); every change is written to the access log as the operator.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { appendAccess, type AccessEntry } from '../../access-log/access-log.js';
import { createAccount, listAccounts } from '../../accounts/accounts.js';
import { ImketenError } from '../../domain/errors.js';
import { loadPolicy } from '../../policy/policy.js';
import { contextOf } from '../context.js';

export function registerAccounts(program: Command): void {
  const account = program
    .command('account')
    .summary('accounts of the server: create the first administrator, list accounts');

  account
    .command('create')
    .description('Creates an account. The password is read from standard input (one line), so it stays out of the shell history.\nUse it to create the first administrators of a production server (which never has demo accounts). The command is the\noperator\'s on the server: any role, no second administrator (the API asks one for roles that read case data); it is\nwritten to the access log as operator:<login name>.')
    .requiredOption('--username <name>', 'the login name')
    .requiredOption('--role <role>', 'a role of the access policy: police, prosecutor, ind-1f, dtv, ministry, admin, auditor')
    .option('--name <display name>', 'the name shown', '')
    .option('--policy <file>', 'the access policy file (default config/policy.json)')
    .addHelpText('after', "\nExample:\n  printf '%s\\n' \"$ADMIN_PASSWORD\" | imketen account create --username beheer.jansen --role admin --name 'J. Jansen'")
    .action(async (options: { username: string; role: string; name: string; policy?: string }, command: Command) => {
      const context = contextOf(command);
      const password = await readLine(process.stdin);
      if (!password) throw new ImketenError('INVALID_INPUT', 'Give the password on standard input (one line).');
      const policy = loadPolicy(options.policy);
      const created = await context.withStore((db) => db.transaction(async (tx) => {
        const account = await createAccount(tx, policy, { username: options.username, displayName: options.name || options.username, role: options.role, password }, context.now());
        await appendAccess(tx, operatorEntry(context.now(), 'account.create', `account/${account.username}`, `created with role ${account.role} (${account.organisation}) at the command line`));
        return account;
      }));
      context.stdout.write(`Created account ${created.username} (${created.role}, ${created.organisation}).\n`);
    });

  account
    .command('list')
    .description('Lists the accounts (no password hashes).')
    .action(async (_options, command: Command) => {
      const context = contextOf(command);
      const rows = await context.withStore((db) => listAccounts(db, { afterId: 0, limit: 100_000 }));
      context.stdout.write(`${rows.map((row) => `${row.id}  ${row.username.padEnd(24)} ${row.role.padEnd(11)} ${row.organisation.padEnd(9)} ${row.disabled ? 'disabled' : row.lockedUntil ? `locked until ${row.lockedUntil}` : 'active'}${row.demo ? ' (demo)' : ''}`).join('\n')}\n`);
    });
}

/** The access-log row of an operator's act: the operating-system user who ran the command. */
export function operatorEntry(now: Date, action: string, resource: string, detail: string): AccessEntry {
  return {
    at: now.toISOString(), principalKind: 'operator', accountId: null, tokenId: null, username: operatorName(), organisation: 'BEHEER', role: 'operator',
    action, resource, persons: [], purpose: 'account management at the server', legalBasis: 'operator at the server (bootstrap)', outcome: 'allowed', reason: detail, requestId: null,
  };
}

/** `operator:<login name>` of the user running the command. */
export function operatorName(): string {
  let name = 'unknown';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry for this uid (some containers): the uid still says who.
    name = `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return `operator:${name}`;
}

async function readLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

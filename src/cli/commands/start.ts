import type { Command } from 'commander';
import { contextOf } from '../context.js';
import { runServer } from './serve.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .summary('the main job: start the server (loading the demo registry and demo accounts when the store is empty)')
    .description(
      'Opens the registry — the embedded database in the data directory unless DATABASE_URL names a PostgreSQL server —,\n'
      + 'loads the fictional demo registry and one demo account per role when it is empty (never with NODE_ENV=production),\n'
      + 'and runs the HTTP API server; it prints the URL and the demo logins. `imketen report --year 2025` prints the report.',
    )
    .option('--port <port>', 'port to listen on (env IMKETEN_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env IMKETEN_HOST, default 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      await runServer(contextOf(command), options, { demo: true });
    });
}

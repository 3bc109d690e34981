import type { Command } from 'commander';
import { loadSigningKey } from '../../audit/checkpoints.js';
import { ed25519Signer } from '../../capture/manifest.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoAccountsIfEmpty } from '../../accounts/demo-accounts.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { ruleConfig } from '../../config/rules.js';
import { loadPolicy } from '../../policy/policy.js';
import { buildServer } from '../../server/build-server.js';
import { readServerConfig, type ServerConfig } from '../../server/config.js';
import { hasDemoAccounts } from '../../store/accounts-store.js';
import { openStore } from '../../store/open-store.js';
import { withStartupLock } from '../../store/startup-lock.js';
import { openFileStore } from '../../store/file-store/file-store-config.js';
import { loadAnalysisKey } from '../../config/analysis-key.js';
import { contextOf, type CliContext } from '../context.js';
import { loadDemoIfEmpty } from './demo.js';

interface ServeOptions {
  port?: string;
  host?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('run the HTTP API server (configuration: environment and IMKETEN_CONFIG, see docs/server.md)')
    .description('Runs the imketen HTTP API: OpenAPI at /api/openapi.json, browsable docs at /api/docs. Stops on Ctrl-C (SIGINT) or SIGTERM.')
    .option('--port <port>', 'port to listen on (env IMKETEN_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env IMKETEN_HOST, default 127.0.0.1)')
    .action(async (options: ServeOptions, command: Command) => {
      await runServer(contextOf(command), options, { demo: false });
    });
}

/** Opens the store, optionally loads the demo registry and accounts, listens, and runs until a stop signal. */
export async function runServer(context: CliContext, options: ServeOptions, setup: { demo: boolean }): Promise<void> {
  // The server's configuration module is the one reader of these variables (docs/server.md lists them).
  // eslint-disable-next-line no-restricted-syntax
  const config = readServerConfig(process.env, serverOverrides(options));
  const policy = loadPolicy(config.policyFile, { enableRegimes: config.enableRegimes, disableRegimes: config.disableRegimes });
  const db = await openStore(context.config.store, { command: context.commandLine, serve: true });
  let closing = false;
  try {
    const where = context.config.store.databaseUrl ? 'PostgreSQL' : `the embedded database in ${context.config.store.dataDir}`;
    const fileStore = await openFileStore(context.config.files);
    // Servers started together on one empty database take turns: one loads the demo, the others find it loaded; and
    // one at a time installs the job queue's schema (two pg-boss installs at once were seen to deadlock).
    const { demoAccounts, jobs } = await withStartupLock(db, async () => {
      if (setup.demo && await loadDemoIfEmpty(db, context.now, { store: fileStore, uploadLimit: context.config.files.uploadLimit })) process.stderr.write(`Loaded the demo registry into ${where}.\n`);
      else process.stderr.write(`Using ${where}.\n`);
      const demoAccounts = config.demoAccounts && await loadDemoAccountsIfEmpty(db, policy, context.now());
      // The background jobs are worked by every server (README, "Background jobs"); closing the server drains them.
      // With SMTP configured it also sends the e-mail digests every hour (README, "Notifications").
      const notifications = context.config.mail ? { mail: context.config.mail, policy, rules: ruleConfig() } : undefined;
      const jobs = await JobQueue.open(db, { work: true, now: context.now, notifications, onError: (error) => process.stderr.write(`Background jobs: ${error.message}\n`) });
      return { demoAccounts, jobs };
    });
    // Web captures asked for over the API are signed with the server's checkpoint key, as `imketen evidence capture` signs them.
    const key = loadSigningKey(context.config.checkpointKeyFile);
    const captureSigner = ed25519Signer({ privateKey: key.privateKey, keyId: key.keyId, publicKey: key.publicKey });
    const app = await buildServer({ db, config, policy, now: context.now, jobs, followChanges: true, files: { store: fileStore, uploadLimit: context.config.files.uploadLimit }, captureSigner, analysisKey: loadAnalysisKey(context.config.analysisKeyFile), mailConfigured: context.config.mail !== undefined });
    const address = await app.listen({ host: config.host, port: config.port });
    context.stdout.write(banner(address, config, demoAccounts || (config.demoAccounts && await hasDemoAccounts(db))));
    await new Promise<void>((resolve) => {
      const stop = () => {
        if (closing) return;
        closing = true;
        process.stderr.write('Stopping…\n');
        void app.close().then(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    await db.close();
  }
}

function serverOverrides(options: ServeOptions): Partial<ServerConfig> {
  const overrides: Partial<ServerConfig> = {};
  if (options.host) overrides.host = options.host;
  if (options.port) {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got '${options.port}'`);
    overrides.port = port;
  }
  return overrides;
}

function banner(address: string, config: Readonly<ServerConfig>, demo: boolean): string {
  const lines = [
    `imketen is running at ${address}`,
    `  API documentation: ${address}/api/docs   (OpenAPI: ${address}/api/openapi.json)`,
  ];
  if (config.oidc) lines.push(`  Single sign-on: ${address}/api/auth/oidc/login (issuer ${config.oidc.issuer})`);
  if (demo) {
    lines.push('', `Demo logins (fictional; password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.username.padEnd(18)} ${account.role}`);
    lines.push('', `Sign in: curl -c cookies.txt -H 'content-type: application/json' -d '{"username":"om.demo","password":"${DEMO_PASSWORD}"}' ${address}/api/session`);
  }
  lines.push('', 'Stop with Ctrl-C.', '');
  return lines.join('\n');
}

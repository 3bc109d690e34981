/**
 * Runtime configuration, read once from the environment and command-line options, frozen, validated.
 * No other module reads process.env.
 */
import { join, resolve } from 'node:path';
import { ImketenError } from '../domain/errors.js';

export interface StoreConfig {
  /** A postgres:// URL: use that PostgreSQL server. Otherwise the embedded PGlite store in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

export interface RuntimeConfig {
  store: StoreConfig;
  /** The Ed25519 key that signs log checkpoints (created on first use, mode 0600). */
  checkpointKeyFile: string;
  debug: boolean;
}

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string;
  debug?: boolean;
}

export function readConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Readonly<RuntimeConfig> {
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ImketenError('CONFIG_INVALID', `DATABASE_URL must start with postgres:// or postgresql://, got '${databaseUrl}'.`);
  }
  const dataDir = resolve(overrides.dataDir ?? (env.IMKETEN_DATA_DIR || './data'));
  return Object.freeze({
    store: Object.freeze({ databaseUrl, dataDir }),
    checkpointKeyFile: resolve(env.IMKETEN_CHECKPOINT_KEY || join(dataDir, 'keys', 'checkpoint-ed25519.pem')),
    debug: overrides.debug ?? env.IMKETEN_DEBUG === '1',
  });
}

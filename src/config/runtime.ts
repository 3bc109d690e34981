/**
 * Runtime configuration, read once from the environment and command-line options, frozen, validated.
 * No other module reads process.env.
 */
import { join, resolve } from 'node:path';
import { ImketenError } from '../domain/errors.js';
import { readMailConfig, type MailConfig } from './mail-config.js';

export interface StoreConfig {
  /** A postgres:// URL: use that PostgreSQL server. Otherwise the embedded PGlite store in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

/** Where evidence files are kept (README, "The file store"): the data directory, or an S3-compatible object store. */
export type FileStoreConfig =
  | { kind: 'disk'; dir: string; uploadLimit: number }
  | {
    kind: 's3'; bucket: string; prefix: string; region: string; endpoint?: string; forcePathStyle: boolean; partSize?: number; uploadLimit: number;
    /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; otherwise the AWS SDK's own chain (profile, instance role). */
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  };

/** The default upload limit: 10 GiB (IMKETEN_UPLOAD_LIMIT, in bytes). */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 ** 3;

export interface RuntimeConfig {
  store: StoreConfig;
  files: FileStoreConfig;
  /** The Ed25519 key that signs log checkpoints (created on first use, mode 0600). */
  checkpointKeyFile: string;
  /** The HMAC key of the analysis pseudonyms (created on first use, mode 0600; docs/retention.md). */
  analysisKeyFile: string;
  /** SMTP for the notification digests (README, "Notifications"); undefined: no e-mail is sent. */
  mail?: MailConfig;
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
  const mail = readMailConfig(env);
  return Object.freeze({
    store: Object.freeze({ databaseUrl, dataDir }),
    files: Object.freeze(readFileStoreConfig(dataDir, env)),
    checkpointKeyFile: resolve(env.IMKETEN_CHECKPOINT_KEY || join(dataDir, 'keys', 'checkpoint-ed25519.pem')),
    analysisKeyFile: resolve(env.IMKETEN_ANALYSIS_KEY || join(dataDir, 'keys', 'analysis-hmac.key')),
    ...(mail ? { mail } : {}),
    debug: overrides.debug ?? env.IMKETEN_DEBUG === '1',
  });
}

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new ImketenError('CONFIG_INVALID', `${name} must be a positive whole number of bytes, got '${raw}'.`);
  return value;
}

/** The file store's settings from the environment (README, "The file store"). */
export function readFileStoreConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): FileStoreConfig {
  const uploadLimit = positiveInteger('IMKETEN_UPLOAD_LIMIT', env.IMKETEN_UPLOAD_LIMIT) ?? DEFAULT_UPLOAD_LIMIT;
  const kind = env.IMKETEN_FILE_STORE || 'disk';
  if (kind === 'disk') return { kind, dir: resolve(env.IMKETEN_FILE_DIR || join(dataDir, 'files')), uploadLimit };
  if (kind !== 's3') throw new ImketenError('CONFIG_INVALID', `IMKETEN_FILE_STORE must be disk or s3, got '${kind}'.`);
  const bucket = env.IMKETEN_S3_BUCKET;
  if (!bucket) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_FILE_STORE=s3 needs IMKETEN_S3_BUCKET (and usually IMKETEN_S3_ENDPOINT and IMKETEN_S3_REGION).');
  const partSize = positiveInteger('IMKETEN_S3_PART_SIZE', env.IMKETEN_S3_PART_SIZE);
  return {
    kind, bucket, uploadLimit,
    prefix: env.IMKETEN_S3_PREFIX ?? '',
    region: env.IMKETEN_S3_REGION || env.AWS_REGION || 'us-east-1',
    ...(env.IMKETEN_S3_ENDPOINT ? { endpoint: env.IMKETEN_S3_ENDPOINT } : {}),
    forcePathStyle: env.IMKETEN_S3_FORCE_PATH_STYLE !== 'false',
    ...(partSize ? { partSize } : {}),
    ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } }
      : {}),
  };
}

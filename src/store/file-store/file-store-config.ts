/**
 * Which file store to open (README, "The file store"): the data directory by default, or an S3-compatible object
 * store when `IMKETEN_FILE_STORE=s3`. The S3 settings come from the environment; credentials from the AWS SDK's own
 * chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
import { join } from 'node:path';
import { ImketenError } from '../../domain/errors.js';
import { openDiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';
import { openS3FileStore } from './s3-file-store.js';

/** The default upload limit: 10 GiB (IMKETEN_UPLOAD_LIMIT, in bytes). */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 ** 3;

export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.IMKETEN_UPLOAD_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_LIMIT;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new ImketenError('CONFIG_INVALID', `IMKETEN_UPLOAD_LIMIT must be a positive number of bytes, got '${raw}'.`);
  return value;
}

export async function openFileStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<FileStore> {
  const kind = env.IMKETEN_FILE_STORE ?? 'disk';
  if (kind === 'disk') return openDiskFileStore(env.IMKETEN_FILE_DIR ?? join(dataDir, 'files'));
  if (kind !== 's3') throw new ImketenError('CONFIG_INVALID', `IMKETEN_FILE_STORE must be disk or s3, got '${kind}'.`);
  const bucket = env.IMKETEN_S3_BUCKET;
  if (!bucket) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_FILE_STORE=s3 needs IMKETEN_S3_BUCKET (and usually IMKETEN_S3_ENDPOINT and IMKETEN_S3_REGION).');
  return openS3FileStore({
    bucket,
    prefix: env.IMKETEN_S3_PREFIX ?? '',
    client: {
      region: env.IMKETEN_S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
      ...(env.IMKETEN_S3_ENDPOINT ? { endpoint: env.IMKETEN_S3_ENDPOINT } : {}),
      ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) } }
        : {}),
      forcePathStyle: env.IMKETEN_S3_FORCE_PATH_STYLE !== 'false',
      // Checksums only where S3 requires them: many S3-compatible servers do not know the newer checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    ...(env.IMKETEN_S3_PART_SIZE ? { partSize: Number(env.IMKETEN_S3_PART_SIZE) } : {}),
  });
}

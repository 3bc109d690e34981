/** Opens the file store the configuration names (src/config/runtime.ts reads it from the environment). */
import type { FileStoreConfig } from '../../config/runtime.js';
import { openDiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';
import { openS3FileStore } from './s3-file-store.js';

export async function openFileStore(config: FileStoreConfig): Promise<FileStore> {
  if (config.kind === 'disk') return openDiskFileStore(config.dir);
  return openS3FileStore({
    bucket: config.bucket,
    prefix: config.prefix,
    client: {
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 requires them: many S3-compatible servers do not know the newer checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    ...(config.partSize ? { partSize: config.partSize } : {}),
  });
}

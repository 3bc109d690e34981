/**
 * The file store in any S3-compatible object store (README, "The file store"; configured by environment,
 * file-store-config.ts). An upload streams to a temporary key (`<prefix>tmp/<uuid>`) as a multipart upload while it is
 * hashed — memory stays at a few parts, whatever the size — and is then copied to `<prefix>sha256/<hash>` unless that
 * key exists (identical bytes are stored once, a stored object is never replaced); the temporary key is deleted. An
 * upload cut off (even by kill -9) leaves at most a temporary key or an unfinished multipart upload (expire both with
 * a bucket lifecycle rule), never an object under a hash.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  S3Client, UploadPartCopyCommand, type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertSha256, corrupt, hashOf, HashingCounter, notFound, verifyingStream, type FileCheck, type FileStore, type PutOptions, type PutResult,
} from './file-store.js';

export interface S3FileStoreOptions {
  bucket: string;
  /** Key prefix, e.g. `imketen/` (default: none). */
  prefix?: string;
  client: S3ClientConfig;
  /** Size of a multipart upload's parts (default 8 MiB); memory is about partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
}

/** The largest object one CopyObject copies; larger ones are copied part by part. */
const SINGLE_COPY_LIMIT = 5 * 1024 ** 3;

export function openS3FileStore(options: S3FileStoreOptions): FileStore {
  const client = new S3Client(options.client);
  const { bucket } = options;
  const prefix = options.prefix ?? '';
  const location = `s3://${bucket}/${prefix}`;
  const keyOf = (sha256: string) => `${prefix}sha256/${sha256}`;

  async function head(key: string): Promise<number | undefined> {
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return answer.ContentLength ?? 0;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async function body(key: string): Promise<Readable | undefined> {
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return answer.Body as Readable;
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async function copy(from: string, to: string, size: number): Promise<void> {
    if (size <= SINGLE_COPY_LIMIT) {
      await client.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${encodeURI(from)}` }));
      return;
    }
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: to }));
    const part = 1024 ** 3;
    const parts: { ETag?: string; PartNumber: number }[] = [];
    for (let start = 0, number = 1; start < size; start += part, number += 1) {
      const answer = await client.send(new UploadPartCopyCommand({
        Bucket: bucket, Key: to, UploadId, PartNumber: number, CopySource: `${bucket}/${encodeURI(from)}`,
        CopySourceRange: `bytes=${start}-${Math.min(start + part, size) - 1}`,
      }));
      parts.push({ ETag: answer.CopyPartResult?.ETag, PartNumber: number });
    }
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: to, UploadId, MultipartUpload: { Parts: parts } }));
  }

  const store: FileStore = {
    location,
    async put(source: AsyncIterable<Uint8Array>, putOptions: PutOptions = {}): Promise<PutResult> {
      const temporary = `${prefix}tmp/${randomUUID()}`;
      const counter = new HashingCounter(putOptions.maxBytes, putOptions.headBytes);
      const passage = new PassThrough();
      const upload = new Upload({
        client, params: { Bucket: bucket, Key: temporary, Body: passage },
        partSize: options.partSize ?? 8 * 1024 * 1024, queueSize: options.queueSize ?? 2, leavePartsOnError: false,
      });
      const uploaded = upload.done();
      try {
        await Promise.all([pipeline(source, counter, passage), uploaded]);
      } catch (error) {
        await upload.abort().catch(() => undefined);
        await uploaded.catch(() => undefined);
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: temporary })).catch(() => undefined);
        throw error;
      }
      try {
        const sha256 = counter.hash.digest('hex');
        await putOptions.beforeStore?.(sha256);
        const target = keyOf(sha256);
        const created = (await head(target)) === undefined;
        if (created) await copy(temporary, target, counter.size);
        return { sha256, size: counter.size, created, head: counter.head };
      } finally {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: temporary })).catch(() => undefined);
      }
    },
    async has(sha256) {
      assertSha256(sha256);
      return (await head(keyOf(sha256))) !== undefined;
    },
    async size(sha256) {
      assertSha256(sha256);
      return head(keyOf(sha256));
    },
    async get(sha256): Promise<Readable> {
      const check = await store.check(sha256);
      if (check === 'missing') throw notFound(sha256, location);
      if (check === 'corrupt') throw corrupt(sha256, location);
      const stream = await body(keyOf(sha256));
      if (!stream) throw notFound(sha256, location);
      return verifyingStream(stream, sha256, location);
    },
    async check(sha256, onBytes): Promise<FileCheck> {
      assertSha256(sha256);
      const stream = await body(keyOf(sha256));
      if (!stream) return 'missing';
      return (await hashOf(stream, onBytes)) === sha256 ? 'ok' : 'corrupt';
    },
    async remove(sha256) {
      assertSha256(sha256);
      if ((await head(keyOf(sha256))) === undefined) return false;
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return true;
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}sha256/`, ...(token ? { ContinuationToken: token } : {}) }));
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(`${prefix}sha256/`.length) ?? '';
          if (/^[0-9a-f]{64}$/.test(name)) yield name;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async close() {
      client.destroy();
    },
  };
  return store;
}

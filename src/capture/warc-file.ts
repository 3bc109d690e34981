/**
 * A WARC file written while the page loads: each exchange is appended as soon as its body has been read, in the order
 * the responses arrived, so memory holds one response at a time rather than the whole page. It hashes what it
 * writes, for the manifest.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { exchangeRecords, warcinfoRecord, type HttpExchange } from './warc-write.js';

export class WarcFile {
  private readonly hash = createHash('sha256');
  private size = 0;
  private writing: Promise<void>;
  private failure: unknown;
  private closed = false;

  private constructor(private readonly handle: FileHandle, private readonly warcinfoId: string, first: Buffer) {
    this.writing = this.append(first);
  }

  static async create(path: string, fileName: string, date: string, fields: Record<string, string>): Promise<WarcFile> {
    const info = warcinfoRecord(fileName, date, fields);
    return new WarcFile(await open(path, 'wx'), info.id, info.bytes);
  }

  private async append(bytes: Buffer): Promise<void> {
    await this.handle.write(bytes);
    this.hash.update(bytes);
    this.size += bytes.length;
  }

  /** Appends the exchange once it is read; a failure surfaces in `finish`. */
  add(exchange: Promise<HttpExchange>): void {
    const ready = exchange.then((value) => exchangeRecords(value, this.warcinfoId));
    this.writing = this.writing.then(async () => this.append(await ready)).catch((error: unknown) => { this.failure ??= error; });
  }

  /** Waits for every exchange added so far, syncs and closes the file. */
  async finish(): Promise<{ sha256: string; size: number }> {
    if (this.closed) throw new Error('the WARC file is already closed');
    this.closed = true;
    try {
      await this.writing;
      if (this.failure) throw this.failure;
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
    return { sha256: this.hash.digest('hex'), size: this.size };
  }

  /** Closes the file after a failed capture (the caller removes or keeps it); nothing if already finished. */
  async abandon(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    await this.handle.close();
  }
}

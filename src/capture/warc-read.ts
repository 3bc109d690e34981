/**
 * Reads WARC records (WARC 1.0 and 1.1) from a stream of uncompressed bytes, in bounded memory: the header of each
 * record is held, its block streams through the digest checks. A `.warc.gz` is one gzip member per record (or one
 * for the whole file); the caller gunzips, so offsets here count uncompressed bytes.
 */
import { ImketenError } from '../domain/errors.js';
import { DigestChecker, type DigestCheck } from './digests.js';

export interface WarcRecordInfo {
  type: string;
  recordId: string | undefined;
  targetUri: string | undefined;
  date: string | undefined;
  payloadDigest: string | undefined;
  blockDigest: string | undefined;
  contentType: string | undefined;
  /** The block's length (Content-Length of the record). */
  length: number;
  /** Where the record starts in the uncompressed stream. */
  offset: number;
  blockCheck: DigestCheck;
  /** 'unchecked' where a payload digest cannot be checked here: revisit records, and chunked HTTP bodies. */
  payloadCheck: DigestCheck | 'unchecked';
  /** A warcinfo record's fields (`software`, `operator`, …; application/warc-fields), when its block is small enough to hold. */
  info?: Record<string, string>;
}

/** The largest warcinfo block whose fields are read. */
const MAX_INFO_BYTES = 64 * 1024;

const MAX_HEADER_BYTES = 64 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

/** Pulls bytes from an async stream of chunks, counting the offset. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  offset = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** Skips blank lines between records; false at the end of the stream. */
  async atRecord(): Promise<boolean> {
    for (;;) {
      let skip = 0;
      while (skip < this.buffer.length && (this.buffer[skip] === 0x0d || this.buffer[skip] === 0x0a)) skip++;
      this.consume(skip);
      if (this.buffer.length > 0) return true;
      if (!(await this.fill())) return false;
    }
  }

  /** The bytes up to and including the first CRLF CRLF, or undefined if the stream ends or the limit passes first. */
  async readHeader(limit: number): Promise<Buffer | undefined> {
    for (;;) {
      const end = this.buffer.indexOf(CRLF2);
      if (end >= 0) return this.take(end + 4);
      if (this.buffer.length > limit || !(await this.fill())) return undefined;
    }
  }

  /** Passes the next `length` bytes to `sink` chunk by chunk; false if the stream ends first. */
  async stream(length: number, sink: (chunk: Buffer) => void): Promise<boolean> {
    let left = length;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.fill())) return false;
      const chunk = this.take(Math.min(left, this.buffer.length));
      sink(chunk);
      left -= chunk.length;
    }
    return true;
  }

  private take(count: number): Buffer {
    const chunk = this.buffer.subarray(0, count);
    this.consume(count);
    return chunk;
  }

  private consume(count: number): void {
    this.buffer = this.buffer.subarray(count);
    this.offset += count;
  }
}

function parseFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/** Splits an application/http block into its header and its body as it streams, hashing the body. */
class PayloadSplitter {
  private head: Buffer[] = [];
  private headLength = 0;
  private inBody = false;
  chunked = false;

  constructor(private readonly payload: DigestChecker) {}

  update(chunk: Buffer): void {
    if (this.inBody) return this.payload.update(chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    const joined = Buffer.concat(this.head);
    const end = joined.indexOf(CRLF2);
    if (end < 0) {
      if (this.headLength > MAX_HEADER_BYTES) this.inBody = true; // no HTTP header after all: leave the payload unmatched
      this.head = [joined];
      return;
    }
    this.chunked = /^transfer-encoding:\s*chunked/im.test(joined.subarray(0, end).toString('latin1'));
    this.inBody = true;
    this.head = [];
    this.payload.update(joined.subarray(end + 4));
  }
}

/**
 * Reads every record of a WARC stream. `name` names the file in errors; `onRecord` may throw to stop (a limit).
 * Throws an ImketenError naming the file and offset when the bytes are not WARC.
 */
export async function readWarcStream(
  chunks: AsyncIterable<Buffer>, name: string, onRecord: (record: WarcRecordInfo) => void,
): Promise<void> {
  const reader = new ByteReader(chunks[Symbol.asyncIterator]());
  const fail = (offset: number, message: string) => new ImketenError('INVALID_INPUT', `${name}: record at offset ${offset}: ${message}`);
  while (await reader.atRecord()) {
    const offset = reader.offset;
    const header = await reader.readHeader(MAX_HEADER_BYTES);
    if (!header) throw fail(offset, `no complete WARC header within ${MAX_HEADER_BYTES} bytes`);
    const text = header.toString('utf8');
    const version = text.slice(0, text.indexOf('\n')).trim();
    if (!/^WARC\/1\.[01]$/.test(version)) throw fail(offset, `expected 'WARC/1.0' or 'WARC/1.1', found '${version.slice(0, 40)}'`);
    const fields = parseFields(text.slice(text.indexOf('\n') + 1));
    const lengthText = fields.get('content-length');
    if (lengthText === undefined || !/^\d+$/.test(lengthText)) throw fail(offset, `Content-Length missing or not a number ('${lengthText ?? ''}')`);
    const length = Number(lengthText);
    const type = fields.get('warc-type') ?? '';
    const contentType = fields.get('content-type');
    const block = new DigestChecker(fields.get('warc-block-digest'));
    const payload = new DigestChecker(fields.get('warc-payload-digest'));
    const isHttp = /^application\/http/i.test(contentType ?? '') && type !== 'revisit';
    const splitter = isHttp ? new PayloadSplitter(payload) : undefined;
    const infoChunks: Buffer[] | undefined = type === 'warcinfo' && length <= MAX_INFO_BYTES ? [] : undefined;
    const complete = await reader.stream(length, (chunk) => {
      block.update(chunk);
      infoChunks?.push(Buffer.from(chunk));
      if (splitter) splitter.update(chunk);
      else if (type !== 'revisit') payload.update(chunk);
    });
    if (!complete) throw fail(offset, `the file ends inside the record's block of ${length} bytes`);
    let payloadCheck: WarcRecordInfo['payloadCheck'] = payload.result();
    if (payloadCheck !== 'absent' && (type === 'revisit' || (payloadCheck === 'mismatch' && splitter?.chunked))) payloadCheck = 'unchecked';
    onRecord({
      type, recordId: fields.get('warc-record-id'), targetUri: fields.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1'),
      date: fields.get('warc-date'), payloadDigest: fields.get('warc-payload-digest'), blockDigest: fields.get('warc-block-digest'),
      contentType, length, offset, blockCheck: block.result(), payloadCheck,
      ...(infoChunks ? { info: Object.fromEntries(parseFields(Buffer.concat(infoChunks).toString('utf8'))) } : {}),
    });
  }
}

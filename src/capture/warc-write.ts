/**
 * Writes WARC 1.1 records (ISO 28500:2017), each gzipped on its own so that a reader can seek to any record: a
 * `warcinfo` record first, then a `request` and a `response` record for every HTTP exchange, each with its
 * `WARC-Block-Digest` and (for the HTTP message's body) `WARC-Payload-Digest`, both `sha256:` in hex.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sha256Digest } from './digests.js';

export interface HttpExchange {
  url: string;
  /** When the request was made (ISO 8601, UTC). */
  date: string;
  method: string;
  requestHeaders: readonly { name: string; value: string }[];
  requestBody?: Buffer;
  status: number;
  statusText: string;
  responseHeaders: readonly { name: string; value: string }[];
  /** The server's IP address, when the browser tells it. */
  ipAddress?: string;
  /** The body as the browser received it after removing its content encoding; undefined when it could not be read. */
  responseBody: Buffer | undefined;
}

/** Headers that describe the bytes on the wire, which the record no longer holds: the body is stored decoded. */
const WIRE_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

function httpMessage(startLine: string, headers: readonly { name: string; value: string }[], body: Buffer, rewriteWire: boolean): Buffer {
  const lines = [startLine];
  for (const { name, value } of headers) {
    if (rewriteWire && WIRE_HEADERS.has(name.toLowerCase())) lines.push(`X-Archive-Orig-${name}: ${value.replace(/[\r\n]+/g, ' ')}`);
    else lines.push(`${name}: ${value.replace(/[\r\n]+/g, ' ')}`);
  }
  if (rewriteWire) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

function record(headers: Record<string, string | undefined>, block: Buffer): Buffer {
  const lines = ['WARC/1.1'];
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${block.length}`);
  return gzipSync(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), block, Buffer.from('\r\n\r\n')]));
}

const recordId = () => `<urn:uuid:${randomUUID()}>`;

/** The WARC date form: UTC to the second or finer, with a Z. */
export const warcDate = (iso: string) => new Date(iso).toISOString();

export function warcinfoRecord(fileName: string, date: string, fields: Record<string, string>): { id: string; bytes: Buffer } {
  const block = Buffer.from(Object.entries(fields).map(([name, value]) => `${name}: ${value}\r\n`).join(''), 'utf8');
  const id = recordId();
  return {
    id,
    bytes: record({
      'WARC-Type': 'warcinfo', 'WARC-Date': warcDate(date), 'WARC-Filename': fileName, 'WARC-Record-ID': id,
      'Content-Type': 'application/warc-fields', 'WARC-Block-Digest': sha256Digest(block),
    }, block),
  };
}

/** The request and response records of one exchange, the request's `WARC-Concurrent-To` naming the response. */
export function exchangeRecords(exchange: HttpExchange, warcinfoId?: string): Buffer {
  const target = new URL(exchange.url);
  const responseId = recordId();
  const body = exchange.responseBody ?? Buffer.alloc(0);
  const response = httpMessage(`HTTP/1.1 ${exchange.status} ${exchange.statusText}`.trimEnd(), exchange.responseHeaders, body, true);
  const requestBody = exchange.requestBody ?? Buffer.alloc(0);
  const request = httpMessage(`${exchange.method} ${target.pathname}${target.search} HTTP/1.1`, exchange.requestHeaders, requestBody, false);
  return Buffer.concat([
    record({
      'WARC-Type': 'response', 'WARC-Record-ID': responseId, 'WARC-Date': warcDate(exchange.date), 'WARC-Target-URI': exchange.url,
      'WARC-Warcinfo-ID': warcinfoId, 'WARC-IP-Address': exchange.ipAddress, 'Content-Type': 'application/http; msgtype=response',
      'WARC-Block-Digest': sha256Digest(response), 'WARC-Payload-Digest': sha256Digest(body),
      'WARC-Truncated': exchange.responseBody === undefined ? 'unspecified' : undefined,
    }, response),
    record({
      'WARC-Type': 'request', 'WARC-Record-ID': recordId(), 'WARC-Date': warcDate(exchange.date), 'WARC-Target-URI': exchange.url,
      'WARC-Warcinfo-ID': warcinfoId, 'WARC-Concurrent-To': responseId, 'Content-Type': 'application/http; msgtype=request',
      'WARC-Block-Digest': sha256Digest(request), 'WARC-Payload-Digest': sha256Digest(requestBody),
    }, request),
  ]);
}

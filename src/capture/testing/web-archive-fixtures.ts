/**
 * Web archives as other tools write them, built byte by byte for tests (no file from elsewhere): WARC records with
 * sha1 base32 digests (as warcio and Heritrix write) and a WACZ (archive/*.warc.gz, datapackage.json with sha256
 * hashes, pages/pages.jsonl, as Browsertrix and ArchiveWeb.page write).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}
export const sha1b32 = (bytes: Buffer) => `sha1:${base32(createHash('sha1').update(bytes).digest())}`;
export const sha256hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const BODY = Buffer.from('<html><body>A fictional statement, posted 2026-03-01.</body></html>');
export const HTTP_HEAD = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${BODY.length}\r\n\r\n`);

export function warcRecord(fields: Record<string, string>, block: Buffer, digests = { block: sha1b32(block), payload: undefined as string | undefined }): Buffer {
  const lines = ['WARC/1.0', ...Object.entries(fields).map(([name, value]) => `${name}: ${value}`), `WARC-Block-Digest: ${digests.block}`];
  if (digests.payload) lines.push(`WARC-Payload-Digest: ${digests.payload}`);
  lines.push(`Content-Length: ${block.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

/** Three records: warcinfo (software: a fictional crawler 1.0), a response with sha1 base32 digests, a revisit. */
export function otherToolRecords(body = BODY): Buffer[] {
  const response = Buffer.concat([HTTP_HEAD, body]);
  return [
    warcRecord({ 'WARC-Type': 'warcinfo', 'WARC-Date': '2026-03-02T10:00:00Z', 'WARC-Record-ID': '<urn:uuid:00000000-0000-4000-8000-000000000001>', 'Content-Type': 'application/warc-fields' },
      Buffer.from('software: a fictional crawler 1.0\r\n')),
    warcRecord({
      'WARC-Type': 'response', 'WARC-Date': '2026-03-02T10:00:01Z', 'WARC-Record-ID': '<urn:uuid:00000000-0000-4000-8000-000000000002>',
      'WARC-Target-URI': 'https://example.org/post/1', 'Content-Type': 'application/http; msgtype=response',
    }, response, { block: sha1b32(response), payload: sha1b32(body) }),
    warcRecord({
      'WARC-Type': 'revisit', 'WARC-Date': '2026-03-02T10:05:00Z', 'WARC-Record-ID': '<urn:uuid:00000000-0000-4000-8000-000000000003>',
      'WARC-Target-URI': 'https://example.org/post/1', 'Content-Type': 'application/http; msgtype=response',
      'WARC-Profile': 'http://netpreserve.org/warc/1.0/revisit/identical-payload-digest',
    }, HTTP_HEAD, { block: sha1b32(HTTP_HEAD), payload: sha1b32(body) }),
  ];
}

/** The bytes of a WACZ holding `warc` (default: otherToolRecords gzipped per record) and any `extra` entries; `hashOf` writes a hash of its own into datapackage.json. */
export async function waczBytes(options: { warc?: Buffer; extra?: Record<string, Buffer>; software?: string; hashOf?: (path: string, bytes: Buffer) => string } = {}): Promise<Buffer> {
  const warc = options.warc ?? Buffer.concat(otherToolRecords().map((record) => gzipSync(record)));
  const pages = Buffer.from('{"format":"json-pages-1.0","id":"pages","title":"All Pages"}\n{"id":"p1","url":"https://example.org/post/1","ts":"2026-03-02T10:00:01Z","title":"Post 1"}\n');
  const files: Record<string, Buffer> = { 'archive/data.warc.gz': warc, 'pages/pages.jsonl': pages, ...options.extra };
  const zip = new JSZip();
  const resources = Object.entries(files).map(([path, bytes]) => ({ name: path, path, hash: options.hashOf?.(path, bytes) ?? `sha256:${sha256hex(bytes)}`, bytes: bytes.length }));
  for (const [path, bytes] of Object.entries(files)) zip.file(path, bytes, { compression: path.endsWith('.gz') ? 'STORE' : 'DEFLATE', createFolders: false });
  zip.file('datapackage.json', JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', software: options.software ?? 'Browsertrix-Crawler 1.0 (fictional)', resources }), { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'nodebuffer' });
}

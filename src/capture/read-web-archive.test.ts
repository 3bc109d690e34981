/**
 * readWebArchive on archives as other tools write them, built here byte by byte: a WARC with sha1 base32 digests
 * (as warcio and Heritrix write), the same gzipped per record, and a WACZ (ZIP with archive/*.warc.gz,
 * datapackage.json with sha256 hashes, pages/pages.jsonl, as Browsertrix and ArchiveWeb.page write). Altered bytes
 * must be reported, broken input and archives beyond the limits refused with the file and offset named.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { DEFAULT_WEB_ARCHIVE_LIMITS, readWebArchive } from './read-web-archive.js';
import { base32, BODY, HTTP_HEAD, otherToolRecords, sha1b32, sha256hex, warcRecord, waczBytes } from './testing/web-archive-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'imketen-warc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function wacz(name: string, options: { warc?: Buffer; hashOf?: (path: string, bytes: Buffer) => string; extra?: number } = {}): Promise<string> {
  const extra = Object.fromEntries(Array.from({ length: options.extra ?? 0 }, (_, index) => [`indexes/extra-${index}.txt`, Buffer.from('x')]));
  return file(name, await waczBytes({ ...(options.warc ? { warc: options.warc } : {}), ...(options.hashOf ? { hashOf: options.hashOf } : {}), extra }));
}

describe('readWebArchive', () => {
  it('reads a plain WARC of another tool and checks its sha1 base32 digests', async () => {
    const archive = await readWebArchive(file('other.warc', Buffer.concat(otherToolRecords())));
    assert.equal(archive.format, 'warc');
    assert.deepEqual(archive.problems, []);
    assert.deepEqual(archive.records.map((record) => [record.type, record.targetUri, record.blockCheck, record.payloadCheck]), [
      ['warcinfo', undefined, 'ok', 'absent'],
      ['response', 'https://example.org/post/1', 'ok', 'ok'],
      ['revisit', 'https://example.org/post/1', 'ok', 'unchecked'],
    ]);
    const response = archive.records[1]!;
    assert.equal(response.date, '2026-03-02T10:00:01Z');
    assert.equal(response.contentType, 'application/http; msgtype=response');
    assert.equal(response.length, HTTP_HEAD.length + BODY.length);
    assert.equal(response.payloadDigest, sha1b32(BODY));
  });

  it('reads the same WARC gzipped per record, whatever the file is called', async () => {
    const gz = Buffer.concat(otherToolRecords().map((record) => gzipSync(record)));
    for (const name of ['other.warc.gz', 'other-no-suffix']) {
      const archive = await readWebArchive(file(name, gz));
      assert.deepEqual(archive.problems, [], name);
      assert.equal(archive.records.length, 3, name);
    }
  });

  it('reports a record whose bytes were altered, naming the file, the offset and the URI', async () => {
    const records = otherToolRecords();
    const altered = Buffer.from(records[1]!);
    const at = altered.indexOf('fictional statement');
    altered.write('FICTIONAL', at); // the same length: the record still parses, its digests no longer hold
    const path = file('altered.warc', Buffer.concat([records[0]!, altered, records[2]!]));
    const archive = await readWebArchive(path);
    assert.deepEqual(archive.problems, [
      `${path}: response record at offset ${records[0]!.length} (https://example.org/post/1): WARC-Block-Digest does not match the block`,
      `${path}: response record at offset ${records[0]!.length} (https://example.org/post/1): WARC-Payload-Digest does not match the payload`,
    ]);
    assert.equal(archive.records[1]!.blockCheck, 'mismatch');
  });

  it('checks sha256 digests in hex and in base32 alike', async () => {
    const block = Buffer.from('fictional resource\n');
    const digest = createHash('sha256').update(block).digest();
    for (const value of [`sha256:${digest.toString('hex')}`, `sha256:${base32(digest)}`, `sha256:${'0'.repeat(64)}`]) {
      const archive = await readWebArchive(file('resource.warc', warcRecord(
        { 'WARC-Type': 'resource', 'WARC-Target-URI': 'urn:fictional:1', 'WARC-Date': '2026-03-02T10:00:00Z', 'Content-Type': 'text/plain' }, block,
        { block: value, payload: undefined },
      )));
      assert.equal(archive.records[0]!.blockCheck, value.endsWith('0'.repeat(64)) ? 'mismatch' : 'ok', value);
    }
  });

  it('refuses bytes that are not a web archive, and a WARC cut short, naming file and offset', async () => {
    const text = file('notes.txt', 'these are not the bytes of a web archive\n');
    await assert.rejects(readWebArchive(text), new RegExp(`^ImketenError: ${text}: not a WARC, gzipped WARC or WACZ file`));
    const records = otherToolRecords();
    const cut = file('cut.warc', Buffer.concat([records[0]!, records[1]!.subarray(0, records[1]!.length - 40)]));
    await assert.rejects(readWebArchive(cut), { message: `${cut}: record at offset ${records[0]!.length}: the file ends inside the record's block of ${HTTP_HEAD.length + BODY.length} bytes` });
    const garbage = file('garbage.warc', Buffer.concat([records[0]!, Buffer.from('WARC/9.9\r\nContent-Length: 1\r\n\r\nx\r\n\r\n')]));
    await assert.rejects(readWebArchive(garbage), { message: `${garbage}: record at offset ${records[0]!.length}: expected 'WARC/1.0' or 'WARC/1.1', found 'WARC/9.9'` });
    const badGzip = file('bad.warc.gz', Buffer.concat([gzipSync(records[0]!), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7])]));
    await assert.rejects(readWebArchive(badGzip), new RegExp(`^ImketenError: ${badGzip}: cannot be read as gzipped WARC`));
  });

  it('stops at the limit of uncompressed bytes, and of records', async () => {
    const path = file('large.warc.gz', gzipSync(Buffer.concat(otherToolRecords())));
    await assert.rejects(readWebArchive(path, { ...DEFAULT_WEB_ARCHIVE_LIMITS, maxUncompressedBytes: 100 }), {
      message: `${path}: the archive expands to more than the limit of 100 bytes`,
    });
    await assert.rejects(readWebArchive(path, { ...DEFAULT_WEB_ARCHIVE_LIMITS, maxRecords: 2 }), { message: `${path}: more than the limit of 2 records` });
  });

  it('reads a WACZ: its WARC records, its pages, and every resource checked against datapackage.json', async () => {
    const archive = await readWebArchive(await wacz('good.wacz'));
    assert.equal(archive.format, 'wacz');
    assert.deepEqual(archive.problems, []);
    assert.deepEqual(archive.resources!.map((resource) => [resource.path, resource.check]), [['archive/data.warc.gz', 'ok'], ['pages/pages.jsonl', 'ok']]);
    assert.deepEqual(archive.pages, [{ url: 'https://example.org/post/1', ts: '2026-03-02T10:00:01Z', title: 'Post 1' }]);
    assert.deepEqual(archive.records.map((record) => record.type), ['warcinfo', 'response', 'revisit']);
    assert.match(archive.records[1]!.file, /good\.wacz!archive\/data\.warc\.gz$/);
  });

  it('reports a WACZ file whose hash differs from datapackage.json, and a record whose digest does not hold', async () => {
    const records = otherToolRecords();
    const altered = Buffer.from(records[1]!);
    altered.write('FICTIONAL', altered.indexOf('fictional statement'));
    const path = await wacz('bad.wacz', {
      warc: Buffer.concat([records[0]!, altered, records[2]!].map((record) => gzipSync(record))),
      hashOf: (name, bytes) => (name === 'pages/pages.jsonl' ? `sha256:${'1'.repeat(64)}` : `sha256:${sha256hex(bytes)}`),
    });
    const archive = await readWebArchive(path);
    assert.deepEqual(archive.resources!.map((resource) => resource.check), ['ok', 'mismatch']);
    assert.deepEqual(archive.problems, [
      `${path}: 'pages/pages.jsonl' does not match the hash or size in datapackage.json`,
      `${path}!archive/data.warc.gz: response record at offset ${records[0]!.length} (https://example.org/post/1): WARC-Block-Digest does not match the block`,
      `${path}!archive/data.warc.gz: response record at offset ${records[0]!.length} (https://example.org/post/1): WARC-Payload-Digest does not match the payload`,
    ]);
  });

  it('refuses a WACZ beyond the limits on entries and on expansion before expanding it', async () => {
    const path = await wacz('many.wacz', { extra: 5 });
    await assert.rejects(readWebArchive(path, { ...DEFAULT_WEB_ARCHIVE_LIMITS, maxEntries: 4 }), { message: `${path}: the archive has 8 entries, more than the limit of 4` });
    await assert.rejects(readWebArchive(path, { ...DEFAULT_WEB_ARCHIVE_LIMITS, maxUncompressedBytes: 200 }), /the archive expands to more than the limit of 200 bytes \(at entry '/);
  });

  it('refuses a ZIP without datapackage.json', async () => {
    const zip = new JSZip();
    zip.file('archive/data.warc', Buffer.concat(otherToolRecords()));
    const path = file('plain.zip', await zip.generateAsync({ type: 'nodebuffer' }));
    await assert.rejects(readWebArchive(path), { message: `${path}: not a WACZ: it has no datapackage.json` });
  });
});

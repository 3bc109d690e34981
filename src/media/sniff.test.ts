import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffMediaType, sniffMediaTypeOfFile } from './sniff.js';
import { renderPng, streetSceneSvg } from './testing/scenes.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

/** The first bytes of each format, as the format's specification lays them down (padded where a test reads further). */
const TABLE: [name: string, head: Uint8Array, mediaType: string, extension: string][] = [
  ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg', 'jpg'],
  ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png', 'png'],
  ['gif', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif', 'gif'],
  ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp', 'webp'],
  ['tiff (Intel)', bytes('II', [0x2a, 0, 8, 0, 0, 0]), 'image/tiff', 'tif'],
  ['tiff (Motorola)', bytes('MM', [0, 0x2a, 0, 0, 0, 8]), 'image/tiff', 'tif'],
  ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'image/heic', 'heic'],
  ['pdf', bytes('%PDF-1.7\n'), 'application/pdf', 'pdf'],
  ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'), 'video/mp4', 'mp4'],
  ['mov', bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  '), 'video/quicktime', 'mov'],
  ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84], 'webm'), 'video/webm', 'webm'],
  ['mkv', bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x88], 'matroska'), 'video/x-matroska', 'mkv'],
  ['mp3 (ID3)', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg', 'mp3'],
  ['mp3 (frame)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg', 'mp3'],
  ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'audio/wav', 'wav'],
  ['ogg', bytes('OggS', [0, 2]), 'audio/ogg', 'ogg'],
  ['zip', bytes('PK', [3, 4, 20, 0]), 'application/zip', 'zip'],
  ['warc', bytes('WARC/1.1\r\nWARC-Type: warcinfo\r\n'), 'application/warc', 'warc'],
  ['gzip (e.g. warc.gz)', bytes([0x1f, 0x8b, 8, 0]), 'application/gzip', 'gz'],
  ['html', new TextEncoder().encode('\uFEFF  <!DOCTYPE html><html lang="nl">'), 'text/html', 'html'],
  ['text', new TextEncoder().encode('Verklaring van getuige A.\r\nPagina 1\tvan 2 — één'), 'text/plain', 'txt'],
  ['binary', bytes([0, 1, 2, 3, 0xfe, 0x00]), 'application/octet-stream', 'bin'],
  ['empty', new Uint8Array(0), 'application/octet-stream', 'bin'],
];

describe('sniffMediaType', () => {
  for (const [name, head, mediaType, extension] of TABLE) {
    it(`recognises ${name} by its first bytes`, () => {
      assert.deepEqual(sniffMediaType(head), { mediaType, extension });
    });
  }

  it('goes by the content, not by anything like a name: real encoder output', async () => {
    const png = await renderPng(streetSceneSvg(32, 24));
    assert.equal(sniffMediaType(png).mediaType, 'image/png');
    assert.equal(sniffMediaType(await sharp(png).jpeg().toBuffer()).mediaType, 'image/jpeg');
    assert.equal(sniffMediaType(await sharp(png).webp().toBuffer()).mediaType, 'image/webp');
    assert.equal(sniffMediaType(await sharp(png).gif().toBuffer()).mediaType, 'image/gif');
    assert.equal(sniffMediaType(await sharp(png).tiff().toBuffer()).mediaType, 'image/tiff');
  });

  it('does not call text with control characters or broken UTF-8 text', () => {
    assert.equal(sniffMediaType(bytes('abc', [0x01], 'def')).mediaType, 'application/octet-stream');
    assert.equal(sniffMediaType(bytes('abc', [0xc3, 0x28])).mediaType, 'application/octet-stream');
  });

  it('accepts a UTF-8 character cut off at the end of the sample', () => {
    const text = new TextEncoder().encode('x'.repeat(4099) + 'é');
    assert.equal(sniffMediaType(text).mediaType, 'text/plain');
  });
});

describe('sniffMediaTypeOfFile', () => {
  it('reads the head of a file, whatever its name says', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'imketen-sniff-'));
    after(() => rm(folder, { recursive: true, force: true }));
    const path = join(folder, 'looks-like-a-photo.jpg');
    await writeFile(path, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10_000, 0x20)]));
    assert.deepEqual(await sniffMediaTypeOfFile(path), { mediaType: 'application/pdf', extension: 'pdf' });
    const empty = join(folder, 'empty.png');
    await writeFile(empty, '');
    assert.deepEqual(await sniffMediaTypeOfFile(empty), { mediaType: 'application/octet-stream', extension: 'bin' });
  });
});

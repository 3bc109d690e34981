/**
 * The media type of a file from its first bytes, never from its name (issue 12: "sniffed from the content").
 * A small table of magic numbers rather than the `file-type` package: its current major needs Node 22, and it
 * knows neither WARC nor plain text, which evidence captures need.
 */
import { open } from 'node:fs/promises';

export interface SniffedType {
  /** An IANA media type, e.g. `image/jpeg`; `application/octet-stream` when nothing is recognised. */
  mediaType: string;
  /** The usual file extension without the dot, e.g. `jpg`; `bin` when nothing is recognised. */
  extension: string;
}

/** How many leading bytes `sniffMediaType` looks at; pass at least this many when reading a file's head. */
export const SNIFF_BYTES = 4100;

const UNKNOWN: SniffedType = { mediaType: 'application/octet-stream', extension: 'bin' };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const startsWithText = (bytes: Uint8Array, text: string, at = 0) => bytes.length >= at + text.length && ascii(bytes, at, text.length) === text;

/** ISO base media files (MP4, MOV, HEIC, AVIF, M4A): the `ftyp` box names a major brand. */
const FTYP_BRANDS: Record<string, SniffedType> = {
  heic: { mediaType: 'image/heic', extension: 'heic' },
  heix: { mediaType: 'image/heic', extension: 'heic' },
  hevc: { mediaType: 'image/heic-sequence', extension: 'heic' },
  hevx: { mediaType: 'image/heic-sequence', extension: 'heic' },
  mif1: { mediaType: 'image/heif', extension: 'heif' },
  msf1: { mediaType: 'image/heif-sequence', extension: 'heif' },
  avif: { mediaType: 'image/avif', extension: 'avif' },
  'qt  ': { mediaType: 'video/quicktime', extension: 'mov' },
  'M4A ': { mediaType: 'audio/mp4', extension: 'm4a' },
  'M4V ': { mediaType: 'video/mp4', extension: 'm4v' },
  '3gp4': { mediaType: 'video/3gpp', extension: '3gp' },
  '3gp5': { mediaType: 'video/3gpp', extension: '3gp' },
};
const MP4: SniffedType = { mediaType: 'video/mp4', extension: 'mp4' };

function sniffFtyp(bytes: Uint8Array): SniffedType | undefined {
  if (!startsWithText(bytes, 'ftyp', 4) || bytes.length < 12) return undefined;
  return FTYP_BRANDS[ascii(bytes, 8, 4)] ?? MP4;
}

/** Matroska and WebM share the EBML header; its DocType says which. */
function sniffEbml(bytes: Uint8Array): SniffedType | undefined {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return undefined;
  const head = ascii(bytes, 0, Math.min(bytes.length, 64));
  return head.includes('webm') ? { mediaType: 'video/webm', extension: 'webm' } : { mediaType: 'video/x-matroska', extension: 'mkv' };
}

function sniffRiff(bytes: Uint8Array): SniffedType | undefined {
  if (!startsWithText(bytes, 'RIFF')) return undefined;
  const form = ascii(bytes, 8, 4);
  if (form === 'WEBP') return { mediaType: 'image/webp', extension: 'webp' };
  if (form === 'WAVE') return { mediaType: 'audio/wav', extension: 'wav' };
  if (form === 'AVI ') return { mediaType: 'video/x-msvideo', extension: 'avi' };
  return undefined;
}

/** An MPEG audio frame header: 11 sync bits, then a layer other than "reserved". */
const isMpegAudioFrame = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0;

const MAGIC: readonly [test: (bytes: Uint8Array) => boolean, type: SniffedType][] = [
  [(b) => startsWith(b, [0xff, 0xd8, 0xff]), { mediaType: 'image/jpeg', extension: 'jpg' }],
  [(b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { mediaType: 'image/png', extension: 'png' }],
  [(b) => startsWithText(b, 'GIF87a') || startsWithText(b, 'GIF89a'), { mediaType: 'image/gif', extension: 'gif' }],
  [(b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]), { mediaType: 'image/tiff', extension: 'tif' }],
  [(b) => startsWithText(b, '%PDF-'), { mediaType: 'application/pdf', extension: 'pdf' }],
  [(b) => startsWithText(b, 'OggS'), { mediaType: 'audio/ogg', extension: 'ogg' }],
  [(b) => startsWithText(b, 'ID3') || isMpegAudioFrame(b), { mediaType: 'audio/mpeg', extension: 'mp3' }],
  [(b) => startsWithText(b, 'fLaC'), { mediaType: 'audio/flac', extension: 'flac' }],
  [(b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]), { mediaType: 'application/zip', extension: 'zip' }],
  [(b) => startsWithText(b, 'WARC/1.'), { mediaType: 'application/warc', extension: 'warc' }],
  [(b) => startsWith(b, [0x1f, 0x8b]), { mediaType: 'application/gzip', extension: 'gz' }],
  [(b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), { mediaType: 'application/x-7z-compressed', extension: '7z' }],
  [(b) => startsWithText(b, 'MIME-Version:'), { mediaType: 'multipart/related', extension: 'mhtml' }],
];

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);
const isControl = (byte: number) => (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f;

/**
 * Text: valid UTF-8 (a sequence cut at the end of the sample aside) without control characters other than tab,
 * line feed, form feed and carriage return; an HTML document when it opens like one.
 */
function sniffText(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length === 0 || bytes.some(isControl)) return undefined;
  let text: string;
  try {
    // stream: true tolerates a multi-byte character cut off by the sample's end.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return { mediaType: 'text/html', extension: 'html' };
  return { mediaType: 'text/plain', extension: 'txt' };
}

/** The media type of `bytes` (the whole file or at least its first `SNIFF_BYTES` bytes), from the content alone. */
export function sniffMediaType(bytes: Uint8Array): SniffedType {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  for (const [test, type] of MAGIC) if (test(sample)) return { ...type };
  const found = sniffFtyp(sample) ?? sniffEbml(sample) ?? sniffRiff(sample) ?? sniffText(sample);
  return found ? { ...found } : { ...UNKNOWN };
}

/** The media type of a file on disk, from its first `SNIFF_BYTES` bytes. */
export async function sniffMediaTypeOfFile(path: string): Promise<SniffedType> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return sniffMediaType(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

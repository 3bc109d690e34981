/**
 * Reading text from outside as strict UTF-8: bytes that are not UTF-8 (a Latin-1 "Müller", say) are refused with
 * their line, never turned into U+FFFD, and a line longer than the limit is refused without being held in memory.
 *
 * Lines are cut on the byte 0x0A before decoding. UTF-8 never uses that byte inside a multi-byte sequence, so a
 * line's bytes are always whole characters: a chunk boundary only needs the unfinished line's bytes carried over,
 * and each line is decoded on its own by a fatal decoder — which is what makes the line number of a bad byte exact.
 */
import { INPUT_LIMITS } from '../domain/input-limits.js';

export type TextLine =
  | { line: number; text: string; problem?: undefined }
  | { line: number; problem: string; text?: undefined };

export interface LineOptions {
  maxLineBytes?: number;
  /** Learns how many bytes have been read so far (for a progress bar). */
  onBytes?: (bytes: number) => void;
}

// ignoreBOM: keep a byte-order mark where it is; only the one at the very start of a file is dropped, below.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const NOT_UTF8 = 'not UTF-8 text (is the file in another encoding, such as Latin-1 or Windows-1252?): convert it to UTF-8';

/**
 * The lines of a byte stream, numbered from 1, each decoded strictly; a bad line is yielded as a problem and the
 * reading goes on, so that one pass names every bad line. A `\r` before the line end is dropped.
 */
export async function* readUtf8Lines(input: AsyncIterable<Uint8Array | string>, options: LineOptions = {}): AsyncGenerator<TextLine> {
  const maxBytes = options.maxLineBytes ?? INPUT_LIMITS.lineBytes;
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let overlong = false;
  let line = 0;
  let bytes = 0;
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    bytes += chunk.length;
    options.onBytes?.(bytes);
    let start = 0;
    for (let end = chunk.indexOf(0x0a, start); end >= 0; end = chunk.indexOf(0x0a, start)) {
      line += 1;
      if (overlong || carriedBytes + (end - start) > maxBytes) yield { line, problem: tooLong(maxBytes) };
      else yield decodeLine(carriedBytes === 0 ? chunk.subarray(start, end) : Buffer.concat([...carried, chunk.subarray(start, end)]), line);
      carried = [];
      carriedBytes = 0;
      overlong = false;
      start = end + 1;
    }
    if (start < chunk.length && !overlong) {
      if (carriedBytes + chunk.length - start > maxBytes) {
        overlong = true;
        carried = [];
        carriedBytes = 0;
      } else {
        carried.push(chunk.subarray(start));
        carriedBytes += chunk.length - start;
      }
    }
  }
  if (overlong) yield { line: line + 1, problem: tooLong(maxBytes) };
  else if (carriedBytes > 0) yield decodeLine(Buffer.concat(carried), line + 1);
}

function decodeLine(bytes: Buffer, line: number): TextLine {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, problem: NOT_UTF8 };
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  // A byte-order mark at the start of a file is not part of the first line.
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { line, text };
}

export function tooLong(maxBytes: number): string {
  return `the line is longer than ${maxBytes.toLocaleString('en')} bytes, the limit of one line`;
}

/**
 * A whole file's text, decoded strictly (without a leading byte-order mark), for formats read at once (XML, CSV);
 * or the line of the first bad byte when it is not UTF-8.
 * @example decodeUtf8(readFileSync('consolidated.xml'))
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    // Find the line: decode line by line (see above why cutting at 0x0A is safe).
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let line = 1;
    for (let start = 0; start <= buffer.length; line += 1) {
      const end = buffer.indexOf(0x0a, start);
      const stop = end < 0 ? buffer.length : end;
      try {
        decoder.decode(buffer.subarray(start, stop));
      } catch {
        return { badLine: line };
      }
      start = stop + 1;
    }
    return { badLine: line };
  }
}

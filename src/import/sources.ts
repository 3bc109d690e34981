/**
 * Where import lines come from: files or standard input, read as a stream of numbered lines (bounded memory,
 * whatever the file's size), with the bytes read so far for a progress bar.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { ImketenError } from '../domain/errors.js';

export interface ImportSource {
  /** The name errors use: the path as given, or `<stdin>`. */
  name: string;
  /** Total bytes, when known (files), for progress. */
  size?: number;
  /** The organisation of the API principal that sent these events; none for an operator's import at the server. */
  organisation?: string;
  open(): Readable;
}

export function fileSource(path: string): ImportSource {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ImketenError('INVALID_INPUT', `${path} is a directory, not a file of events.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImketenError) throw error;
    throw new ImketenError('INVALID_INPUT', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  return { name: path, size, open: () => createReadStream(path) };
}

export function streamSource(name: string, stream: Readable): ImportSource {
  return { name, open: () => stream };
}

export function textSource(name: string, text: string): ImportSource {
  return { name, size: Buffer.byteLength(text), open: () => Readable.from([text]) };
}

export interface NumberedLine {
  line: number;
  text: string;
}

/** Reads a source line by line; `onBytes` learns how far into the source the reader is. */
export async function* readLines(source: ImportSource, onBytes?: (bytes: number) => void): AsyncGenerator<NumberedLine> {
  const input = source.open();
  let bytes = 0;
  if (onBytes) input.on('data', (chunk: Buffer | string) => { bytes += chunk.length; onBytes(bytes); });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    // A byte-order mark at the start of a file is not part of the first event.
    yield { line, text: line === 1 ? raw.replace(/^\uFEFF/, '') : raw };
  }
}

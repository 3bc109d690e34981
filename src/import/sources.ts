/**
 * Where import lines come from: files or standard input, read as a stream of numbered lines (bounded memory,
 * whatever the file's size), with the bytes read so far for a progress bar; or the events of an API request, passed
 * as the objects its body was parsed into (no JSON text in between).
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ImketenError } from '../domain/errors.js';
import { readUtf8Lines, type TextLine } from '../input/utf8-lines.js';

interface SourceInfo {
  /** The name errors use: the path as given, or `<stdin>`. */
  name: string;
  /** Total bytes, when known (files), for progress. */
  size?: number;
  /** The organisation of the API principal that sent these events; none for an operator's import at the server. */
  organisation?: string;
}

/** JSON Lines: one event a line. */
export interface TextSource extends SourceInfo {
  open(): Readable;
}

/** Events already parsed (an API request's body): each value stands for a line, numbered from 1. */
export interface ObjectSource extends SourceInfo {
  values: readonly unknown[];
}

export type ImportSource = TextSource | ObjectSource;

export function fileSource(path: string): TextSource {
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

export function streamSource(name: string, stream: Readable): TextSource {
  return { name, open: () => stream };
}

export function textSource(name: string, text: string): TextSource {
  return { name, size: Buffer.byteLength(text), open: () => Readable.from([text]) };
}

export function objectSource(name: string, values: readonly unknown[]): ObjectSource {
  return { name, values };
}

/**
 * Reads a source line by line as strict UTF-8 (src/input/utf8-lines.ts): a line that is not UTF-8 or is longer than
 * the limit comes as a problem with its line number. `onBytes` learns how far into the source the reader is.
 */
export function readLines(source: TextSource, onBytes?: (bytes: number) => void): AsyncGenerator<TextLine> {
  return readUtf8Lines(source.open(), { onBytes });
}

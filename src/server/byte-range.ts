/**
 * The Range header of a GET (RFC 9110 §14), for seeking in evidence videos: one range of bytes. Several ranges in
 * one request are answered with the whole file (the RFC allows a server to ignore Range), never as multipart.
 */
export type ByteRange =
  | { kind: 'whole' }
  | { kind: 'range'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/** `bytes=0-499`, `bytes=500-`, `bytes=-500` (the last 500) against a file of `size` bytes; `end` is inclusive. */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) {
    // another unit, several ranges, or nonsense: ignored, the whole file is sent
    return { kind: 'whole' };
  }
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (last !== '' && Number(last) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}

/** The `Content-Range` of a range, or of a refused one (`bytes *\/size`). */
export function contentRange(range: ByteRange, size: number): string {
  return range.kind === 'range' ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}

/**
 * Range reads of evidence files (GET /api/evidence/{id}/files/{sha256} with Range): the slice of a verified stream,
 * and which of a user's range reads go to the access log — a video player seeks with dozens of range requests, and
 * one entry per user, file and ten minutes says that they read it without drowning the log.
 */
import { Transform, type Readable } from 'node:stream';

/** The bytes start..end (inclusive) of `source`; the source is closed once they have passed. */
export function sliceBytes(source: Readable, start: number, end: number): Readable {
  let position = 0;
  let complete = false;
  const slice = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const from = Math.max(0, start - position);
      const to = Math.min(chunk.length, end + 1 - position);
      position += chunk.length;
      if (to > from) this.push(chunk.subarray(from, to));
      done();
      if (position > end && !complete) {
        complete = true;
        source.unpipe(this);
        this.end();
        source.destroy();
      }
    },
  });
  // An error after the range has passed is the source being closed here, not a failure of what was sent.
  source.on('error', (error) => { if (!complete) slice.destroy(error); });
  return source.pipe(slice);
}

export class RangeReadLog {
  static readonly WINDOW_MINUTES = 10;
  private readonly logged = new Map<string, number>();

  /** True for the first range read of this user and file within the window (and then not again until it passes). */
  shouldLog(username: string, sha256: string, now: Date): boolean {
    const key = `${username}\u0000${sha256}`;
    const at = now.getTime();
    const window = RangeReadLog.WINDOW_MINUTES * 60_000;
    const last = this.logged.get(key);
    if (last !== undefined && at - last < window) return false;
    this.logged.set(key, at);
    if (this.logged.size > 10_000) for (const [other, time] of this.logged) if (at - time >= window) this.logged.delete(other);
    return true;
  }
}

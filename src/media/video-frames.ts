/**
 * Perceptual hashes of a video's key frames, when Debian's `ffmpeg` is installed (it is optional: imketen runs
 * without it and says so). ffmpeg decodes only the key frames (`-skip_frame nokey`), writes the first few as PNG
 * into a temporary folder, and each is hashed like a photo, so a re-encoded or resized copy of a video is found
 * through its frames in the same NearDuplicateIndex.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { perceptualHash } from './perceptual-hash.js';

const run = promisify(execFile);

export interface VideoFrameHash {
  /** 0-based number of the key frame in the video. */
  index: number;
  hash: string;
}

export type VideoHashResult =
  | { available: true; frames: VideoFrameHash[] }
  | { available: false; reason: string };

export interface VideoHashOptions {
  /** At most this many key frames (default 8). */
  maxFrames?: number;
  /** The ffmpeg program (default `ffmpeg` on the PATH). */
  ffmpegPath?: string;
  /** Give up on one video after this many milliseconds (default 120,000). */
  timeoutMs?: number;
}

const isMissingProgram = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The perceptual hashes of the first key frames of a video file. `{ available: false }` with the reason when
 * ffmpeg is not installed; throws when ffmpeg runs but cannot read the file.
 */
export async function hashVideoKeyFrames(videoPath: string, options: VideoHashOptions = {}): Promise<VideoHashResult> {
  const { maxFrames = 8, ffmpegPath = 'ffmpeg', timeoutMs = 120_000 } = options;
  const folder = await mkdtemp(join(tmpdir(), 'imketen-frames-'));
  try {
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-skip_frame', 'nokey', '-i', videoPath,
      '-an', '-fps_mode', 'passthrough', '-frames:v', String(maxFrames), join(folder, 'frame-%04d.png')];
    try {
      await run(ffmpegPath, args, { timeout: timeoutMs, maxBuffer: 1 << 20 });
    } catch (error) {
      if (isMissingProgram(error)) return { available: false, reason: `video key frames not available: '${ffmpegPath}' is not installed (Debian: apt-get install ffmpeg)` };
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new Error(`ffmpeg could not read the key frames of ${videoPath}: ${stderr || (error as Error).message}`);
    }
    const names = (await readdir(folder)).filter((name) => /^frame-\d{4}\.png$/.test(name)).sort();
    const frames: VideoFrameHash[] = [];
    for (const [index, name] of names.entries()) frames.push({ index, hash: await perceptualHash(join(folder, name)) });
    return { available: true, frames };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { perceptualHash } from './perceptual-hash.js';
import { hashVideoKeyFrames } from './video-frames.js';
import { deskSceneSvg, renderPng, streetSceneSvg } from './testing/scenes.js';

const folder = await mkdtemp(join(tmpdir(), 'imketen-video-'));
after(() => rm(folder, { recursive: true, force: true }));

/**
 * A stand-in for ffmpeg (Debian's ffmpeg is optional and not installed in CI): a shell script that checks it was
 * asked for key frames only and copies two prepared frames to the output pattern, its last argument.
 */
async function fakeFfmpeg(frames: string[]): Promise<string> {
  const script = join(folder, 'fake-ffmpeg');
  const copies = frames.map((frame, i) => `cp '${frame}' "$(dirname "$last")/frame-000${i + 1}.png"`).join('\n');
  await writeFile(script, `#!/bin/sh
case " $* " in *" -skip_frame nokey "*) ;; *) echo "not asked for key frames only" >&2; exit 1;; esac
for last; do :; done
${copies}
`);
  await chmod(script, 0o755);
  return script;
}

describe('hashVideoKeyFrames', () => {
  it('says clearly that video is not available when ffmpeg is not installed', async () => {
    const result = await hashVideoKeyFrames(join(folder, 'any.mp4'), { ffmpegPath: join(folder, 'no-such-ffmpeg') });
    assert.equal(result.available, false);
    assert.match(result.available ? '' : result.reason, /not available: .*no-such-ffmpeg.* is not installed/);
  });

  it('hashes the key frames ffmpeg writes, in order', async () => {
    const street = join(folder, 'street.png');
    const desk = join(folder, 'desk.png');
    await writeFile(street, await renderPng(streetSceneSvg()));
    await writeFile(desk, await renderPng(deskSceneSvg()));
    const result = await hashVideoKeyFrames(join(folder, 'clip.mp4'), { ffmpegPath: await fakeFfmpeg([street, desk]) });
    assert.deepEqual(result, {
      available: true,
      frames: [
        { index: 0, hash: await perceptualHash(street) },
        { index: 1, hash: await perceptualHash(desk) },
      ],
    });
  });

  it('passes on ffmpeg\'s own error when it cannot read the video', async () => {
    const failing = join(folder, 'failing-ffmpeg');
    await writeFile(failing, '#!/bin/sh\necho "clip.mp4: Invalid data found when processing input" >&2\nexit 1\n');
    await chmod(failing, 0o755);
    await assert.rejects(hashVideoKeyFrames('clip.mp4', { ffmpegPath: failing }), /ffmpeg could not read the key frames of clip.mp4: clip.mp4: Invalid data/);
  });
});

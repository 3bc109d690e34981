import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { readImageMetadata } from './image-metadata.js';
import { renderPng, streetSceneSvg } from './testing/scenes.js';

const folder = await mkdtemp(join(tmpdir(), 'imketen-media-'));
after(() => rm(folder, { recursive: true, force: true }));

/** A JPEG with the EXIF a (fictional) phone writes: device, capture time with offset, position. */
async function photoWithExif(): Promise<Buffer> {
  return sharp(await renderPng(streetSceneSvg(320, 240)))
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Fictief Electronics', Model: 'FX-100', Software: 'FX Camera 2.1' },
      IFD2: { DateTimeOriginal: '2024:05:01 12:34:56', OffsetTimeOriginal: '+02:00' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '33/1 52/1 30/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 30/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe('readImageMetadata', () => {
  it('reads capture time, position, device, orientation and dimensions from a JPEG file and its bytes', async () => {
    const photo = await photoWithExif();
    const path = join(folder, 'photo.jpg');
    await writeFile(path, photo);
    for (const input of [path, new Uint8Array(photo)]) {
      const metadata = await readImageMetadata(input);
      assert.equal(metadata.format, 'jpeg');
      assert.equal(metadata.width, 320);
      assert.equal(metadata.height, 240);
      assert.equal(metadata.capturedAt, '2024-05-01T12:34:56+02:00');
      assert.equal(metadata.capturedAtSource, 'exif:DateTimeOriginal');
      assert.ok(metadata.gps);
      assert.ok(Math.abs(metadata.gps.latitude - -33.875) < 1e-9, String(metadata.gps.latitude));
      assert.ok(Math.abs(metadata.gps.longitude - -70.5) < 1e-9, String(metadata.gps.longitude));
      assert.deepEqual(metadata.device, { make: 'Fictief Electronics', model: 'FX-100', software: 'FX Camera 2.1' });
      assert.equal(metadata.orientation, 6);
      assert.deepEqual(metadata.problems, []);
    }
  });

  it('gives a capture time without offset as camera-local time, and says nothing it does not know', async () => {
    const photo = await sharp(await renderPng(streetSceneSvg(64, 48))).jpeg().withExif({ IFD2: { DateTimeOriginal: '2023:11:30 08:00:01' } }).toBuffer();
    const metadata = await readImageMetadata(photo);
    assert.equal(metadata.capturedAt, '2023-11-30T08:00:01');
    assert.equal(metadata.gps, undefined);
    assert.equal(metadata.device, undefined);
  });

  it('reads the dimensions of PNG, WebP and GIF files without metadata', async () => {
    const png = await renderPng(streetSceneSvg(200, 150));
    for (const [format, bytes] of [['png', png], ['webp', await sharp(png).webp().toBuffer()], ['gif', await sharp(png).gif().toBuffer()]] as const) {
      const metadata = await readImageMetadata(bytes);
      assert.deepEqual([metadata.format, metadata.width, metadata.height, metadata.capturedAt], [format, 200, 150, undefined], format);
    }
  });

  it('reads an XMP creation date and tool when there is no EXIF', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmp:CreatorTool="Fictief Editor 3" photoshop:DateCreated="2022-02-24T05:10:00+02:00"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const photo = await sharp(await renderPng(streetSceneSvg(64, 48))).jpeg().withXmp(xmp).toBuffer();
    const metadata = await readImageMetadata(photo);
    assert.equal(metadata.hasXmp, true);
    assert.equal(metadata.capturedAt, '2022-02-24T05:10:00+02:00');
    assert.equal(metadata.capturedAtSource, 'xmp:DateCreated');
    assert.equal(metadata.device?.software, 'Fictief Editor 3');
  });

  it('names the problem of a file that is no image instead of throwing', async () => {
    const metadata = await readImageMetadata(new TextEncoder().encode('WARC/1.1\r\n'));
    assert.equal(metadata.width, undefined);
    assert.ok(metadata.problems.length > 0);
  });
});

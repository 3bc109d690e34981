import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { hammingDistance } from './hamming.js';
import { NearDuplicateIndex } from './near-duplicates.js';
import { hashGreyPixels, perceptualHash } from './perceptual-hash.js';
import { deskSceneSvg, renderPng, streetSceneSvg } from './testing/scenes.js';

/** The largest distance at which two hashes count as the same picture in these tests. */
const SAME_PICTURE = 10;

describe('perceptualHash', () => {
  it('is 16 hex digits, the same for the same picture', async () => {
    const png = await renderPng(streetSceneSvg());
    const hash = await perceptualHash(png);
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(await perceptualHash(new Uint8Array(png)), hash);
  });

  it('finds a resized, re-encoded copy as a near duplicate, and not an unrelated picture', async () => {
    const original = await renderPng(streetSceneSvg());
    const resizedJpeg = await sharp(original).resize(240).jpeg({ quality: 45 }).toBuffer();
    const recompressedWebp = await sharp(original).resize(900).webp({ quality: 30 }).toBuffer();
    const brighterJpeg = await sharp(original).modulate({ brightness: 1.15 }).jpeg({ quality: 70 }).toBuffer();
    const unrelated = await renderPng(deskSceneSvg());

    const index = new NearDuplicateIndex();
    index.add('original', await perceptualHash(original));
    index.add('unrelated', await perceptualHash(unrelated));

    for (const [name, copy] of [['resized jpeg', resizedJpeg], ['webp', recompressedWebp], ['brighter jpeg', brighterJpeg]] as const) {
      const found = index.query(await perceptualHash(copy), SAME_PICTURE);
      assert.deepEqual(found.map((hit) => hit.id), ['original'], `${name}: ${JSON.stringify(found)}`);
    }
    const distance = hammingDistance(await perceptualHash(original), await perceptualHash(unrelated));
    assert.ok(distance > 2 * SAME_PICTURE, `an unrelated picture differs in ${distance} bits`);
  });

  it('follows the EXIF orientation, so a copy stored on its side matches the upright one', async () => {
    const original = await renderPng(streetSceneSvg());
    // Stored rotated 90° anticlockwise, with orientation 6 ("rotate 90° clockwise to view").
    const sideways = await sharp(original).rotate(-90).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer();
    assert.ok(hammingDistance(await perceptualHash(original), await perceptualHash(sideways)) <= SAME_PICTURE);
  });

  it('refuses what is no image, with the decoder\'s reason', async () => {
    await assert.rejects(perceptualHash(new TextEncoder().encode('not a picture')), /unsupported image format|Input buffer/i);
  });

  it('hashes a flat picture without failing, and a negative to the complement of the positive', () => {
    assert.match(hashGreyPixels(new Uint8Array(1024).fill(128)), /^[0-9a-f]{16}$/);
    let seed = 7;
    const noise = Uint8Array.from({ length: 1024 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    const negative = noise.map((value) => 255 - value);
    assert.equal(hammingDistance(hashGreyPixels(noise), hashGreyPixels(negative)), 64);
    assert.throws(() => hashGreyPixels(new Uint8Array(10)), /32×32/);
  });
});

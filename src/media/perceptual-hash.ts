/**
 * A 64-bit perceptual hash (the DCT "pHash"): the image, turned upright by its EXIF orientation, flattened onto
 * white and made grey, is resized to 32×32; of its two-dimensional DCT the 8×8 lowest frequencies but the
 * constant row and column are kept, and each bit says whether a coefficient lies above their median. Resizing,
 * re-encoding, mild colour and brightness changes move few bits; an unrelated picture differs in about half.
 * Rotations, mirrors and crops beyond a few per cent are *not* matched.
 */
import sharp from 'sharp';
import { asLibraryInput, type ImageInput } from './image-input.js';

const SIZE = 32;
const KEEP = 8;

/** cos((2x + 1) u π / 2N), the DCT-II basis, computed once. */
const BASIS = Float64Array.from({ length: SIZE * SIZE }, (_, index) => {
  const u = Math.floor(index / SIZE);
  const x = index % SIZE;
  return Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE));
});

/** The low-frequency DCT coefficients (u, v in 1..KEEP) of a SIZE×SIZE grey image, row by row. */
function lowFrequencies(pixels: Uint8Array): Float64Array {
  // Rows first: rowDct[y][u] for u ≤ KEEP; then columns for v ≤ KEEP.
  const rowDct = new Float64Array(SIZE * (KEEP + 1));
  for (let y = 0; y < SIZE; y += 1) {
    for (let u = 1; u <= KEEP; u += 1) {
      let sum = 0;
      for (let x = 0; x < SIZE; x += 1) sum += pixels[y * SIZE + x]! * BASIS[u * SIZE + x]!;
      rowDct[y * (KEEP + 1) + u] = sum;
    }
  }
  const out = new Float64Array(KEEP * KEEP);
  for (let v = 1; v <= KEEP; v += 1) {
    for (let u = 1; u <= KEEP; u += 1) {
      let sum = 0;
      for (let y = 0; y < SIZE; y += 1) sum += rowDct[y * (KEEP + 1) + u]! * BASIS[v * SIZE + y]!;
      out[(v - 1) * KEEP + (u - 1)] = sum;
    }
  }
  return out;
}

/** The 64-bit hash of a SIZE×SIZE grey image as 16 lowercase hex digits (first coefficient = highest bit). */
export function hashGreyPixels(pixels: Uint8Array): string {
  if (pixels.length !== SIZE * SIZE) throw new Error(`hashGreyPixels expects ${SIZE}×${SIZE} grey pixels, got ${pixels.length} bytes`);
  const coefficients = lowFrequencies(pixels);
  const sorted = Float64Array.from(coefficients).sort();
  const median = (sorted[31]! + sorted[32]!) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble += 1) {
    let value = 0;
    for (let bit = 0; bit < 4; bit += 1) value = (value << 1) | (coefficients[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

/** The pixels the hash is computed from: upright, on white, grey, SIZE×SIZE. */
export async function hashPixelsOf(input: ImageInput): Promise<Uint8Array> {
  const { data } = await sharp(asLibraryInput(input), { failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(SIZE, SIZE, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, SIZE * SIZE);
}

/** The perceptual hash of an image file or buffer (any format `sharp` decodes), as 16 hex digits. */
export async function perceptualHash(input: ImageInput): Promise<string> {
  return hashGreyPixels(await hashPixelsOf(input));
}

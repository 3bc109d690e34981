/**
 * What the evidence register derives from a file's bytes: the media type by content, and for an image its metadata
 * (EXIF/XMP capture time, GPS, device, dimensions) and 64-bit perceptual hash. The media library (src/media) does the
 * work; this is the one place the register calls it.
 */
import { perceptualHash, readImageMetadata, sniffMediaType } from '../media/index.js';

export interface DerivedFacts {
  mediaType: string;
  perceptualHash: string | null;
  metadata: Record<string, unknown>;
}

/** Images the media library decodes (sharp): their metadata and perceptual hash are derived. */
const IMAGES = /^image\/(png|jpeg|gif|webp|tiff|heic|heif|avif)$/;

/** Derives the facts of a stored file from its head; `bytes` reads it whole (only done for images). */
export async function deriveFacts(head: Uint8Array, bytes: () => Promise<Uint8Array>): Promise<DerivedFacts> {
  const { mediaType } = sniffMediaType(head);
  if (!IMAGES.test(mediaType)) return { mediaType, perceptualHash: null, metadata: {} };
  const whole = await bytes();
  if (whole.length === 0) return { mediaType, perceptualHash: null, metadata: {} };
  const metadata = await readImageMetadata(whole).catch((error: Error) => ({ hasXmp: false, problems: [error.message] }));
  const hash = await perceptualHash(whole).catch(() => null);
  return { mediaType, perceptualHash: hash, metadata: JSON.parse(JSON.stringify(metadata)) as Record<string, unknown> };
}

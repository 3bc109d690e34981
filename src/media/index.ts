/**
 * The media library of the evidence register (issue 12): what a file is by its content, what a photo says about
 * itself, perceptual hashes of images and video key frames, and an index of near-duplicates. Pure functions of
 * the bytes given (no store, no server).
 */
export { sniffMediaType, sniffMediaTypeOfFile, SNIFF_BYTES } from './sniff.js';
export type { SniffedType } from './sniff.js';
export { readImageMetadata } from './image-metadata.js';
export type { ImageMetadata } from './image-metadata.js';
export type { ImageInput } from './image-input.js';
export { perceptualHash } from './perceptual-hash.js';
export { hammingDistance, normaliseHash } from './hamming.js';
export { NearDuplicateIndex } from './near-duplicates.js';
export type { NearDuplicate } from './near-duplicates.js';
export { hashVideoKeyFrames } from './video-frames.js';
export type { VideoFrameHash, VideoHashOptions, VideoHashResult } from './video-frames.js';

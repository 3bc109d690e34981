/**
 * A small PNG encoder for the demo's fictional evidence pictures (README, "Evidence"): RGB pixels drawn by code from
 * simple shapes, encoded with node:zlib. No image library needed to make them; the media library reads them back.
 */
import { crc32, deflateSync } from 'node:zlib';

export interface Picture { width: number; height: number; pixels: Uint8Array }

export function newPicture(width: number, height: number, rgb: readonly [number, number, number]): Picture {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) pixels.set(rgb, i * 3);
  return { width, height, pixels };
}

export function fillRect(picture: Picture, x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]): void {
  for (let row = Math.max(0, y); row < Math.min(picture.height, y + h); row += 1) {
    for (let col = Math.max(0, x); col < Math.min(picture.width, x + w); col += 1) picture.pixels.set(rgb, (row * picture.width + col) * 3);
  }
}

export function fillCircle(picture: Picture, cx: number, cy: number, r: number, rgb: readonly [number, number, number]): void {
  for (let row = Math.max(0, Math.floor(cy - r)); row < Math.min(picture.height, Math.ceil(cy + r)); row += 1) {
    for (let col = Math.max(0, Math.floor(cx - r)); col < Math.min(picture.width, Math.ceil(cx + r)); col += 1) {
      if ((col - cx) ** 2 + (row - cy) ** 2 <= r * r) picture.pixels.set(rgb, (row * picture.width + col) * 3);
    }
  }
}

/** The picture scaled to a new size (nearest neighbour): a "resized copy" as a platform would post it. */
export function resize(picture: Picture, width: number, height: number): Picture {
  const out = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) {
      const from = (Math.floor((row * picture.height) / height) * picture.width + Math.floor((col * picture.width) / width)) * 3;
      out.set(picture.pixels.subarray(from, from + 3), (row * width + col) * 3);
    }
  }
  return { width, height, pixels: out };
}

/** Slight noise on every pixel, as a lossy re-encoding leaves (deterministic from `seed`). */
export function addNoise(picture: Picture, amount: number, seed: number): Picture {
  const out = Uint8Array.from(picture.pixels);
  let value = seed >>> 0;
  for (let i = 0; i < out.length; i += 1) {
    value = (Math.imul(value, 1664525) + 1013904223) >>> 0;
    out[i] = Math.max(0, Math.min(255, out[i]! + ((value >>> 24) % (2 * amount + 1)) - amount));
  }
  return { ...picture, pixels: out };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(picture: Picture): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(picture.width, 0);
  header.writeUInt32BE(picture.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const stride = picture.width * 3;
  const raw = Buffer.alloc((stride + 1) * picture.height);
  for (let row = 0; row < picture.height; row += 1) raw.set(picture.pixels.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The bytes of the demo's fictional evidence files (README, "Evidence"): street scenes drawn as PNG by src/demo/png.ts,
 * a few of them again as a platform would repost them (resized, re-encoded) so the near-duplicate finder links items
 * of different cases, a typed statement and a one-page PDF. Drawn by code, the same bytes on every run.
 */
import { addNoise, encodePng, fillCircle, fillRect, newPicture, resize, type Picture } from './png.js';

export type DemoFile =
  | { name: string; scene: SceneName; copy?: { width: number; height: number; noise: number } }
  | { name: string; text: string }
  | { name: string; pdf: string[] };

type SceneName = 'market' | 'hospital' | 'document' | 'checkpoint';
type Rgb = readonly [number, number, number];

const SCENES: Record<SceneName, () => Picture> = {
  /** A square after shelling: sky, buildings with a burnt-out middle, a crater, debris. */
  market: () => {
    const p = newPicture(320, 240, [170, 200, 230]);
    fillRect(p, 0, 150, 320, 90, [120, 110, 95]);
    fillRect(p, 10, 60, 70, 90, [200, 180, 150]);
    fillRect(p, 230, 40, 80, 110, [190, 170, 140]);
    fillRect(p, 110, 100, 90, 50, [60, 55, 50]);
    fillCircle(p, 160, 195, 28, [40, 35, 30]);
    for (const [x, y] of [[60, 200], [250, 210], [120, 225], [210, 180]] as const) fillCircle(p, x, y, 6, [90, 80, 70]);
    return p;
  },
  /** A damaged building with a red-cross sign and a hole in its roof. */
  hospital: () => {
    const p = newPicture(320, 240, [210, 215, 220]);
    fillRect(p, 0, 180, 320, 60, [80, 90, 70]);
    fillRect(p, 40, 50, 240, 130, [235, 235, 225]);
    fillRect(p, 145, 70, 30, 70, [200, 20, 20]);
    fillRect(p, 125, 90, 70, 30, [200, 20, 20]);
    fillCircle(p, 240, 55, 35, [30, 30, 30]);
    fillRect(p, 60, 140, 40, 40, [60, 40, 30]);
    return p;
  },
  /** A copy of an identity card: a photo box left, text lines right. */
  document: () => {
    const p = newPicture(300, 190, [235, 225, 200]);
    fillRect(p, 15, 30, 80, 110, [150, 150, 160]);
    fillCircle(p, 55, 70, 22, [110, 95, 85]);
    for (let line = 0; line < 6; line += 1) fillRect(p, 115, 35 + line * 20, 160 - line * 12, 8, [70, 70, 90]);
    fillRect(p, 0, 0, 300, 18, [30, 80, 40]);
    return p;
  },
  /** A road block at dusk: barrier, vehicle, figures. */
  checkpoint: () => {
    const p = newPicture(320, 240, [60, 50, 90]);
    fillRect(p, 0, 120, 320, 120, [50, 50, 45]);
    fillRect(p, 20, 130, 280, 12, [220, 200, 30] as Rgb);
    fillRect(p, 200, 90, 100, 45, [40, 70, 40]);
    fillCircle(p, 220, 140, 12, [10, 10, 10]);
    fillCircle(p, 280, 140, 12, [10, 10, 10]);
    for (const x of [60, 100, 140]) fillRect(p, x, 80, 14, 50, [20, 20, 25]);
    return p;
  },
};

/** The bytes of one demo file. */
export function demoFileBytes(file: DemoFile): Buffer {
  if ('text' in file) return Buffer.from(file.text, 'utf8');
  if ('pdf' in file) return minimalPdf(file.pdf);
  const picture = SCENES[file.scene]();
  if (!file.copy) return encodePng(picture);
  const { width, height, noise } = file.copy;
  return encodePng(addNoise(resize(picture, width, height), noise, width * 31 + height));
}

/** A one-page PDF with lines of plain ASCII text in Helvetica, its cross-reference table computed. */
export function minimalPdf(lines: readonly string[]): Buffer {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const content = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

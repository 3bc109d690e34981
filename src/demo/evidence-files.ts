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

/** A scene as data: a background and the rectangles and circles painted on it, in order. */
interface Scene {
  width: number;
  height: number;
  background: Rgb;
  shapes: readonly ({ rect: readonly [x: number, y: number, width: number, height: number]; colour: Rgb } | { circle: readonly [x: number, y: number, radius: number]; colour: Rgb })[];
}

const rect = (x: number, y: number, width: number, height: number, colour: Rgb) => ({ rect: [x, y, width, height] as const, colour });
const circle = (x: number, y: number, radius: number, colour: Rgb) => ({ circle: [x, y, radius] as const, colour });

const SCENES: Record<SceneName, Scene> = {
  /** A square after shelling: sky, buildings with a burnt-out middle, a crater, debris. */
  market: {
    width: 320, height: 240, background: [170, 200, 230],
    shapes: [
      rect(0, 150, 320, 90, [120, 110, 95]), rect(10, 60, 70, 90, [200, 180, 150]), rect(230, 40, 80, 110, [190, 170, 140]),
      rect(110, 100, 90, 50, [60, 55, 50]), circle(160, 195, 28, [40, 35, 30]),
      ...([[60, 200], [250, 210], [120, 225], [210, 180]] as const).map(([x, y]) => circle(x, y, 6, [90, 80, 70])),
    ],
  },
  /** A damaged building with a red-cross sign and a hole in its roof. */
  hospital: {
    width: 320, height: 240, background: [210, 215, 220],
    shapes: [
      rect(0, 180, 320, 60, [80, 90, 70]), rect(40, 50, 240, 130, [235, 235, 225]), rect(145, 70, 30, 70, [200, 20, 20]),
      rect(125, 90, 70, 30, [200, 20, 20]), circle(240, 55, 35, [30, 30, 30]), rect(60, 140, 40, 40, [60, 40, 30]),
    ],
  },
  /** A copy of an identity card: a photo box left, text lines right. */
  document: {
    width: 300, height: 190, background: [235, 225, 200],
    shapes: [
      rect(15, 30, 80, 110, [150, 150, 160]), circle(55, 70, 22, [110, 95, 85]),
      ...Array.from({ length: 6 }, (_, line) => rect(115, 35 + line * 20, 160 - line * 12, 8, [70, 70, 90])),
      rect(0, 0, 300, 18, [30, 80, 40]),
    ],
  },
  /** A road block at dusk: barrier, vehicle, figures. */
  checkpoint: {
    width: 320, height: 240, background: [60, 50, 90],
    shapes: [
      rect(0, 120, 320, 120, [50, 50, 45]), rect(20, 130, 280, 12, [220, 200, 30]), rect(200, 90, 100, 45, [40, 70, 40]),
      circle(220, 140, 12, [10, 10, 10]), circle(280, 140, 12, [10, 10, 10]),
      ...[60, 100, 140].map((x) => rect(x, 80, 14, 50, [20, 20, 25])),
    ],
  },
};

/** Paints a scene: the one drawing function every scene goes through. */
function draw(scene: Scene): Picture {
  const picture = newPicture(scene.width, scene.height, scene.background);
  for (const shape of scene.shapes) {
    if ('rect' in shape) fillRect(picture, ...shape.rect, shape.colour);
    else fillCircle(picture, ...shape.circle, shape.colour);
  }
  return picture;
}

/** The bytes of one demo file. */
export function demoFileBytes(file: DemoFile): Buffer {
  if ('text' in file) return Buffer.from(file.text, 'utf8');
  if ('pdf' in file) return minimalPdf(file.pdf);
  const picture = draw(SCENES[file.scene]);
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

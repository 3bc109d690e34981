/** Test pictures drawn from SVG by sharp: fictional scenes, made at test time (no fixture files). */
import sharp from 'sharp';

/** A street scene: sky, a house with windows and a door, a tree, a car. */
export function streetSceneSvg(width = 640, height = 480): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 640 480">
  <rect width="640" height="300" fill="#8fbfe0"/><rect y="300" width="640" height="180" fill="#6b6b6b"/>
  <circle cx="540" cy="70" r="40" fill="#f5d142"/>
  <rect x="80" y="140" width="220" height="160" fill="#b5543c"/><polygon points="70,140 190,60 310,140" fill="#5a2e22"/>
  <rect x="110" y="170" width="50" height="40" fill="#dfeefa"/><rect x="220" y="170" width="50" height="40" fill="#dfeefa"/>
  <rect x="170" y="230" width="40" height="70" fill="#3b2a1a"/>
  <rect x="420" y="200" width="24" height="100" fill="#5b3a1e"/><circle cx="432" cy="180" r="60" fill="#2f7d32"/>
  <rect x="330" y="350" width="200" height="60" rx="12" fill="#1f4e9c"/><circle cx="370" cy="410" r="22" fill="#111"/><circle cx="490" cy="410" r="22" fill="#111"/>
</svg>`;
}

/** An unrelated picture: a desk with papers and a lamp, dark background. */
export function deskSceneSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <rect width="640" height="480" fill="#2b2233"/><rect x="0" y="330" width="640" height="150" fill="#8a5a32"/>
  <rect x="60" y="280" width="160" height="60" fill="#f4f1e8" transform="rotate(-8 140 310)"/>
  <rect x="260" y="290" width="140" height="50" fill="#fffdf6"/>
  <polygon points="480,120 560,120 590,200 450,200" fill="#e8c547"/><rect x="512" y="200" width="12" height="130" fill="#444"/>
  <circle cx="120" cy="90" r="30" fill="#c0c0c0"/><rect x="300" y="40" width="40" height="240" fill="#4a3b5c"/>
</svg>`;
}

/** A rendered SVG as PNG bytes. */
export const renderPng = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

/**
 * The one setup of pdfmake, shared by every PDF the system writes (the yearly report, a court bundle's manifest):
 * pdfmake lays out in pure JavaScript with the PDF standard font (Helvetica), so nothing is downloaded and no browser
 * or office suite runs. pdfmake's fonts and access policies are settings of the whole process; setting them here
 * alone keeps the documents from depending on which module loaded first.
 */
import pdfmake from 'pdfmake';

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: unknown, options?: unknown): { getBuffer(): Promise<Buffer> };
}

const engine = pdfmake as unknown as PdfMake;
engine.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
// A document loads nothing from a URL, and no local file but the four standard fonts (built into pdfkit).
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

/** The PDF of a pdfmake document definition; its `defaultStyle.font` should be 'Helvetica', the one font set. */
export function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  return engine.createPdf(definition).getBuffer();
}

/**
 * manifest.pdf: the manifest for a reader without tools — per item its provenance, files with their SHA-256,
 * chain of custody and verification, labels Dutch first ("Bron / Source"). Laid out by pdfmake in the PDF standard
 * font (Helvetica), set up once for every PDF of the system (src/pdf/render-pdf.ts): nothing is downloaded, no
 * browser runs.
 */
import { renderPdf } from '../pdf/render-pdf.js';
import type { CourtBundleItem, CourtBundleManifest } from './manifest.js';

/** Dutch names of the register's codes; a code without one is printed as it is. */
const DUTCH: Record<string, string> = {
  'witness-statement': 'getuigenverklaring', document: 'document', photo: 'foto', video: 'video', audio: 'geluidsopname',
  'web-capture': 'webpagina-vastlegging', 'device-extraction': 'uitlezing gegevensdrager', 'forensic-report': 'forensisch rapport',
  'expert-report': 'deskundigenrapport', 'official-report': 'ambtsbericht', 'mechanism-material': 'materiaal VN-mechanisme', other: 'overig',
  witness: 'getuige', 'open-source': 'open bron', 'un-mechanism': 'VN-mechanisme', 'foreign-authority': 'buitenlandse autoriteit',
  ngo: 'ngo', seized: 'inbeslagname', 'person-concerned': 'betrokkene',
  capture: 'vastlegging', download: 'download', seizure: 'inbeslagname', 'legal-assistance': 'rechtshulp', handover: 'overdracht',
  interview: 'verhoor', source: 'bron', technical: 'technisch', content: 'inhoud',
};
const code = (value: string) => (DUTCH[value] && DUTCH[value] !== value ? `${DUTCH[value]} (${value})` : value);

const NONE = { text: 'geen / none', italics: true };

const formatSize = (bytes: number) => `${new Intl.NumberFormat('nl-NL').format(bytes)} B`;

function table(widths: unknown[], head: string[], rows: unknown[][]) {
  return {
    table: { headerRows: 1, widths, body: [head.map((text) => ({ text, style: 'head' })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

function itemContent(item: CourtBundleItem, number: number): unknown[] {
  const { source, acquired } = item;
  const sourceText = [code(source.type), source.name, source.reference && `kenmerk / reference ${source.reference}`].filter(Boolean).join(' — ');
  const acquiredText = [acquired.date, acquired.by, code(acquired.method), acquired.location].filter(Boolean).join(' — ');
  const facts: [string, string][] = [
    ['Kenmerk / ID', item.id],
    ['Soort / Kind', code(item.kind)],
    ['Bron / Source', sourceText],
    ['Verkregen / Acquired', acquiredText],
    ...(item.description ? [['Omschrijving / Description', item.description] as [string, string]] : []),
  ];
  return [
    { text: `${number}. ${item.title}`, style: 'heading' },
    { table: { widths: [130, '*'], body: facts.map(([label, value]) => [{ text: label, bold: true }, value]) }, layout: 'noBorders', margin: [0, 0, 0, 6] },
    { text: 'Bestanden / Files', style: 'subheading' },
    item.files.length === 0
      ? NONE
      : table(['*', 60, 70], ['Bestand / File', 'Grootte / Size', 'Mediatype / Media type'], item.files.flatMap((file) => [
          [file.name, { text: formatSize(file.size), alignment: 'right' }, file.mediaType],
          [{ text: `SHA-256 ${file.sha256}${file.url ? `\nURL ${file.url}` : ''}${file.capturedAt ? `\nvastgelegd / captured ${file.capturedAt}${file.tool ? ` (${file.tool})` : ''}` : ''}`, colSpan: 3, style: 'hash' }, '', ''],
        ])),
    { text: 'Bewaarketen / Chain of custody', style: 'subheading' },
    item.custody.length === 0
      ? NONE
      : table([90, '*', '*', '*'], ['Datum / Date', 'Van / From', 'Aan / To', 'Doel / Purpose'], item.custody.map((step) => [step.at, step.from, step.to, step.purpose])),
    { text: 'Verificatie / Verification', style: 'subheading' },
    item.verification.length === 0
      ? NONE
      : table([90, 70, 70, '*'], ['Datum / Date', 'Stap / Step', 'Uitkomst / Outcome', 'Methode, opmerkingen / Method, notes'], item.verification.map((step) => [
          step.at, code(step.step), step.outcome, [step.method, step.by && `door / by ${step.by}`, step.notes].filter(Boolean).join('\n'),
        ])),
  ];
}

/** Renders the manifest as an A4 PDF. */
export async function renderManifestPdf(manifest: CourtBundleManifest): Promise<Buffer> {
  const title = `Bewijsbundel / Court bundle — zaak / case ${manifest.caseId}`;
  const content: unknown[] = [
    { text: title, style: 'title' },
    { text: `Samengesteld op / Generated at: ${manifest.generatedAt}${manifest.generatedBy ? ` — door / by ${manifest.generatedBy}` : ''}` },
    { text: `Stukken / Items: ${manifest.items.length}; bestanden / files: ${manifest.items.reduce((sum, item) => sum + item.files.length, 0)}` },
    {
      text: [
        'Controleren / How to verify: ',
        { text: 'imketen evidence verify-bundle BUNDEL.zip', style: 'code' },
        ', of na uitpakken / or after unpacking: ',
        { text: 'sha256sum -c manifest.sha256', style: 'code' },
        '. Elk bestand staat onder files/ met de SHA-256 hieronder / every file is under files/ with the SHA-256 below.',
      ],
      margin: [0, 6, 0, 0],
      fontSize: 9,
    },
    ...manifest.items.flatMap((item, index) => itemContent(item, index + 1)),
  ];
  const definition = {
    info: { title, subject: title, creator: 'imketen', producer: 'imketen', creationDate: new Date(manifest.generatedAt) },
    language: 'nl',
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    content,
    footer: (page: number, pages: number) => ({ text: `${manifest.caseId} — pagina / page ${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
      heading: { fontSize: 12, bold: true, margin: [0, 16, 0, 6] },
      subheading: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
      head: { bold: true },
      hash: { fontSize: 7.5, color: '#333333' },
      code: { bold: true },
    },
  };
  return renderPdf(definition);
}

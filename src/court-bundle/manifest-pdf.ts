/**
 * manifest.pdf: the manifest for a reader without tools — per item its provenance, files with their SHA-256,
 * chain of custody and verification, labels Dutch first ("Bron / Source"). Written by the one PDF writer of the
 * system (src/pdf/tagged-pdf.ts) as a tagged PDF: the title an H1, each item an H2 with H3 sections, its facts a
 * table of row headers, its files, custody and verification tables with column headers; the page footer an
 * artifact. Nothing is downloaded, no browser runs; the same manifest gives the same bytes (creation date =
 * generatedAt).
 */
import { renderTaggedPdf, type Block, type Cell } from '../pdf/tagged-pdf.js';
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

const NONE: Block = { kind: 'paragraph', text: 'geen / none', size: 9, muted: true };

const formatSize = (bytes: number) => `${new Intl.NumberFormat('nl-NL').format(bytes)} B`;

function table(columns: (number | '*')[], head: string[], rows: Cell[][], align: ('left' | 'right')[] = []): Block {
  return { kind: 'table', columns: columns.map((width, index) => ({ width, align: align[index] ?? 'left' })), head, rows, size: 9 };
}

function itemContent(item: CourtBundleItem, number: number): Block[] {
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
    { kind: 'heading', level: 2, text: `${number}. ${item.title}` },
    { kind: 'table', columns: [{ width: 130 }, { width: '*' }], rows: facts, rowHeaders: true, rules: 'none', size: 9 },
    { kind: 'heading', level: 3, text: 'Bestanden / Files' },
    item.files.length === 0
      ? NONE
      : table(['*', 60, 70], ['Bestand / File', 'Grootte / Size', 'Mediatype / Media type'], item.files.flatMap((file) => [
          [file.name, formatSize(file.size), file.mediaType],
          [{ text: `SHA-256 ${file.sha256}${file.url ? `\nURL ${file.url}` : ''}${file.capturedAt ? `\nvastgelegd / captured ${file.capturedAt}${file.tool ? ` (${file.tool})` : ''}` : ''}`, colSpan: 3, size: 7.5, muted: true }],
        ]), ['left', 'right']),
    { kind: 'heading', level: 3, text: 'Bewaarketen / Chain of custody' },
    item.custody.length === 0
      ? NONE
      : table([90, '*', '*', '*'], ['Datum / Date', 'Van / From', 'Aan / To', 'Doel / Purpose'], item.custody.map((step) => [step.at, step.from, step.to, step.purpose])),
    { kind: 'heading', level: 3, text: 'Verificatie / Verification' },
    item.verification.length === 0
      ? NONE
      : table([90, 70, 70, '*'], ['Datum / Date', 'Stap / Step', 'Uitkomst / Outcome', 'Methode, opmerkingen / Method, notes'], item.verification.map((step) => [
          step.at, code(step.step), step.outcome, [step.method, step.by && `door / by ${step.by}`, step.notes].filter(Boolean).join('\n'),
        ])),
  ];
}

/** Renders the manifest as a tagged A4 PDF. */
export async function renderManifestPdf(manifest: CourtBundleManifest): Promise<Buffer> {
  const title = `Bewijsbundel / Court bundle — zaak / case ${manifest.caseId}`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `Samengesteld op / Generated at: ${manifest.generatedAt}${manifest.generatedBy ? ` — door / by ${manifest.generatedBy}` : ''}` },
    { kind: 'paragraph', text: `Stukken / Items: ${manifest.items.length}; bestanden / files: ${manifest.items.reduce((sum, item) => sum + item.files.length, 0)}` },
    {
      kind: 'paragraph',
      size: 9,
      spaceBefore: 6,
      text: [
        'Controleren / How to verify: ',
        { text: 'imketen evidence verify-bundle BUNDEL.zip', bold: true },
        ', of na uitpakken / or after unpacking: ',
        { text: 'sha256sum -c manifest.sha256', bold: true },
        '. Elk bestand staat onder files/ met de SHA-256 hieronder / every file is under files/ with the SHA-256 below.',
      ],
    },
    ...manifest.items.flatMap((item, index) => itemContent(item, index + 1)),
  ];
  return renderTaggedPdf({
    title,
    language: 'nl',
    creationDate: new Date(manifest.generatedAt),
    margins: [48, 48, 48, 56],
    size: 9,
    footer: (page, pages) => `${manifest.caseId} — pagina / page ${page} / ${pages}`,
    blocks,
  });
}

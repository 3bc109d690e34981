/**
 * A reader of the PDFs that ../tagged-pdf.ts writes — no general PDF parser: for the tests, which check what a
 * screen reader and a text extractor get. It reads pdfkit's plain object layout (no object streams, no
 * encryption), inflates Flate streams, decodes text through each font's ToUnicode map, and walks the structure tree
 * with the text of each element's marked content.
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject { dictionary: string; stream?: Buffer }

export interface StructureNode {
  type: string;
  /** /Scope of a table header cell; /ColSpan of a spanning cell; /ActualText (decoded). */
  scope?: string;
  colSpan?: number;
  actualText?: string;
  /** The text of the element's own marked content (not its children's). */
  text: string;
  children: StructureNode[];
}

export interface ReadPdf {
  objects: Map<number, PdfObject>;
  catalog: string;
  /** The document's pages' text in content order, artifacts included; a line break where a line starts lower. */
  text: string;
  /** The same without artifacts (page footers, repeated table heads): the tagged content. */
  taggedText: string;
  /** The structure tree from its root element (/Document). */
  structure: StructureNode;
  /** Every code point the embedded fonts' ToUnicode maps name. */
  fontCodePoints: Set<number>;
  /** The number of pages. */
  pages: number;
  /** The title in the document information. */
  title: string | undefined;
}

export function readPdf(pdf: Buffer): ReadPdf {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  // Objects one after another; a stream's bytes by its /Length, so binary font data cannot end it early.
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.slice(start, end).search(/>>\s*stream\r?\n/);
    if (streamAt < 0) { objects.set(Number(match[1]), { dictionary: raw.slice(start, end) }); continue; }
    const dictionary = raw.slice(start, start + streamAt + 2);
    const lengths = [...dictionary.matchAll(/\/Length (\d+)/g)];
    const dataStart = raw.indexOf('\n', raw.indexOf('stream', start + streamAt)) + 1;
    const dataEnd = dataStart + Number(lengths.at(-1)![1]);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/Filter \/FlateDecode/.test(dictionary)) data = inflateSync(data);
    objects.set(Number(match[1]), { dictionary, stream: Buffer.from(data) });
    header.lastIndex = raw.indexOf('endobj', dataEnd);
  }
  const get = (ref: string | undefined) => (ref ? objects.get(Number(ref)) : undefined);
  const catalogEntry = [...objects.values()].find((object) => /\/Type \/Catalog/.test(object.dictionary));
  if (!catalogEntry) throw new Error('no catalogue');

  const unicodeMaps = new Map<number, Map<string, string>>();
  const fontCodePoints = new Set<number>();
  const unicodeOf = (fontRef: number) => {
    let map = unicodeMaps.get(fontRef);
    if (!map) {
      map = new Map();
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontRef)?.dictionary ?? '')?.[1];
      const cmap = get(cmapRef)?.stream?.toString('latin1') ?? '';
      for (const [, first, last, list] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
        const values = [...list!.matchAll(/<([0-9a-f ]+)>/gi)].map((value) => utf16(value[1]!.replace(/ /g, '')));
        for (let code = parseInt(first!, 16), index = 0; code <= parseInt(last!, 16); code += 1, index += 1) map.set(hex4(code), values[index] ?? '');
      }
      for (const [, code, value] of cmap.matchAll(/^<([0-9a-f]{4})> <([0-9a-f]+)>$/gim)) map.set(code!.toLowerCase(), utf16(value!));
      for (const value of map.values()) for (const char of value) fontCodePoints.add(char.codePointAt(0)!);
      unicodeMaps.set(fontRef, map);
    }
    return map;
  };

  const pageEntries = [...objects.entries()].filter(([, object]) => /\/Type \/Page\b/.test(object.dictionary));
  const marked = new Map<string, string>(); // `${page}:${mcid}` → text
  let text = '';
  let taggedText = '';
  for (const [pageRef, page] of pageEntries) {
    const resources = /\/Resources (\d+) 0 R/.exec(page.dictionary)?.[1];
    const fonts = new Map([...(get(resources)?.dictionary ?? '').matchAll(/\/(F\d+) (\d+) 0 R/g)].map((match) => [match[1]!, Number(match[2])]));
    const content = get(/\/Contents (\d+) 0 R/.exec(page.dictionary)?.[1])?.stream?.toString('latin1') ?? '';
    const stack: { mcid?: number; artifact: boolean }[] = [];
    let font = new Map<string, string>();
    let lastY: string | undefined;
    for (const token of content.matchAll(/\/(\w+) <<([^>]*)>> BDC|\/(\w+) BMC|\bEMC\b|\/(F\d+) [\d.]+ Tf|[\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\] TJ/g)) {
      if (token[1] !== undefined) {
        const mcid = /\/MCID (\d+)/.exec(token[2]!)?.[1];
        stack.push({ mcid: mcid === undefined ? undefined : Number(mcid), artifact: token[1] === 'Artifact' });
      } else if (token[3] !== undefined) stack.push({ artifact: token[3] === 'Artifact' });
      else if (token[0] === 'EMC') stack.pop();
      else if (token[4] !== undefined) font = unicodeOf(fonts.get(token[4]) ?? -1);
      else if (token[5] !== undefined) {
        if (lastY !== undefined && token[5] !== lastY) { text += '\n'; if (!stack.some((entry) => entry.artifact)) taggedText += '\n'; }
        lastY = token[5];
      } else if (token[6] !== undefined) {
        const decoded = [...token[6].matchAll(/<([0-9a-f]+)>/gi)].map((hex) => (hex[1]!.match(/.{4}/g) ?? []).map((code) => font.get(code.toLowerCase()) ?? '\ufffd').join('')).join('');
        text += decoded;
        if (stack.some((entry) => entry.artifact)) continue;
        taggedText += decoded;
        const mcid = [...stack].reverse().find((entry) => entry.mcid !== undefined)?.mcid;
        if (mcid !== undefined) marked.set(`${pageRef}:${mcid}`, (marked.get(`${pageRef}:${mcid}`) ?? '') + decoded);
      }
    }
  }

  const node = (ref: number): StructureNode => {
    const dictionary = objects.get(ref)?.dictionary ?? '';
    const pageRef = /\/Pg (\d+) 0 R/.exec(dictionary)?.[1];
    const kids = /\/K \[([^\]]*)\]/.exec(dictionary)?.[1] ?? '';
    const children = [...kids.matchAll(/(\d+) 0 R/g)].map((match) => node(Number(match[1])));
    const mcids = kids.replace(/\d+ 0 R/g, '').match(/\d+/g) ?? [];
    const actual = /\/ActualText \(((?:\\.|[^\\)])*)\)/.exec(dictionary)?.[1];
    return {
      type: /\/S \/(\w+)/.exec(dictionary)?.[1] ?? '?',
      scope: /\/Scope \/(\w+)/.exec(dictionary)?.[1],
      colSpan: Number(/\/ColSpan (\d+)/.exec(dictionary)?.[1] ?? 1),
      actualText: actual === undefined ? undefined : pdfString(actual),
      text: mcids.map((mcid) => marked.get(`${pageRef}:${mcid}`) ?? '').join(''),
      children,
    };
  };
  const rootRef = /\/StructTreeRoot (\d+) 0 R/.exec(catalogEntry.dictionary)?.[1];
  const top = /\/K \[(\d+) 0 R\]/.exec(get(rootRef)?.dictionary ?? '')?.[1];
  const structure = top ? node(Number(top)) : { type: 'none', text: '', children: [] };
  const info = /\/Info (\d+) 0 R/.exec(raw.slice(raw.lastIndexOf('trailer')))?.[1];
  const titleRef = /\/Title (\d+) 0 R/.exec(get(info)?.dictionary ?? '')?.[1];
  const titleString = /^\s*\(((?:\\.|[^\\)])*)\)/.exec(get(titleRef)?.dictionary ?? '')?.[1];
  const title = titleString === undefined ? undefined : pdfString(titleString);
  return { objects, catalog: catalogEntry.dictionary, text, taggedText, structure, fontCodePoints, pages: pageEntries.length, title };
}

/** Every element of the tree, depth first in reading order. */
export function flatten(node: StructureNode): StructureNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/** The text an element stands for: its /ActualText, or its own and its children's text in order. */
export function elementText(node: StructureNode): string {
  return node.actualText ?? node.text + node.children.map(elementText).join('');
}

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

function utf16(hex: string): string {
  const units = hex.match(/.{4}/g) ?? [];
  return String.fromCharCode(...units.map((unit) => parseInt(unit, 16)));
}

/** A literal string as pdfkit writes it: UTF-16BE with a byte order mark, or PDFDocEncoding (Latin-1 here). */
function pdfString(escaped: string): string {
  const bytes = Buffer.from(escaped.replace(/\\([nrtbf()\\])/g, (_, char: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[char] ?? char), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

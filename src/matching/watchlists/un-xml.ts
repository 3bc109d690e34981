/**
 * Importer of the UN Security Council consolidated list (XML, schema sc-sanctions.xsd): individuals and
 * entities with their aliases, names in original script, birth dates (exact, year, or a range of years) and
 * nationalities.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toCountryCode } from '../countries.js';
import type { WatchlistEntry } from '../person-score.js';
import { checkBirthDates, checkEntryTexts, ProblemCollector, linesOfMatches } from './problems.js';

const REPEATED = new Set([
  'INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_DATE_OF_BIRTH', 'VALUE', 'NATIONALITY',
]);

type XmlNode = Record<string, unknown>;

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value).replace(/\s+/g, ' ').trim();
  if (typeof value === 'object' && '#text' in (value as XmlNode)) return text((value as XmlNode)['#text']);
  return '';
}

function nodes(value: unknown): XmlNode[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is XmlNode => typeof item === 'object' && item !== null);
}

function values(value: unknown): string[] {
  return nodes(value).flatMap((node) => (Array.isArray(node.VALUE) ? node.VALUE : [node.VALUE]).map(text)).filter(Boolean);
}

function birthDates(record: XmlNode): string[] {
  const dates: string[] = [];
  for (const node of nodes(record.INDIVIDUAL_DATE_OF_BIRTH)) {
    const date = text(node.DATE);
    const year = text(node.YEAR);
    const from = text(node.FROM_YEAR);
    const to = text(node.TO_YEAR);
    if (/^\d{4}-\d{2}-\d{2}/.test(date)) dates.push(date.slice(0, 10));
    else if (/^\d{4}$/.test(year)) dates.push(year);
    else if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) dates.push(from === to ? from : `${from}/${to}`);
  }
  return [...new Set(dates)];
}

/**
 * Parses the UN consolidated list. Throws IMPORT_REJECTED naming file, line and field when the XML is not
 * well-formed or a record has no id or no name, a bad name, or (with `today`) a birth date after the day of import.
 * @example parseUnXml(readFileSync('consolidated.xml', 'utf8'), 'consolidated.xml')
 */
export function parseUnXml(xml: string, fileName = 'UN consolidated list', options: { today?: string } = {}): WatchlistEntry[] {
  const problems = new ProblemCollector(fileName);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    problems.add(valid.err.line, undefined, `the XML is not well-formed: ${valid.err.msg}`);
    problems.throwIfAny('UN list');
  }
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => REPEATED.has(name) });
  let document: XmlNode = {};
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    // e.g. elements nested past the parser's limit: a refusal, not an unexpected error
    problems.add(undefined, undefined, `the XML cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    problems.throwIfAny('UN list');
  }
  const list = document.CONSOLIDATED_LIST as XmlNode | undefined;
  if (!list) {
    problems.add(1, 'CONSOLIDATED_LIST', 'no CONSOLIDATED_LIST element: this is not the UN consolidated list');
    problems.throwIfAny('UN list');
  }
  const individuals = nodes((list?.INDIVIDUALS as XmlNode | undefined)?.INDIVIDUAL);
  const entities = nodes((list?.ENTITIES as XmlNode | undefined)?.ENTITY);
  const individualLines = linesOfMatches(xml, /<INDIVIDUAL>/g);
  const entityLines = linesOfMatches(xml, /<ENTITY>/g);
  const entries: WatchlistEntry[] = [];
  const read = (record: XmlNode, line: number | undefined, kind: 'person' | 'organization'): void => {
    const id = text(record.REFERENCE_NUMBER) || (text(record.DATAID) ? `DATAID ${text(record.DATAID)}` : '');
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((field) => text(record[field])).filter(Boolean).join(' ');
    const aliases = nodes(kind === 'person' ? record.INDIVIDUAL_ALIAS : record.ENTITY_ALIAS).map((alias) => text(alias.ALIAS_NAME)).filter(Boolean);
    const original = text(record.NAME_ORIGINAL_SCRIPT);
    if (!id) problems.add(line, 'REFERENCE_NUMBER', 'the record has neither REFERENCE_NUMBER nor DATAID');
    if (!primary) problems.add(line, 'FIRST_NAME', `record ${id || '?'} has no name`);
    if (!id || !primary) return;
    const named = [
      { field: 'FIRST_NAME', name: primary },
      ...aliases.map((name) => ({ field: 'ALIAS_NAME', name })),
      ...(original ? [{ field: 'NAME_ORIGINAL_SCRIPT', name: original }] : []),
    ];
    if (!checkEntryTexts({ id, names: named.map((item) => item.name) }, line, problems, { id: 'REFERENCE_NUMBER', names: (index) => named[index]!.field })) return;
    const names = [...new Set(named.map((item) => item.name))];
    const nationalities = [...new Set(values(record.NATIONALITY).map(toCountryCode).filter((code): code is string => code !== undefined))];
    const dates = kind === 'person' ? birthDates(record) : [];
    if (!checkBirthDates(dates, options.today, line, problems, () => 'INDIVIDUAL_DATE_OF_BIRTH')) return;
    entries.push({ id, names, kind, ...(dates.length ? { birthDates: dates } : {}), ...(nationalities.length ? { nationalities } : {}) });
  };
  individuals.forEach((record, index) => read(record, individualLines[index], 'person'));
  entities.forEach((record, index) => read(record, entityLines[index], 'organization'));
  problems.throwIfAny('UN list');
  return entries;
}

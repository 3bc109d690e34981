/**
 * The data-subject export (export-data-subject.ts) as a PDF for the person, in Dutch or English: who asked, the
 * person's record, each case and its events, evidence, screening hits, the access log and — always — what is
 * withheld and on which ground. Written by the one PDF writer (src/pdf/tagged-pdf.ts): a tagged PDF in DejaVu Sans,
 * so a name kept in Arabic or Cyrillic script, or Latin with diacritics, is drawn (Arabic shaped and right to left)
 * and read out in logical order (/ActualText).
 */
import { dateInWords } from '../domain/dates.js';
import { renderTaggedPdf, type Block } from '../pdf/tagged-pdf.js';
import type { DataSubjectExport, DisclosedEvent } from './export-data-subject.js';

type Language = 'nl' | 'en';

const WORDS = {
  nl: {
    title: 'Inzageverzoek: gegevens over', requested: 'Opgesteld voor', on: 'op', identity: 'Persoonsgegevens',
    names: 'Namen', birthDate: 'Geboortedatum', nationalities: 'Nationaliteiten', none: 'geen', personEvents: 'Gebeurtenissen over de persoon',
    cases: 'Zaken', witness: 'Getuigenregistraties', evidence: 'Bewijsmateriaal (beschrijving)', hits: 'Screeningtreffers',
    accessLog: 'Raadplegingen van de gegevens', withheld: 'Niet verstrekt, en waarom', role: 'rol', phase: 'fase', basis: 'grondslag',
    count: 'aantal', standing: 'geldt altijd', nothing: 'Niets.', files: 'bestanden', date: 'Datum', who: 'Wie en wat', why: 'Doel en uitkomst', page: 'pagina', notReadable: 'Het persoonsrecord zelf is voor deze partner niet in te zien.',
  },
  en: {
    title: 'Subject access request: data about', requested: 'Prepared for', on: 'on', identity: 'Personal data',
    names: 'Names', birthDate: 'Date of birth', nationalities: 'Nationalities', none: 'none', personEvents: 'Events about the person',
    cases: 'Cases', witness: 'Witness records', evidence: 'Evidence (description)', hits: 'Screening hits',
    accessLog: 'Reads of the data', withheld: 'Withheld, and why', role: 'role', phase: 'phase', basis: 'legal basis',
    count: 'count', standing: 'always applies', nothing: 'Nothing.', files: 'files', date: 'Date', who: 'Who and what', why: 'Purpose and outcome', page: 'page', notReadable: 'The person record itself may not be read by this partner.',
  },
} as const;

export async function renderDataSubjectPdf(data: DataSubjectExport, language: Language): Promise<Buffer> {
  const w = WORDS[language];
  const day = (date: string) => dateInWords(date.slice(0, 10), language);
  const title = `${w.title} ${data.person}`;
  const nothing: Block = { kind: 'paragraph', text: w.nothing };
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `${w.requested} ${data.requestedBy.organisation} (${data.requestedBy.role}) ${w.on} ${day(data.date)}.` },
    { kind: 'heading', level: 2, text: w.identity },
  ];
  if (data.identity) {
    blocks.push({ kind: 'list', items: [
      `${w.names}: ${data.identity.names.join(', ') || w.none}`,
      `${w.birthDate}: ${data.identity.birthDate ? day(data.identity.birthDate) : w.none}`,
      `${w.nationalities}: ${data.identity.nationalities.join(', ') || w.none}`,
      `${w.basis}: ${data.identity.legalBasis}`,
    ] });
  } else {
    blocks.push({ kind: 'paragraph', text: w.notReadable });
  }
  blocks.push({ kind: 'heading', level: 2, text: w.personEvents }, events(data.personEvents, day, nothing));
  for (const [heading, streams] of [[w.cases, data.cases], [w.witness, data.witnessRecords]] as const) {
    blocks.push({ kind: 'heading', level: 2, text: heading });
    if (streams.length === 0) blocks.push(nothing);
    for (const item of streams) {
      blocks.push({ kind: 'heading', level: 3, text: `${item.stream} — ${w.role}: ${item.roles.join(', ') || '—'}; ${w.phase}: ${item.phase}` });
      blocks.push({ kind: 'paragraph', text: `${w.basis}: ${item.legalBasis}`, size: 8, muted: true });
      blocks.push(events(item.events, day, nothing));
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: w.evidence });
  blocks.push(data.evidence.length === 0 ? nothing : { kind: 'list', items: data.evidence.map((item) => `${item.case}: ${item.title} (${item.kind}, ${day(item.acquiredOn)}, ${item.files} ${w.files})`) });
  blocks.push({ kind: 'heading', level: 2, text: w.hits });
  blocks.push(data.screeningHits.length === 0 ? nothing : { kind: 'list', items: data.screeningHits.map((hit) => `${hit.list ?? hit.source}: ${hit.counterpart ?? '—'} (${hit.status}, ${day(hit.firstFoundAt)})`) });
  blocks.push({ kind: 'heading', level: 2, text: w.accessLog });
  blocks.push(data.accessLog.length === 0 ? nothing : {
    kind: 'table', size: 8, columns: [{ width: 90 }, { width: '*' }, { width: '*' }], head: [w.date, w.who, w.why],
    rows: data.accessLog.map((row) => [day(row.at), `${row.organisation} (${row.role}) ${row.action} ${row.resource}`, `${row.purpose}; ${row.outcome}`]),
  });
  blocks.push({ kind: 'heading', level: 2, text: w.withheld });
  blocks.push(data.withheld.length === 0 ? nothing : {
    kind: 'list',
    items: data.withheld.map((item) => `${item.ground.text[language]} (${item.what}${item.kind ? `, ${item.kind}` : ''}; ${item.count === null ? w.standing : `${w.count}: ${item.count}`}; ${item.ground.law})`),
  });
  return renderTaggedPdf({
    title,
    language,
    creationDate: new Date(data.generatedAt),
    margins: [56, 56, 56, 56],
    size: 10,
    footer: (page, pages) => `${data.person} — ${w.page} ${page} / ${pages}`,
    blocks,
  });
}

function events(list: readonly DisclosedEvent[], day: (date: string) => string, nothing: Block): Block {
  if (list.length === 0) return nothing;
  return { kind: 'list', items: list.map((event) => `${day(event.date)} — ${event.type}: ${summary(event.data)}`), size: 9 };
}

function summary(data: Record<string, unknown>): string {
  return Object.entries(data).map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('; ').slice(0, 600);
}

/**
 * The data-subject export (export-data-subject.ts) as a PDF for the person, in Dutch or English: who asked, the
 * person's record, each case and its events, evidence, screening hits, the access log and — always — what is
 * withheld and on which ground. Laid out by the one pdfmake setup (src/pdf/render-pdf.ts).
 */
import { dateInWords } from '../domain/dates.js';
import { renderPdf } from '../pdf/render-pdf.js';
import type { DataSubjectExport, DisclosedEvent } from './export-data-subject.js';

type Language = 'nl' | 'en';

const WORDS = {
  nl: {
    title: 'Inzageverzoek: gegevens over', requested: 'Opgesteld voor', on: 'op', identity: 'Persoonsgegevens',
    names: 'Namen', birthDate: 'Geboortedatum', nationalities: 'Nationaliteiten', none: 'geen', personEvents: 'Gebeurtenissen over de persoon',
    cases: 'Zaken', witness: 'Getuigenregistraties', evidence: 'Bewijsmateriaal (beschrijving)', hits: 'Screeningtreffers',
    accessLog: 'Raadplegingen van de gegevens', withheld: 'Niet verstrekt, en waarom', role: 'rol', phase: 'fase', basis: 'grondslag',
    count: 'aantal', standing: 'geldt altijd', nothing: 'Niets.', files: 'bestanden', notReadable: 'Het persoonsrecord zelf is voor deze partner niet in te zien.',
  },
  en: {
    title: 'Subject access request: data about', requested: 'Prepared for', on: 'on', identity: 'Personal data',
    names: 'Names', birthDate: 'Date of birth', nationalities: 'Nationalities', none: 'none', personEvents: 'Events about the person',
    cases: 'Cases', witness: 'Witness records', evidence: 'Evidence (description)', hits: 'Screening hits',
    accessLog: 'Reads of the data', withheld: 'Withheld, and why', role: 'role', phase: 'phase', basis: 'legal basis',
    count: 'count', standing: 'always applies', nothing: 'Nothing.', files: 'files', notReadable: 'The person record itself may not be read by this partner.',
  },
} as const;

export async function renderDataSubjectPdf(data: DataSubjectExport, language: Language): Promise<Buffer> {
  const w = WORDS[language];
  const day = (date: string) => dateInWords(date.slice(0, 10), language);
  const content: unknown[] = [
    { text: `${w.title} ${data.person}`, style: 'title' },
    { text: `${w.requested} ${data.requestedBy.organisation} (${data.requestedBy.role}) ${w.on} ${day(data.date)}.` },
    { text: w.identity, style: 'heading' },
  ];
  if (data.identity) {
    content.push({ ul: [
      `${w.names}: ${data.identity.names.join(', ') || w.none}`,
      `${w.birthDate}: ${data.identity.birthDate ? day(data.identity.birthDate) : w.none}`,
      `${w.nationalities}: ${data.identity.nationalities.join(', ') || w.none}`,
      `${w.basis}: ${data.identity.legalBasis}`,
    ] });
  } else {
    content.push({ text: w.notReadable });
  }
  content.push({ text: w.personEvents, style: 'heading' }, events(data.personEvents, day, w.nothing));
  for (const [heading, streams] of [[w.cases, data.cases], [w.witness, data.witnessRecords]] as const) {
    content.push({ text: heading, style: 'heading' });
    if (streams.length === 0) content.push({ text: w.nothing });
    for (const item of streams) {
      content.push({ text: `${item.stream} — ${w.role}: ${item.roles.join(', ') || '—'}; ${w.phase}: ${item.phase}`, bold: true, margin: [0, 6, 0, 2] });
      content.push({ text: `${w.basis}: ${item.legalBasis}`, style: 'note' });
      content.push(events(item.events, day, w.nothing));
    }
  }
  content.push({ text: w.evidence, style: 'heading' });
  content.push(data.evidence.length === 0 ? { text: w.nothing } : { ul: data.evidence.map((item) => `${item.case}: ${item.title} (${item.kind}, ${day(item.acquiredOn)}, ${item.files} ${w.files})`) });
  content.push({ text: w.hits, style: 'heading' });
  content.push(data.screeningHits.length === 0 ? { text: w.nothing } : { ul: data.screeningHits.map((hit) => `${hit.list ?? hit.source}: ${hit.counterpart ?? '—'} (${hit.status}, ${day(hit.firstFoundAt)})`) });
  content.push({ text: w.accessLog, style: 'heading' });
  content.push(data.accessLog.length === 0 ? { text: w.nothing } : {
    table: {
      headerRows: 0, widths: [90, '*', '*'],
      body: data.accessLog.map((row) => [day(row.at), `${row.organisation} (${row.role}) ${row.action} ${row.resource}`, `${row.purpose}; ${row.outcome}`]),
    },
    layout: 'lightHorizontalLines', fontSize: 8,
  });
  content.push({ text: w.withheld, style: 'heading' });
  content.push(data.withheld.length === 0 ? { text: w.nothing } : {
    ul: data.withheld.map((item) => `${item.ground.text[language]} (${item.what}${item.kind ? `, ${item.kind}` : ''}; ${item.count === null ? w.standing : `${w.count}: ${item.count}`}; ${item.ground.law})`),
  });
  const title = `${w.title} ${data.person}`;
  return renderPdf({
    info: { title, subject: title, creator: 'imketen', producer: 'imketen' },
    language,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      note: { fontSize: 8, italics: true },
    },
  });
}

function events(list: readonly DisclosedEvent[], day: (date: string) => string, nothing: string): unknown {
  if (list.length === 0) return { text: nothing };
  return { ul: list.map((event) => `${day(event.date)} — ${event.type}: ${summary(event.data)}`), fontSize: 9 };
}

function summary(data: Record<string, unknown>): string {
  return Object.entries(data).map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('; ').slice(0, 600);
}

/**
 * The demo's fictional evidence register (README, "Evidence"; docs/domain.md §4): items on a few criminal cases and 1F
 * files — photos, a witness statement, a captured web page, material from a (fictional) UN investigative mechanism, an
 * official report — with their chain of custody and Berkeley Protocol verification steps. The files themselves are not
 * events of the generator: `imketen demo` stores them afterwards through the attach path of the CLI (attach-demo-files.ts),
 * so their hashes, media types and derived metadata are real. Every name, place and account here is fictional.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import type { DemoFile } from './evidence-files.js';
import type { Rng } from './prng.js';
import { StreamBuilder, type DemoContext } from './stream-builder.js';

/** A case the evidence can belong to, as seen when the case was opened. */
export interface SeenCase { id: string; date: CalendarDate; recordedAt: string }

/** Watches the generated events for opened criminal cases and 1F files, passing every event on unchanged. */
export class CaseSightings {
  readonly criminal: SeenCase[] = [];
  readonly exclusion: SeenCase[] = [];

  *watch(events: Iterable<EventInput>): Generator<EventInput> {
    for (const event of events) {
      const seen = { id: event.stream.slice(event.stream.indexOf('/') + 1), date: event.date, recordedAt: event.recordedAt ?? '' };
      if (event.type === 'criminal.opened') this.criminal.push(seen);
      else if (event.type === 'exclusion.opened') this.exclusion.push(seen);
      yield event;
    }
  }
}

type Slot = `c${number}` | `x${number}`;

interface ItemTemplate {
  cases: Slot[];
  kind: string;
  title: string;
  source: { type: string; name?: string; reference?: string };
  acquired: { by: string; method: string; location?: string };
  language?: string;
  description?: string;
  /** Custody hand-overs after acquisition, in order: to whom and why. */
  custody: { to: string; purpose: string }[];
  verified: { step: 'source' | 'technical' | 'content'; outcome: 'confirmed' | 'inconclusive' | 'refuted'; method: string }[];
  files: DemoFile[];
  /** For a captured web page: where and with what it was captured. */
  capture?: { url: string; tool: string };
}

const TIM = 'Team Internationale Misdrijven (politie)';
const IND = 'IND, unit 1F';
const LAB = 'Nederlands Forensisch Instituut';
const MECHANISM = 'Onafhankelijk Onderzoeksmechanisme van de VN voor Noordland (fictief)';

/** The items of one replica, on criminal cases c0–c3 and 1F files x0–x2 of that replica. */
export const EVIDENCE_TEMPLATES: readonly ItemTemplate[] = [
  {
    cases: ['c0'], kind: 'photo', title: 'Foto van een verwoest marktplein (fictief)',
    source: { type: 'witness', name: 'getuige G-01 (fictief)' }, acquired: { by: TIM, method: 'handover', location: 'Den Haag' },
    description: 'Origineel bestand van de telefoon van de getuige, volgens de getuige genomen op de dag van de beschieting.',
    custody: [{ to: LAB, purpose: 'technisch onderzoek van het bestand' }, { to: TIM, purpose: 'terug na onderzoek' }],
    verified: [
      { step: 'technical', outcome: 'confirmed', method: 'hash, bestandsstructuur en metadata gecontroleerd' },
      { step: 'content', outcome: 'confirmed', method: 'geolocatie aan de hand van gebouwen en satellietbeelden' },
    ],
    files: [{ name: 'marktplein.png', scene: 'market' }],
  },
  {
    cases: ['x0'], kind: 'web-capture', title: 'Bericht op een sociaal medium met een foto van een marktplein (fictief)',
    source: { type: 'open-source', name: 'openbaar account @noordland_nieuws (fictief)' }, acquired: { by: IND, method: 'capture' },
    description: 'Dezelfde foto als in een strafzaak, verkleind en opnieuw gecomprimeerd door het platform.',
    custody: [],
    verified: [
      { step: 'source', outcome: 'inconclusive', method: 'geschiedenis en netwerk van het account nagegaan' },
      { step: 'technical', outcome: 'confirmed', method: 'vastlegging met hash en tijdstempel' },
    ],
    files: [{ name: 'bericht-marktplein.png', scene: 'market', copy: { width: 200, height: 150, noise: 6 } }],
    capture: { url: 'https://social.example/noordland_nieuws/status/4711', tool: 'imketen capture (demo)' },
  },
  {
    cases: ['c0'], kind: 'witness-statement', title: 'Verklaring van getuige G-01 (fictief)',
    source: { type: 'witness', name: 'getuige G-01 (fictief)' }, acquired: { by: TIM, method: 'interview', location: 'Zwolle' }, language: 'ar',
    custody: [{ to: 'Officier van justitie, Landelijk Parket', purpose: 'beoordeling voor het dossier' }],
    verified: [{ step: 'content', outcome: 'confirmed', method: 'vergeleken met foto en andere verklaringen' }],
    files: [{
      name: 'verklaring-G-01.txt',
      text: 'PROCES-VERBAAL VAN VERHOOR (FICTIEF, DEMO)\n\nGetuige G-01 verklaart:\n'
        + 'Ik was op de markt toen de eerste inslag kwam. Ik heb met mijn telefoon een foto gemaakt van het plein.\n'
        + 'Die foto heb ik later aan de politie gegeven.\n\nDit document is verzonnen voor de demo van imketen.\n',
    }],
  },
  {
    cases: ['c1', 'x1'], kind: 'mechanism-material', title: 'Overdracht van materiaal door het VN-mechanisme (fictief)',
    source: { type: 'un-mechanism', name: MECHANISM, reference: 'OOM-NL/2023/017 (fictief)' }, acquired: { by: TIM, method: 'legal-assistance' }, language: 'en',
    description: 'Begeleidende brief en foto van een beschadigd ziekenhuis uit het archief van het mechanisme.',
    custody: [{ to: LAB, purpose: 'technisch onderzoek van de foto' }, { to: TIM, purpose: 'terug na onderzoek' }],
    verified: [
      { step: 'source', outcome: 'confirmed', method: 'herkomst bevestigd door het mechanisme' },
      { step: 'technical', outcome: 'confirmed', method: 'hashes vergeleken met de overdrachtslijst' },
    ],
    files: [
      { name: 'begeleidende-brief.pdf', pdf: ['Transfer of material (FICTIONAL, DEMO)', '', MECHANISM, 'Reference OOM-NL/2023/017', '', 'Enclosed: one photograph of a damaged hospital.', 'This letter is invented for the imketen demo.'] },
      { name: 'ziekenhuis.png', scene: 'hospital' },
    ],
  },
  {
    cases: ['x2'], kind: 'photo', title: 'Foto van een beschadigd ziekenhuis, ingebracht door betrokkene (fictief)',
    source: { type: 'person-concerned', name: 'betrokkene in de 1F-procedure' }, acquired: { by: IND, method: 'handover', location: 'Ter Apel' },
    custody: [],
    verified: [{ step: 'content', outcome: 'inconclusive', method: 'vergeleken met open bronnen' }],
    files: [{ name: 'IMG_0042.png', scene: 'hospital', copy: { width: 240, height: 180, noise: 4 } }],
  },
  {
    cases: ['x1'], kind: 'document', title: 'Kopie van een identiteitsbewijs (fictief)',
    source: { type: 'person-concerned' }, acquired: { by: IND, method: 'handover', location: 'Zevenaar' },
    custody: [{ to: 'Bureau Documenten, Koninklijke Marechaussee', purpose: 'echtheidsonderzoek' }, { to: IND, purpose: 'terug na onderzoek' }],
    verified: [{ step: 'technical', outcome: 'inconclusive', method: 'alleen een kopie: echtheidskenmerken niet te beoordelen' }],
    files: [{ name: 'id-kopie.png', scene: 'document' }],
  },
  {
    cases: ['c2'], kind: 'official-report', title: 'Ambtsbericht over de veiligheidssituatie in Noordland (fictief)',
    source: { type: 'other', name: 'Ministerie van Buitenlandse Zaken', reference: 'ambtsbericht (fictief)' }, acquired: { by: TIM, method: 'download' }, language: 'nl',
    custody: [],
    verified: [{ step: 'source', outcome: 'confirmed', method: 'gepubliceerde versie vergeleken' }],
    files: [{ name: 'ambtsbericht-noordland.pdf', pdf: ['Ambtsbericht Noordland (FICTIEF, DEMO)', '', 'Hoofdstuk 1. Veiligheidssituatie', 'Checkpoints van milities op de hoofdwegen.', 'Dit document is verzonnen voor de demo van imketen.'] }],
  },
  {
    cases: ['c3'], kind: 'photo', title: 'Foto van een wegversperring (fictief)',
    source: { type: 'foreign-authority', name: 'politie van een partnerland (fictief)' }, acquired: { by: TIM, method: 'legal-assistance' },
    custody: [{ to: LAB, purpose: 'technisch onderzoek van het bestand' }],
    verified: [{ step: 'technical', outcome: 'refuted', method: 'metadata wijzen op bewerking na de opname' }],
    files: [{ name: 'wegversperring.png', scene: 'checkpoint' }],
  },
];

/** The id of a replica's n-th item (from 0): `BW-001`, `BW-001-R2`, … (bewijs). */
export function evidenceId(index: number, replica: number): string {
  return `BW-${String(index + 1).padStart(3, '0')}${replica === 1 ? '' : `-R${replica}`}`;
}

/** Cases opened in this window carry evidence: old enough for a trail, young enough to be fresh. */
const ELIGIBLE: readonly [CalendarDate, CalendarDate] = ['2018-01-01', '2024-12-31'];

export function* evidenceItems(context: DemoContext, rng: Rng, seen: CaseSightings): Generator<EventInput> {
  const eligible = (cases: SeenCase[]) => rng.shuffle(cases.filter((c) => c.date >= ELIGIBLE[0] && c.date <= ELIGIBLE[1]));
  const slots = new Map<Slot, SeenCase>();
  eligible(seen.criminal).slice(0, 4).forEach((c, index) => slots.set(`c${index}`, c));
  eligible(seen.exclusion).slice(0, 3).forEach((c, index) => slots.set(`x${index}`, c));
  for (const [index, template] of EVIDENCE_TEMPLATES.entries()) {
    const cases = template.cases.map((slot) => slots.get(slot));
    if (cases.some((c) => c === undefined)) continue;
    const known = cases as SeenCase[];
    const itemRng = rng.fork(index);
    const opened = known.reduce((latest, c) => (c.date > latest ? c.date : latest), '');
    const recordedFloor = known.reduce((latest, c) => (c.recordedAt > latest ? c.recordedAt : latest), '');
    const stream = new StreamBuilder(context, itemRng.fork('recording'), 'evidence', evidenceId(index, context.ids.replica), recordedFloor);
    const acquiredOn = addDays(opened, itemRng.int(20, 300));
    const ids = (kind: 'c' | 'x') => template.cases.filter((slot) => slot.startsWith(kind)).map((slot) => slots.get(slot)!.id);
    const criminalCases = ids('c');
    const exclusionCases = ids('x');
    let date = addDays(acquiredOn, itemRng.int(0, 5));
    if (!stream.add('evidence.registered', date, {
      ...(criminalCases.length > 0 ? { criminalCases } : {}), ...(exclusionCases.length > 0 ? { exclusionCases } : {}),
      kind: template.kind, title: template.title, source: template.source, acquired: { date: acquiredOn, ...template.acquired },
      ...(template.language ? { language: template.language } : {}), ...(template.description ? { description: template.description } : {}),
    })) continue;
    let holder = template.acquired.by;
    const steps = [
      ...template.custody.map((hand) => ['evidence.custody-transferred', hand] as const),
      ...template.verified.map((step) => ['evidence.verified', step] as const),
    ];
    for (const [type, data] of steps) {
      date = addDays(date, itemRng.int(3, 45));
      const event = type === 'evidence.custody-transferred'
        ? stream.add(type, date, { from: holder, to: (data as { to: string }).to, purpose: (data as { purpose: string }).purpose })
        : stream.add(type, date, { ...data });
      if (!event) break;
      if (type === 'evidence.custody-transferred') holder = (data as { to: string }).to;
    }
    yield* stream.events;
  }
}

/** The files to attach to a replica's items: which item, which file, dated as the item's registration. */
export function demoEvidenceFiles(registrations: readonly EventInput[]): { evidenceId: string; date: CalendarDate; file: DemoFile; capture?: { url: string; tool: string } }[] {
  return registrations.flatMap((event) => {
    const match = /^evidence\/BW-(\d{3})$/.exec(event.stream);
    const template = match ? EVIDENCE_TEMPLATES[Number(match[1]) - 1] : undefined;
    if (!template) return [];
    return template.files.map((file) => ({ evidenceId: event.stream.slice('evidence/'.length), date: event.date, file, ...(template.capture ? { capture: template.capture } : {}) }));
  });
}

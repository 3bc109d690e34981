/**
 * The demo's fictional witnesses (README, "Witnesses"): on a few criminal cases and one 1F file of each replica,
 * witnesses with their statements (witness-statement evidence items), some protected (Sv 226a ff.), some who returned
 * to Syria after the fall of the Assad regime (2024-12-08), and one who was unwilling to testify and whose country's
 * situation changed since — so that the risk lists are not empty. Every name here is invented.
 */
import { addDays, type CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { assignWitnessPseudonyms } from '../domain/rules/witness-pseudonym.js';
import type { CaseSightings, SeenCase } from './evidence-items.js';
import type { Rng } from './prng.js';
import { StreamBuilder, type DemoContext } from './stream-builder.js';

/** The demo's pseudonym key: fixed, so that the demo is the same on every run (a real installation keeps its own). */
const DEMO_PSEUDONYM_KEY = 'imketen-demo-witness-pseudonym-key';
const TIM = 'Team Internationale Misdrijven (politie)';
const IND = 'IND, unit 1F';

interface WitnessTemplate {
  slot: 'c0' | 'c1' | 'c2' | 'x0';
  name: string;
  /** Registered as a person of the registry (the others by name only). */
  person: boolean;
  country: string;
  protection?: 'anonymous' | 'threatened' | 'shielded';
  /** Availability changes: days after the statement, or a fixed date. */
  changes: { on: CalendarDate; status: 'returned' | 'unreachable' | 'unwilling' | 'willing' | 'available'; country?: string }[];
}

const TEMPLATES: readonly WitnessTemplate[] = [
  { slot: 'c0', name: 'Samira Demo-Getuige (fictief)', person: true, country: 'NLD', protection: 'threatened', changes: [{ on: '2025-02-10', status: 'returned', country: 'SYR' }] },
  { slot: 'c0', name: 'Karim Voorbeeld (fictief)', person: false, country: 'NLD', changes: [] },
  { slot: 'c1', name: 'Getuige Zonder Naam (fictief)', person: false, country: 'DEU', protection: 'anonymous', changes: [{ on: '2025-03-20', status: 'unreachable' }] },
  { slot: 'c1', name: 'Hassan Verzonnen (fictief)', person: true, country: 'SYR', changes: [{ on: '2023-05-02', status: 'unwilling' }] },
  { slot: 'c2', name: 'Leila Testpersoon (fictief)', person: false, country: 'TUR', protection: 'threatened', changes: [{ on: '2023-09-12', status: 'unwilling' }, { on: '2025-04-03', status: 'willing', country: 'SYR' }] },
  { slot: 'x0', name: 'Yusuf Proef (fictief)', person: false, country: 'SYR', protection: 'threatened', changes: [] },
];

/** Cases opened in this window get witnesses: heard before the fall of the regime. */
const ELIGIBLE: readonly [CalendarDate, CalendarDate] = ['2018-01-01', '2022-06-30'];

export function witnessId(index: number, replica: number): string {
  return `GT-${String(index + 1).padStart(3, '0')}${replica === 1 ? '' : `-R${replica}`}`;
}

export function* demoWitnesses(context: DemoContext, rng: Rng, seen: CaseSightings): Generator<EventInput> {
  const eligible = (cases: SeenCase[]) => rng.shuffle(cases.filter((c) => c.date >= ELIGIBLE[0] && c.date <= ELIGIBLE[1]));
  const slots = new Map<string, SeenCase>();
  eligible(seen.criminal).slice(0, 3).forEach((c, index) => slots.set(`c${index}`, c));
  eligible(seen.exclusion).slice(0, 1).forEach((c) => slots.set('x0', c));
  const replica = context.ids.replica;
  const codes = new Map<string, string>();
  for (const slot of ['c0', 'c1', 'c2', 'x0']) {
    const ids = TEMPLATES.flatMap((template, index) => (template.slot === slot ? [witnessId(index, replica)] : []));
    const seenCase = slots.get(slot);
    if (seenCase) for (const [id, code] of assignWitnessPseudonyms(seenCase.id, ids, DEMO_PSEUDONYM_KEY)) codes.set(id, code);
  }
  for (const [index, template] of TEMPLATES.entries()) {
    const seenCase = slots.get(template.slot);
    if (!seenCase) continue;
    const itemRng = rng.fork(index);
    const id = witnessId(index, replica);
    const caseField = template.slot.startsWith('x') ? { exclusionCase: seenCase.id } : { criminalCase: seenCase.id };
    const heardOn = addDays(seenCase.date, itemRng.int(30, 200));
    let person: string | undefined;
    if (template.person) {
      person = context.ids.nextPerson();
      const registered = new StreamBuilder(context, itemRng.fork('person'), 'person', person, seenCase.recordedAt);
      registered.add('person.registered', heardOn, { names: [template.name], nationalities: ['SYR'] });
      yield* registered.events;
    }
    const statement = new StreamBuilder(context, itemRng.fork('statement'), 'evidence', `BW-GT-${String(index + 1).padStart(3, '0')}${replica === 1 ? '' : `-R${replica}`}`, seenCase.recordedAt);
    statement.add('evidence.registered', heardOn, {
      ...(template.slot.startsWith('x') ? { exclusionCases: [seenCase.id] } : { criminalCases: [seenCase.id] }),
      kind: 'witness-statement', title: `Verklaring van getuige ${codes.get(id)} (fictief)`, source: { type: 'witness' },
      acquired: { date: heardOn, by: template.slot.startsWith('x') ? IND : TIM, method: 'interview' },
    });
    yield* statement.events;
    const witness = new StreamBuilder(context, itemRng.fork('witness'), 'witness', id, statement.recordedUntil);
    witness.add('witness.registered', heardOn, { ...caseField, ...(person ? { person } : { name: template.name }), pseudonym: codes.get(id)!, country: template.country });
    if (template.protection) witness.add('witness.protection-set', addDays(heardOn, 1), { measure: template.protection, decisionReference: `RC ${heardOn.slice(2, 4)}/${100 + index} (fictief)` });
    witness.add('witness.statement-linked', addDays(heardOn, 2), { evidence: statement.id });
    for (const change of template.changes) {
      witness.add('witness.availability-changed', change.on, { status: change.status, ...(change.country ? { country: change.country } : {}) });
    }
    yield* witness.events;
  }
}

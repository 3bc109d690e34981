/**
 * The demo's watchlist: a fictional signalling list ("demo-signaleringen"), so that a new user sees screening at
 * work at once — hits waiting for review, each with its explanation. A dozen entries are spellings of demo
 * persons that a foreign list might carry (another transliteration of each name part, the birth year only); the
 * rest are fictional persons of the demo's own name pools who are not in the registry. Nobody on it is real.
 */
import { importWatchlist } from '../screening/import-watchlist.js';
import { loadRegistryPersons } from '../screening/registry-persons.js';
import { reviewHits } from '../screening/review-hit.js';
import { screenRegistry, type RegistryScreeningSummary } from '../screening/screen-registry.js';
import type { Db } from '../store/db.js';
import { NAME_REGIONS, REGION_NAMES, type NameForms, type NameRegion } from './names.js';
import { sketchPerson } from './persons.js';
import { Rng } from './prng.js';

export const DEMO_WATCHLIST = 'demo-signaleringen';

/** A registry person as the demo watchlist reads it. */
export interface DemoListPerson { id: string; names: readonly string[]; birthDate: string | null; nationalities: readonly string[] }

interface ListLine { id: string; names: string[]; birthDates?: string[]; nationalities: string[] }

const FROM_REGISTRY = 12;
const FICTIONAL = 18;

/** Every Latin spelling of a name part, mapped to another spelling of the same name in the demo's pools. */
function otherSpellings(): Map<string, string> {
  const other = new Map<string, string>();
  const add = (forms: NameForms) => forms.latin.forEach((spelling, index) => {
    if (forms.latin.length > 1) other.set(spelling, forms.latin[(index + 1) % forms.latin.length]!);
  });
  for (const region of Object.values(NAME_REGIONS)) {
    [...region.given.male, ...region.given.female, ...region.family].forEach(add);
  }
  return other;
}

/** The name as another list would spell it, or undefined when no part has another spelling. */
function respelled(name: string, spellings: Map<string, string>): string | undefined {
  const parts = name.split(' ');
  const changed = parts.map((part) => spellings.get(part) ?? part);
  return changed.some((part, index) => part !== parts[index]) ? changed.join(' ') : undefined;
}

/**
 * The list's entries as JSON Lines. `persons` are the registry's persons (any order): every so many, by id, one is
 * put on the list in another spelling, so the registry's screening against the list raises real hits. `sources`
 * says which registry person each such entry was made from (for tests; the list itself does not say).
 */
export function demoWatchlist(persons: readonly DemoListPerson[]): { jsonl: string; sources: Map<string, string> } {
  const spellings = otherSpellings();
  const lines: ListLine[] = [];
  const sources = new Map<string, string>();
  const sorted = [...persons].sort((a, b) => a.id.localeCompare(b.id));
  const step = Math.max(1, Math.floor(sorted.length / (FROM_REGISTRY * 2)));
  for (let index = 0; index < sorted.length && lines.length < FROM_REGISTRY; index += step) {
    const person = sorted[index]!;
    const name = person.names[0] && respelled(person.names[0], spellings);
    if (!name) continue;
    const id = entryId(lines.length);
    sources.set(id, person.id);
    lines.push({
      id, names: [name],
      ...(person.birthDate ? { birthDates: [person.birthDate.slice(0, 4)] } : {}), nationalities: [...person.nationalities],
    });
  }
  const rng = new Rng('demo-watchlist');
  for (let index = 0; index < FICTIONAL; index++) {
    const draw = rng.fork(index);
    const region = draw.pick(REGION_NAMES);
    const sketch = sketchPerson(draw, region, { born: [1950, 1990] });
    const ending = sketch.gender === 'female' ? (NAME_REGIONS[region] as NameRegion).feminineFamilyEnding?.latin ?? '' : '';
    lines.push({
      id: entryId(lines.length),
      names: [[sketch.given, ...(sketch.fathersName ? [sketch.fathersName] : []), sketch.family].map((forms) => forms.latin[0]).join(' ') + ending],
      ...(sketch.birthDate ? { birthDates: [sketch.birthDate] } : {}), nationalities: sketch.nationalities,
    });
  }
  return { jsonl: lines.map((line) => JSON.stringify(line)).join('\n') + '\n', sources };
}

/** The fictional entries whose hits are left open, as doubts for the reviewer (the others' hits were rejected). */
const FICTIONAL_LEFT_OPEN = 2;
/** Who rejected the demo's evident mismatches, and why (recorded with each decision). */
const DEMO_REVIEWER = 'demo-screeningsteam';
const MISMATCH = 'Andere persoon: alleen een veelvoorkomende naam komt overeen; geboortedatum en herkomst wijken af (demo).';

/**
 * Imports the demo watchlist (a new version only when it changed) and screens the whole registry against it. A
 * working day does not start with some sixty fresh hits: of the hits this screening raises, those of an entry on a
 * person other than the one it was made from (a common name shared by several demo persons) and those of the
 * fictional entries are rejected at once by the demo's screening team, with the reason, except the hits of the first
 * FICTIONAL_LEFT_OPEN fictional entries. So a dozen true hits and a few doubtful ones wait for review, and the
 * screening page shows rejected hits too.
 */
export async function loadDemoWatchlist(db: Db, now: () => Date): Promise<RegistryScreeningSummary & { rejected: number }> {
  const persons = await loadRegistryPersons(db, {}, now());
  const { jsonl, sources } = demoWatchlist(persons);
  const bytes = new TextEncoder().encode(jsonl);
  await importWatchlist(db, [{ name: `${DEMO_WATCHLIST}.jsonl`, bytes }], { name: DEMO_WATCHLIST, format: 'jsonl', now });
  const summary = await screenRegistry(db, { list: DEMO_WATCHLIST, by: 'demo', now });
  const leftOpen = new Set(Array.from({ length: FICTIONAL_LEFT_OPEN }, (_, index) => entryId(FROM_REGISTRY + index)));
  const evident = summary.raised.filter((hit) => {
    const source = hit.counterpart === null ? undefined : sources.get(hit.counterpart);
    return source === undefined ? !leftOpen.has(hit.counterpart ?? '') : source !== hit.personId;
  });
  const rejected = await reviewHits(db, evident.map((hit) => ({ hitId: hit.id, decision: 'rejected' as const, reason: MISMATCH, by: DEMO_REVIEWER, now })));
  return { ...summary, rejected };
}

function entryId(index: number): string {
  return `DEMO-SIG-${String(index + 1).padStart(3, '0')}`;
}

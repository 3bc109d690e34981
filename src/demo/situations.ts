/**
 * The situations the demo's cases are about: where the alleged conduct took place, when, and which crimes.
 * Conduct before 2003-10-01 is common on purpose (Afghanistan in the 1980s, Rwanda 1994, Iraq before 2003):
 * rule R1 has something to flag, and many 1F exclusions can never become criminal cases.
 */
import type { Offence } from '../domain/events/fields.js';
import type { RegionName } from './names.js';
import type { Rng } from './prng.js';

/** One kind of conduct in a situation, e.g. torture in detention from 2011 to 2018. */
interface Conduct {
  offence: Offence;
  /** The first and last year an act of this kind may start. */
  years: readonly [first: number, last: number];
  /** The longest an act lasts, in years; 0 for acts on one day or in one month. */
  lastsUpTo: number;
  /** The months an act may start in, when the conduct was that short (the genocide in Rwanda: April to July). */
  months?: readonly [first: number, last: number];
}

export interface Situation {
  /** As the case file writes it, e.g. "Syria". */
  name: string;
  /** Where the persons of this situation come from (names, nationality). */
  region: RegionName;
  /** Where the acts took place, ISO 3166-1 alpha-3. */
  country: string;
  conduct: readonly Conduct[];
}

const conduct = (offence: Offence, first: number, last: number, lastsUpTo = 2, months?: readonly [number, number]): Conduct =>
  months === undefined ? { offence, years: [first, last], lastsUpTo } : { offence, years: [first, last], lastsUpTo, months };

export const SITUATIONS = {
  syria: {
    name: 'Syria',
    region: 'syria',
    country: 'SYR',
    conduct: [
      conduct('war-crimes', 2012, 2019),
      conduct('crimes-against-humanity', 2011, 2016, 4),
      conduct('torture', 2011, 2018, 3),
      conduct('terrorism', 2013, 2018),
    ],
  },
  iraq: {
    name: 'Iraq',
    region: 'iraq',
    country: 'IRQ',
    conduct: [
      conduct('genocide', 2014, 2015, 1),
      conduct('crimes-against-humanity', 2014, 2017),
      conduct('war-crimes', 2014, 2017),
      conduct('torture', 1985, 2002, 6),
      conduct('crimes-against-humanity', 1987, 1991, 2),
    ],
  },
  rwanda: {
    name: 'Rwanda',
    region: 'rwanda',
    country: 'RWA',
    conduct: [conduct('genocide', 1994, 1994, 0, [4, 7]), conduct('crimes-against-humanity', 1994, 1994, 0, [4, 7])],
  },
  afghanistan: {
    name: 'Afghanistan',
    region: 'afghanistan',
    country: 'AFG',
    conduct: [
      conduct('torture', 1980, 1991, 6),
      conduct('war-crimes', 1979, 1989, 5),
      conduct('crimes-against-humanity', 1983, 1990, 5),
      conduct('war-crimes', 1996, 2001, 3),
    ],
  },
  ukraine: {
    name: 'Ukraine',
    region: 'russia',
    country: 'UKR',
    conduct: [conduct('war-crimes', 2022, 2024, 1), conduct('torture', 2022, 2023, 1), conduct('war-crimes', 2014, 2015, 1)],
  },
  'sri-lanka': {
    name: 'Sri Lanka',
    region: 'sri-lanka',
    country: 'LKA',
    conduct: [conduct('terrorism', 2003, 2009, 5), conduct('war-crimes', 2006, 2009, 3)],
  },
  liberia: {
    name: 'Liberia',
    region: 'liberia',
    country: 'LBR',
    conduct: [conduct('war-crimes', 1999, 2003, 4), conduct('crimes-against-humanity', 1990, 2002, 3)],
  },
  ethiopia: {
    name: 'Ethiopia',
    region: 'ethiopia',
    country: 'ETH',
    conduct: [conduct('war-crimes', 1977, 1978, 1), conduct('torture', 1977, 1979, 2), conduct('war-crimes', 2020, 2022, 2)],
  },
  eritrea: {
    name: 'Eritrea',
    region: 'eritrea',
    country: 'ERI',
    conduct: [conduct('torture', 2005, 2019, 4), conduct('crimes-against-humanity', 2008, 2018, 5)],
  },
  iran: {
    name: 'Iran',
    region: 'iran',
    country: 'IRN',
    conduct: [conduct('crimes-against-humanity', 1981, 1988, 3), conduct('torture', 2009, 2012, 2)],
  },
} as const satisfies Record<string, Situation>;

export type SituationName = keyof typeof SITUATIONS;

export function situation(name: SituationName): Situation {
  return SITUATIONS[name];
}

/** One alleged act as docs/domain.md §5 writes it. */
export interface Act {
  offence: Offence;
  from: string;
  until?: string;
  country?: string;
}

/**
 * One or two alleged acts of the situation, with dates at the precision a file would know them, none after
 * `notAfterYear` (the year of the decision or the case that names them). Empty when the situation had no such
 * conduct yet by then.
 */
export function allegedActs(rng: Rng, name: SituationName, notAfterYear: number): Act[] {
  const { conduct: kinds, country } = situation(name);
  const possible = kinds.filter((kind) => kind.years[0] <= notAfterYear);
  if (possible.length === 0) return [];
  const first = rng.pick(possible);
  const chosen = rng.chance(0.35) ? [first, rng.pick(possible)] : [first];
  return [...new Map(chosen.map((kind) => [kind.offence, kind])).values()].map((kind) => {
    const fromYear = rng.int(kind.years[0], Math.min(kind.years[1], notAfterYear));
    const act: Act = { offence: kind.offence, from: partialDate(rng, fromYear, kind.months ?? [1, 12]), country };
    const longest = Math.min(kind.lastsUpTo, notAfterYear - fromYear);
    if (longest > 0 && rng.chance(0.6)) act.until = String(fromYear + rng.int(1, longest));
    return act;
  });
}

function partialDate(rng: Rng, year: number, [firstMonth, lastMonth]: readonly [number, number]): string {
  const precision = rng.float();
  const month = String(rng.int(firstMonth, lastMonth)).padStart(2, '0');
  if (precision < 0.5) return String(year);
  if (precision < 0.85) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** The offence codes of a list of acts, each once. */
export function offencesOf(acts: readonly Act[]): Offence[] {
  return [...new Set(acts.map((act) => act.offence))];
}

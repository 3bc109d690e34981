/**
 * The naming tradition of a listed person, for reporting the held-out evaluation per tradition. In order:
 * 1. the person's countries in the OFAC remarks: nationality, then citizenship, then the country of the place of
 *    birth (the last comma-separated part of "POB ..."), the first that maps to a tradition;
 * 2. the name itself: Korean syllables, Russian patronymics and surname endings, Arabic particles and common
 *    Arabic/Persian names, Spanish double surnames and endings (see `byName`);
 * 3. the sanctions programme (DPRK → Korean, SYRIA/IRAQ/LIBYA → Arabic, IRAN → Persian, UKRAINE/RUSSIA/BELARUS →
 *    Russian, SDNT/SDNTK → Spanish);
 * otherwise 'other'. A heuristic, good enough to see where the matcher is weak, not a fact about a person.
 */
import { toCountryCode } from '../../src/matching/countries.js';

export const TRADITIONS = ['Arabic', 'Persian/Pashto', 'Russian/Central Asian', 'Korean', 'Chinese', 'Latin European', 'Spanish/Portuguese', 'other'] as const;
export type Tradition = (typeof TRADITIONS)[number];

const BY_COUNTRY: ReadonlyArray<readonly [Tradition, string]> = [
  ['Arabic', 'SYR IRQ LBN JOR EGY SAU YEM LBY TUN DZA MAR SDN ARE QAT KWT BHR OMN PSE MRT'],
  ['Persian/Pashto', 'IRN AFG PAK'],
  ['Russian/Central Asian', 'RUS UKR BLR KAZ UZB KGZ TJK TKM AZE MDA GEO ARM'],
  ['Korean', 'PRK KOR'],
  ['Chinese', 'CHN TWN HKG MAC'],
  ['Spanish/Portuguese', 'MEX COL VEN ESP PRT BRA ARG PER ECU PAN CUB NIC GTM HND SLV BOL CHL PRY URY DOM CRI'],
  ['Latin European', 'GBR IRL FRA DEU NLD BEL LUX ITA CHE AUT DNK SWE NOR FIN ISL POL CZE SVK HUN ROU BGR SRB HRV BIH SVN MNE MKD ALB XKX GRC CYP MLT LVA LTU EST USA CAN AUS NZL'],
];
const COUNTRY_TRADITION = new Map<string, Tradition>(BY_COUNTRY.flatMap(([tradition, codes]) => codes.split(' ').map((code) => [code, tradition] as const)));

const BY_PROGRAM: ReadonlyArray<readonly [RegExp, Tradition]> = [
  [/DPRK/, 'Korean'], [/SYRIA|IRAQ|LIBYA|LEBANON/, 'Arabic'], [/IRAN|IRGC/, 'Persian/Pashto'],
  [/UKRAINE|RUSSIA|BELARUS|CAATSA/, 'Russian/Central Asian'], [/SDNTK?\b/, 'Spanish/Portuguese'],
];

/** Countries named in OFAC remarks, in the order of preference (nationality, citizenship, place of birth). */
export function remarkCountries(remarks: string): string[] {
  const found: string[] = [];
  for (const pattern of [/\bnationality ([^;.]+)/g, /\bcitizen ([^;.]+)/g, /\bPOB ([^;]+)/g]) {
    for (const match of remarks.matchAll(pattern)) {
      const text = (match[1] ?? '').trim();
      const last = pattern.source.includes('POB') ? (text.split(',').pop() ?? '') : text;
      const code = toCountryCode(last.replace(/\.$/, ''));
      if (code) found.push(code);
    }
  }
  return found;
}

const KOREAN_SYLLABLE = /^(?:kim|ri|yi|lee|pak|park|choe|choi|jong|jang|han|kang|paek|hwang|o|yun|so|sin|kwon|ryu|chon|jon|mun|song|hyon|ko|cha|chang|ju|chu|nam|no|rim|ryom|kye|yong|chol|il|su|sok|hyok|chun|myong|ho|nam|hui|gyu|kyu|sun|hak|gwang|kwang|man|yon|ung|chae|tae|dok|u|ok|chil|sam|song|hong)$/;

function byName(name: string): Tradition | undefined {
  const words = name.toLowerCase().replace(/[^a-z' -]/g, ' ').split(/[\s,-]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length >= 2 && words.every((word) => KOREAN_SYLLABLE.test(word))) return 'Korean';
  if (words.some((word) => /(ovich|evich|ovna|evna|ogly|kyzy)$/.test(word)) || words.some((word) => /^[a-z]{3,}(ov|ev|ova|eva|in|ina|enko|sky|skiy|skaya)$/.test(word))) return 'Russian/Central Asian';
  if (words.some((word) => /^(al|el|bin|ibn|abu|abd|abdul|abdel|abdallah|muhammad|mohammed|mohamed|ahmad|ahmed|ali|hassan|husayn|hussein|khalid|said|salih|saleh|umar|omar)$/.test(word))) return 'Arabic';
  if (words.some((word) => /^(mohammad|gholam|hossein|reza|mahmoud|akbar|javad|mehdi|seyed|sayed|khan|mullah|mawlawi|haji|zadeh|ullah)$/.test(word) || /(zadeh|ullah|zai|khel)$/.test(word))) return 'Persian/Pashto';
  if (words.some((word) => /^[a-z]{3,}(ez|es)$/.test(word)) || words.includes('de') || words.includes('del')) return 'Spanish/Portuguese';
  return undefined;
}

/** The tradition of a person from the remarks, names and programme of an OFAC SDN row. */
export function traditionOf(remarks: string, names: readonly string[], program: string): Tradition {
  for (const code of remarkCountries(remarks)) {
    const tradition = COUNTRY_TRADITION.get(code);
    if (tradition) return tradition;
  }
  for (const name of names) {
    const tradition = byName(name);
    if (tradition) return tradition;
  }
  for (const [pattern, tradition] of BY_PROGRAM) if (pattern.test(program)) return tradition;
  return 'other';
}

/**
 * Word lists of the matcher: name particles, titles, legal forms, stop words, number words. Matching policy is
 * data, reviewed like code and kept in this one place. All entries are lower-case ASCII, as tokens look after
 * `romanize` (src/matching/normalize.ts); Cyrillic and Arabic forms are transliterated before lookup.
 */

/**
 * The Arabic definite article as it is written in Latin script, including the assimilated forms before the
 * "sun letters" (ad-Din, ar-Rahman, as-Sayyid, ash-Shami, ...), and the Urdu/Persian connective "ul"/"ud".
 * A name part that is only an article carries almost no identity: "al-Hassan" = "Hassan" = "El Hassan".
 */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'ol', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ud', 'ur', 'us', 'ut', 'ed', 'er', 'es', 'et', 'ez', 'en',
]);

/**
 * Patronymic connectors: "son/daughter of". They are equivalent to each other across transliterations
 * (bin = ibn = ben = ould) and say that the next part is the father's name (used to spot a father/son swap).
 */
export const PATRONYMIC_CONNECTORS: ReadonlySet<string> = new Set([
  'bin', 'ibn', 'ben', 'bn', 'ould', 'uld', 'wuld', 'bint', 'binti', 'binte', 'bte',
]);

/** Other particles that are part of a name but weigh little on their own (kunya "abu", European nobiliary particles). */
export const MINOR_PARTICLES: ReadonlySet<string> = new Set([
  'abu', 'abou', 'abo', 'aboo', 'umm', 'um', 'oum',
  'van', 'von', 'der', 'den', 'de', 'di', 'da', 'du', 'del', 'della', 'dos', 'das', 'do', 'le', 'la', 'zu', 'ter', 'ten', 'wa', 'na', 'y',
]);

/**
 * Forms of "'Abd" (servant of) that start a theophoric compound: 'Abd al-Rahman is written "Abdul Rahman",
 * "Abdel Rahman", "Abd-al-Rahman", "Abdurrahman", "Abdulrahman"... All of them become one part "abd" + name.
 */
export const ABD_FORMS: ReadonlySet<string> = new Set([
  'abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdoul', 'abdou', 'abdu', 'abdur', 'abdus', 'abdel', 'abdoel',
]);

/** Titles, ranks and honorifics: shown in explanations but almost weightless ("Dr. Rami Makhlouf" = "Rami Makhlouf"). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mister', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'praesident', 'prasident', 'presidente', 'premier', 'minister', 'general', 'gen', 'colonel', 'col',
  'brigadier', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'admiral', 'marshal',
  'sheikh', 'shaikh', 'shaykh', 'sheik', 'cheikh', 'cheik', 'shaik', 'haji', 'hajji', 'hadji', 'hajj', 'alhaji', 'alhaj', 'alhajj',
  'mullah', 'mulla', 'molla', 'mollah', 'mawlawi', 'maulavi', 'maulvi', 'mawlavi', 'moulavi', 'mowlawi', 'maulana', 'mawlana',
  'mufti', 'qari', 'imam', 'ayatollah', 'hojatoleslam',
  'monsieur', 'madame', 'mme', 'mlle', 'herr', 'frau', 'senor', 'senora', 'sr', 'sra', 'jr', 'snr', 'jnr', 'hon', 'rev', 'eng', 'engineer',
]);

/** Stop words of organisation names. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'and', 'und', 'et', 'for', 'in']);

/**
 * Legal forms of organisations, mapped to one code so that "Aktiengesellschaft" = "AG" and "Limited" = "Ltd".
 * Multi-word forms are written with spaces and matched on whole tokens (longest first). A legal form says little
 * about identity: it is weighted low, and a different form is a weak disagreement.
 */
export const LEGAL_FORMS: ReadonlyMap<string, string> = new Map([
  ['ag', 'ag'], ['aktiengesellschaft', 'ag'], ['akg', 'ag'],
  ['gmbh', 'gmbh'], ['gesellschaft mit beschrankter haftung', 'gmbh'], ['g m b h', 'gmbh'],
  ['ltd', 'ltd'], ['limited', 'ltd'],
  ['llc', 'llc'], ['l l c', 'llc'], ['limited liability company', 'llc'],
  ['inc', 'inc'], ['incorporated', 'inc'],
  ['corp', 'corp'], ['corporation', 'corp'],
  ['co', 'co'], ['company', 'co'], ['compan', 'co'],
  ['plc', 'plc'], ['p l c', 'plc'], ['public limited company', 'plc'],
  ['sa', 'sa'], ['s a', 'sa'], ['sarl', 'sarl'], ['s a r l', 'sarl'], ['sas', 'sas'], ['s a s', 'sas'],
  ['srl', 'srl'], ['s r l', 'srl'], ['societatea cu raspundere limitata', 'srl'], ['sl', 'sl'], ['s l', 'sl'],
  ['spa', 'spa'], ['s p a', 'spa'], ['sa de cv', 'sadecv'], ['s a de c v', 'sadecv'], ['de cv', 'sadecv'],
  ['bv', 'bv'], ['b v', 'bv'], ['nv', 'nv'], ['n v', 'nv'], ['bvba', 'bvba'], ['b v b a', 'bvba'],
  ['sp z o o', 'spzoo'], ['spzoo', 'spzoo'],
  ['ooo', 'ooo'], ['o o o', 'ooo'], ['obshchestvo s ogranichennoy otvetstvennostyu', 'ooo'], ['tov', 'ooo'],
  ['jsc', 'jsc'], ['joint stock company', 'jsc'], ['ao', 'jsc'], ['aktsionernoe obshchestvo', 'jsc'],
  ['ojsc', 'ojsc'], ['oao', 'ojsc'], ['open joint stock company', 'ojsc'],
  ['cjsc', 'cjsc'], ['zao', 'cjsc'], ['closed joint stock company', 'cjsc'],
  ['pjsc', 'pjsc'], ['pao', 'pjsc'], ['public joint stock company', 'pjsc'],
  ['ano', 'ano'], ['lp', 'lp'], ['l p', 'lp'], ['llp', 'llp'], ['l l p', 'llp'], ['pte', 'pte'], ['pty', 'pty'],
  ['kg', 'kg'], ['ab', 'ab'], ['a s', 'as'], ['oy', 'oy'], ['se', 'se'], ['pt', 'pt'], ['p t', 'pt'], ['na', 'na'], ['n a', 'na'],
]);

/**
 * Families of legal forms that lists use for one another: Russian joint-stock forms (JSC, OAO/OJSC, ZAO/CJSC,
 * PAO/PJSC); share companies (AG, SA, NV, plc, SE); limited-liability companies (GmbH, LLC, Ltd, OOO, SARL, SRL,
 * BV, Sp. z o.o., ...). "Company", "Corporation", "Incorporated" fit any. Forms of different families say that
 * two names are two different organisations ("Deutsche Bank AG" / "Deutsche Bank GmbH").
 */
export const LEGAL_FORM_FAMILIES: ReadonlyMap<string, string> = new Map([
  ['jsc', 'jsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'], ['pjsc', 'jsc'],
  ['ag', 'share'], ['sa', 'share'], ['nv', 'share'], ['plc', 'share'], ['se', 'share'], ['spa', 'share'], ['sadecv', 'share'], ['ab', 'share'], ['as', 'share'], ['oy', 'share'],
  ['gmbh', 'limited'], ['llc', 'limited'], ['ltd', 'limited'], ['ooo', 'limited'], ['sarl', 'limited'], ['srl', 'limited'], ['bv', 'limited'],
  ['spzoo', 'limited'], ['sl', 'limited'], ['bvba', 'limited'], ['pty', 'limited'], ['pte', 'limited'], ['sas', 'limited'],
  ['co', 'any'], ['corp', 'any'], ['inc', 'any'],
]);

/** The longest legal form in tokens, to bound the phrase search. */
export const LONGEST_LEGAL_FORM = Math.max(...[...LEGAL_FORMS.keys()].map((form) => form.split(' ').length));

/** Number words, so that "Brigade Forty-Four" = "Brigade 44" and "First International" = "1st International". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4], ['5th', 5],
  ['ii', 2], ['iii', 3], ['iv', 4], ['vi', 6], ['vii', 7], ['viii', 8], ['ix', 9], ['xii', 12], ['xiii', 13], ['xiv', 14], ['xv', 15], ['xx', 20],
]);

/** Common English/Latin-script abbreviations of organisation words. */
export const WORD_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['intl', 'international'], ['int', 'international'], ['natl', 'national'], ['dept', 'department'], ['univ', 'university'],
  ['assn', 'association'], ['bros', 'brothers'], ['mfg', 'manufacturing'],
]);

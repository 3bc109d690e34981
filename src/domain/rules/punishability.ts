/**
 * R1, temporal scope (docs/domain.md §3): an international crime can be prosecuted in the Netherlands only if a Dutch law
 * made it punishable when it was committed. The WIM applies to acts from 2003-10-01; older acts fall under older
 * laws where there were any (war crimes: WOS; genocide; torture), and crimes against humanity before 2003-10-01
 * cannot be prosecuted at all. An enforced disappearance is a crime of its own only since WIM art. 8a (Act of
 * 4 November 2010); before that it is punishable only as a crime against humanity (art. 4), i.e. when it was part
 * of a widespread or systematic attack against a civilian population. A 1F exclusion knows no such limit, which is
 * why many 1F cases can never become criminal cases. The dates are configuration (config/rules.json); this file
 * holds the reasoning.
 */
import { parsePartialDate } from '../dates.js';
import type { Offence } from '../events/fields.js';
import { regimesOf } from './rule-config.js';
import type { Bilingual, Regime, RuleConfig } from './rule-config.js';

/** An alleged act as in event data (`acts`): the offence and when, at any precision. */
export interface ActInput {
  offence: Offence;
  from: string;
  until?: string;
  country?: string;
  /**
   * Whether the act was part of a widespread or systematic attack against a civilian population: decides an
   * offence that was punishable only as a crime against humanity at the time (a regime with `onlyAs`). Unknown
   * when absent, as in event data today.
   */
  partOfAttack?: boolean;
}

export type Punishable = 'yes' | 'no' | 'uncertain';

export interface ApplicableLaw {
  id: string;
  name: Bilingual;
  article: string | null;
  from: string;
  /** Set when the act was punishable then only as this other offence (e.g. as a crime against humanity). */
  onlyAs?: Offence;
}

export interface ActAssessment {
  act: ActInput;
  punishable: Punishable;
  /** The law that made the act punishable when committed; null when none did or it is uncertain. */
  law: ApplicableLaw | null;
  reason: Bilingual;
}

/** R1 for one act: was it punishable in the Netherlands at the time? */
export function assessAct(act: ActInput, config: RuleConfig): ActAssessment {
  const regimes = regimesOf(config, act.offence);
  const conditional = regimes.filter((regime) => regime.onlyAs !== undefined);
  if (conditional.length === 0) return assessUnder(act, regimes, config);
  return assessWithConditionalRegimes(act, regimes.filter((regime) => regime.onlyAs === undefined), conditional, config);
}

/** R1 against the regimes under which the offence is punishable as itself. */
function assessUnder(act: ActInput, regimes: readonly Regime[], config: RuleConfig): ActAssessment {
  const first = regimes[0];
  if (!first) {
    return {
      act,
      punishable: 'uncertain',
      law: null,
      reason: {
        nl: `R1 stelt geen tijdsgrens voor ${act.offence}: beoordeel de strafbaarheid naar het commune strafrecht.`,
        en: `R1 sets no temporal limit for ${act.offence}: assess punishability under ordinary criminal law.`,
      },
    };
  }
  const start = parsePartialDate(act.from);
  const end = parsePartialDate(act.until ?? act.from);
  if (!start || !end) {
    return {
      act,
      punishable: 'uncertain',
      law: null,
      reason: { nl: `De pleegdatum is onleesbaar: ${act.from}.`, en: `The date of the act cannot be read: ${act.from}.` },
    };
  }

  const punishableFrom = first.from;
  const when = describePeriod(act);
  // The act is not punishable if even its last possible day lies before the first law.
  if (end.latest < punishableFrom) return notPunishable(act, first, punishableFrom, when, config);
  // Some conduct certainly happened on or after the in-force date: that part is punishable.
  if (end.earliest >= punishableFrom) {
    const startsBefore = start.earliest < punishableFrom;
    const regime = regimeOn(regimes, startsBefore ? punishableFrom : start.earliest);
    const law = applicableLaw(regime, config);
    const later = regimeOn(regimes, end.earliest);
    const change = later !== regime ? lawChange(later, config) : { nl: '', en: '' };
    const part = startsBefore
      ? { nl: ` Alleen het handelen vanaf ${punishableFrom} is strafbaar.`, en: ` Only the conduct from ${punishableFrom} onwards is punishable.` }
      : { nl: '', en: '' };
    return {
      act,
      punishable: 'yes',
      law,
      reason: {
        nl: `${capitalise(when.nl)} was strafbaar onder de ${law.name.nl}${articleText(law)} (van kracht sinds ${law.from}).${part.nl}${change.nl}`,
        en: `${capitalise(when.en)} was punishable under the ${law.name.en}${articleText(law)} (in force since ${law.from}).${part.en}${change.en}`,
      },
    };
  }
  // The last day of the act is only known as a year or month that straddles the in-force date.
  const law = applicableLaw(first, config);
  const known = act.until ?? act.from;
  return {
    act,
    punishable: 'uncertain',
    law: null,
    reason: {
      nl: `De datum ${known} valt deels vóór en deels na ${punishableFrom}, de inwerkingtreding van de ${law.name.nl}${articleText(law)}: stel de pleegdatum nauwkeuriger vast.`,
      en: `The date ${known} falls partly before and partly after ${punishableFrom}, when the ${law.name.en}${articleText(law)} came into force: establish the date of the act more precisely.`,
    },
  };
}

/**
 * An offence that was punishable as itself only from a later law, and before that only as another offence (an
 * enforced disappearance before WIM art. 8a: only as a crime against humanity, art. 4). Conduct on or after the
 * later law's date settles it; otherwise it depends on whether the act was part of a widespread or systematic
 * attack, which the registry often does not know: then the answer is uncertain and says what to establish.
 */
function assessWithConditionalRegimes(act: ActInput, own: readonly Regime[], conditional: readonly Regime[], config: RuleConfig): ActAssessment {
  const asOwn = own.length > 0 ? assessUnder(act, own, config) : undefined;
  const ownLaw = own[0] ? applicableLaw(own[0], config) : undefined;
  const onlyAs = conditional[0]?.onlyAs as Offence;
  const conditionalLaw = applicableLaw(conditional[0] as Regime, config);
  const before: Bilingual = ownLaw
    ? {
        nl: `Vóór ${ownLaw.from} (${ownLaw.name.nl}${articleText(ownLaw)}) was ${act.offence} alleen strafbaar als ${onlyAs} (${conditionalLaw.article ?? conditionalLaw.name.nl}): als onderdeel van een wijdverbreide of stelselmatige aanval gericht tegen een burgerbevolking.`,
        en: `Before ${ownLaw.from} (${ownLaw.name.en}${articleText(ownLaw)}) ${act.offence} was punishable only as ${onlyAs} (${conditionalLaw.article ?? conditionalLaw.name.en}): as part of a widespread or systematic attack directed against a civilian population.`,
      }
    : {
        nl: `${act.offence} is alleen strafbaar als ${onlyAs}: als onderdeel van een wijdverbreide of stelselmatige aanval gericht tegen een burgerbevolking.`,
        en: `${act.offence} is punishable only as ${onlyAs}: as part of a widespread or systematic attack directed against a civilian population.`,
      };
  if (asOwn?.punishable === 'yes') {
    const startsBefore = (parsePartialDate(act.from)?.earliest ?? '') < (ownLaw?.from ?? '');
    if (!startsBefore) return asOwn;
    return { ...asOwn, reason: { nl: `${asOwn.reason.nl} ${before.nl}`, en: `${asOwn.reason.en} ${before.en}` } };
  }
  const asOther = assessUnder(act, conditional, config);
  // An unreadable date: the answer of either regime says so.
  if (!parsePartialDate(act.from) || !parsePartialDate(act.until ?? act.from)) return asOther;
  // Not punishable even as the other offence (before its own in-force date), and not under the later law either.
  if (asOther.punishable === 'no') return asOwn?.punishable === 'uncertain' ? asOwn : { ...asOther, reason: { nl: `${asOther.reason.nl} ${before.nl}`, en: `${asOther.reason.en} ${before.en}` } };
  const straddles = asOwn?.punishable === 'uncertain' ? { nl: ` ${asOwn.reason.nl}`, en: ` ${asOwn.reason.en}` } : { nl: '', en: '' };
  if (act.partOfAttack === false) {
    if (straddles.en) return asOwn as ActAssessment;
    return {
      act,
      punishable: 'no',
      law: null,
      reason: { nl: `${before.nl} Dit feit was dat niet: het was toen in Nederland niet strafbaar.`, en: `${before.en} This act was not: it was not punishable in the Netherlands then.` },
    };
  }
  if (act.partOfAttack === true && asOther.punishable === 'yes') {
    // Part of an attack: punishable as the other offence before the later law, and under the later law after it.
    const law: ApplicableLaw = { ...(asOther.law as ApplicableLaw), onlyAs };
    return { act, punishable: 'yes', law, reason: { nl: `${asOther.reason.nl} ${before.nl} Dit feit was dat.`, en: `${asOther.reason.en} ${before.en} This act was.` } };
  }
  const dateToo = asOther.punishable === 'uncertain' ? { nl: ` ${asOther.reason.nl}`, en: ` ${asOther.reason.en}` } : { nl: '', en: '' };
  return {
    act,
    punishable: 'uncertain',
    law: null,
    reason: {
      nl: `${before.nl} Stel vast of dit feit daarvan deel uitmaakte; zo niet, dan was het niet strafbaar.${straddles.nl}${dateToo.nl}`,
      en: `${before.en} Establish whether this act was; if not, it was not punishable.${straddles.en}${dateToo.en}`,
    },
  };
}

export function assessActs(acts: readonly ActInput[], config: RuleConfig): ActAssessment[] {
  return acts.map((act) => assessAct(act, config));
}

export interface ProsecutionAssessment {
  /** 'yes' when no act was punishable at the time, 'no' when at least one was, 'uncertain' otherwise. */
  cannotBeProsecuted: Punishable;
  reason: Bilingual;
  acts: ActAssessment[];
}

/**
 * R1 for a person or case: can the alleged acts, taken together, not be prosecuted in the Netherlands because
 * of when they were committed? This is the temporal scope only: jurisdiction (WIM art. 2) is a separate question.
 */
export function personCannotBeProsecuted(acts: readonly ActInput[], config: RuleConfig): ProsecutionAssessment {
  const assessed = assessActs(acts, config);
  if (assessed.length === 0) {
    return {
      cannotBeProsecuted: 'uncertain',
      reason: { nl: 'Er zijn geen feiten met een pleegdatum vastgelegd.', en: 'No acts with a date have been recorded.' },
      acts: assessed,
    };
  }
  const punishable = assessed.filter((assessment) => assessment.punishable === 'yes').length;
  const uncertain = assessed.filter((assessment) => assessment.punishable === 'uncertain').length;
  if (punishable > 0) {
    return {
      cannotBeProsecuted: 'no',
      reason: {
        nl: `${punishable} van de ${assessed.length} feiten was strafbaar ten tijde van het feit (R1); rechtsmacht (WIM art. 2) is een aparte vraag.`,
        en: `${punishable} of ${assessed.length} acts were punishable when committed (R1); jurisdiction (WIM art. 2) is a separate question.`,
      },
      acts: assessed,
    };
  }
  if (uncertain > 0) {
    return {
      cannotBeProsecuted: 'uncertain',
      reason: {
        nl: `Geen feit was zeker strafbaar ten tijde van het feit; bij ${uncertain} feit(en) is dat onzeker (R1).`,
        en: `No act was certainly punishable when committed; for ${uncertain} act(s) it is uncertain (R1).`,
      },
      acts: assessed,
    };
  }
  return {
    cannotBeProsecuted: 'yes',
    reason: {
      nl: 'Geen van de feiten was in Nederland strafbaar ten tijde van het feit: vervolging is niet mogelijk (R1). Een 1F-tegenwerping kent die grens niet.',
      en: 'None of the acts was punishable in the Netherlands when committed: prosecution is not possible (R1). A 1F exclusion has no such limit.',
    },
    acts: assessed,
  };
}

function notPunishable(act: ActInput, first: Regime, punishableFrom: string, when: Bilingual, config: RuleConfig): ActAssessment {
  const law = applicableLaw(first, config);
  return {
    act,
    punishable: 'no',
    law: null,
    reason: {
      nl: `${capitalise(when.nl)} ligt vóór ${punishableFrom}, de inwerkingtreding van de ${law.name.nl}${articleText(law)}: ${act.offence} was toen in Nederland niet strafbaar.`,
      en: `${capitalise(when.en)} lies before ${punishableFrom}, when the ${law.name.en}${articleText(law)} came into force: ${act.offence} was not punishable in the Netherlands then.`,
    },
  };
}

/** The regime in force on a date: the last one that started on or before it. */
function regimeOn(regimes: readonly Regime[], date: string): Regime {
  let found = regimes[0] as Regime;
  for (const regime of regimes) if (regime.from <= date) found = regime;
  return found;
}

function applicableLaw(regime: Regime, config: RuleConfig): ApplicableLaw {
  const law = config.laws[regime.law];
  return { id: regime.law, name: law?.name ?? { nl: regime.law, en: regime.law }, article: regime.article ?? null, from: regime.from };
}

function lawChange(regime: Regime, config: RuleConfig): Bilingual {
  const law = applicableLaw(regime, config);
  return {
    nl: ` Vanaf ${law.from} geldt de ${law.name.nl}${articleText(law)}.`,
    en: ` From ${law.from} the ${law.name.en}${articleText(law)} applies.`,
  };
}

function articleText(law: ApplicableLaw): string {
  return law.article ? ` (${law.article})` : '';
}

function describePeriod(act: ActInput): Bilingual {
  if (act.until === undefined || act.until === act.from) {
    return { nl: `het feit van ${act.from}`, en: `the act of ${act.from}` };
  }
  return { nl: `het feit van ${act.from} tot ${act.until}`, en: `the act from ${act.from} until ${act.until}` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

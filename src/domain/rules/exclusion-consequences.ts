/**
 * R2, the consequences of a 1F exclusion (docs/domain.md §3). When Art. 1F is applied, asylum is refused; unless an
 * Article 3 ECHR barrier is established, a return decision follows, with an entry ban (10 years in 1F cases,
 * configuration) and an SIS alert. With an Article 3 barrier there is no return decision and therefore no entry
 * ban, but an SIS alert remains possible (CJEU C-663/21, July 2023).
 */
import { dateInWords } from '../dates.js';
import type { ExclusionState } from '../exclusion/state.js';
import { standingDecision } from '../exclusion/state.js';
import type { Bilingual, RuleConfig } from './rule-config.js';

export interface ExclusionConsequences {
  /** Whether a standing decision applies Art. 1F; all other fields follow from it. */
  applies: boolean;
  asylumRefused: boolean;
  article3Barrier: boolean;
  returnDecision: boolean;
  entryBan: { years: number } | null;
  /** 'required' alongside an entry ban; 'possible' with an Article 3 barrier (C-663/21); otherwise 'none'. */
  sisAlert: 'required' | 'possible' | 'none';
  /** An appeal against the decision is pending: the consequences hold but are not final. */
  appealPending: boolean;
  explanation: Bilingual[];
}

export interface ConsequenceOptions {
  /**
   * The current assessment of the Article 3 barrier when it is known elsewhere (e.g. the departure dossier),
   * which then prevails over what the decision said.
   */
  article3Barrier?: boolean;
}

/** R2: what follows from the exclusion case in its current state. */
export function exclusionConsequences(
  state: ExclusionState,
  config: RuleConfig,
  options: ConsequenceOptions = {},
): ExclusionConsequences {
  const decision = standingDecision(state);
  const appealPending = state.phase === 'appeal';
  if (!decision || decision.outcome !== 'applied') {
    return {
      applies: false,
      asylumRefused: false,
      article3Barrier: false,
      returnDecision: false,
      entryBan: null,
      sisAlert: 'none',
      appealPending,
      explanation: [
        decision
          ? { nl: 'Artikel 1F is niet tegengeworpen: R2 heeft geen gevolgen.', en: 'Article 1F was not applied: R2 has no consequences.' }
          : { nl: 'Er is (nog) geen geldend besluit over artikel 1F.', en: 'There is no standing decision on Article 1F (yet).' },
      ],
    };
  }

  const article3Barrier = options.article3Barrier ?? decision.article3Barrier ?? false;
  const explanation: Bilingual[] = [
    { nl: `Artikel 1F is tegengeworpen op ${dateInWords(decision.date, 'nl')}: de asielaanvraag is afgewezen.`, en: `Article 1F was applied on ${dateInWords(decision.date, 'en')}: asylum is refused.` },
  ];
  if (article3Barrier) {
    explanation.push({
      nl: 'Er is een art. 3 EVRM-beletsel: geen terugkeerbesluit en dus geen inreisverbod; een SIS-signalering blijft mogelijk (HvJ EU C-663/21).',
      en: 'An Article 3 ECHR barrier is established: no return decision and therefore no entry ban; an SIS alert remains possible (CJEU C-663/21).',
    });
  } else {
    const years = config.durations.entryBanYears;
    explanation.push({
      nl: `Geen art. 3 EVRM-beletsel: terugkeerbesluit, inreisverbod van ${years} jaar en signalering in het SIS.`,
      en: `No Article 3 ECHR barrier: a return decision, an entry ban of ${years} years and an SIS alert.`,
    });
  }
  if (appealPending) {
    explanation.push({
      nl: `Er loopt ${state.appealForum === 'council-of-state' ? 'een hoger beroep bij de Raad van State' : 'een beroep bij de rechtbank'}: het besluit is nog niet onherroepelijk.`,
      en: `An appeal is pending ${state.appealForum === 'council-of-state' ? 'at the Council of State' : 'at the district court'}: the decision is not yet final.`,
    });
  }
  return {
    applies: true,
    asylumRefused: true,
    article3Barrier,
    returnDecision: !article3Barrier,
    entryBan: article3Barrier ? null : { years: config.durations.entryBanYears },
    sisAlert: article3Barrier ? 'possible' : 'required',
    appealPending,
    explanation,
  };
}

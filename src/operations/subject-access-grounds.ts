/**
 * The grounds on which a data-subject export (docs/retention.md, "Data-subject requests") withholds something, in
 * Dutch and English, with the law. Articles marked (verify) were not confirmed from a primary source.
 */
import type { Bilingual } from '../domain/rules/rule-config.js';

export const GROUND_CODES = ['not-readable', 'ongoing-investigation', 'protected-witness', 'third-party', 'other-partner-reads', 'staff-identity'] as const;
export type GroundCode = (typeof GROUND_CODES)[number];

export interface Ground {
  code: GroundCode;
  law: string;
  text: Bilingual;
}

export const GROUNDS: Readonly<Record<GroundCode, Ground>> = {
  'not-readable': {
    code: 'not-readable',
    law: 'AVG art. 15; the requesting partner processes only what the access policy lets it read (config/policy.json)',
    text: {
      nl: 'Deze partner mag deze gegevens niet inzien; ze horen bij een andere partner, die het verzoek zelf beantwoordt.',
      en: 'This partner may not read these data; they belong to another partner, which answers the request itself.',
    },
  },
  'ongoing-investigation': {
    code: 'ongoing-investigation',
    law: 'Wpg art. 27(1)(a)–(b); Wjsg art. 39f with Directive (EU) 2016/680 art. 15 (verify)',
    text: {
      nl: 'Een lopend opsporingsonderzoek: inzage zou het onderzoek kunnen schaden.',
      en: 'An ongoing criminal investigation: disclosure could prejudice it.',
    },
  },
  'protected-witness': {
    code: 'protected-witness',
    law: 'Sv art. 226a ff. (verify)',
    text: {
      nl: 'De identiteit van beschermde getuigen is voor deze partner afgeschermd; of de persoon zo\'n getuige is, weet deze partner niet.',
      en: 'The identities of protected witnesses are shielded from this partner; it does not know whether the person is such a witness.',
    },
  },
  'third-party': {
    code: 'third-party',
    law: 'AVG art. 15(4): the rights and freedoms of others',
    text: {
      nl: 'Andere personen in dezelfde gegevens worden niet genoemd.',
      en: 'Other persons in the same data are not named.',
    },
  },
  'other-partner-reads': {
    code: 'other-partner-reads',
    law: 'AVG art. 15(1)(c) and art. 26: each partner answers for its own processing (verify)',
    text: {
      nl: 'Raadplegingen door andere partners: elke partner verantwoordt zijn eigen raadplegingen.',
      en: 'Reads by other partners: each partner answers for its own reads.',
    },
  },
  'staff-identity': {
    code: 'staff-identity',
    law: 'AVG art. 15(4); the officers\' own personal data (verify)',
    text: {
      nl: 'Namen van medewerkers in het toegangslogboek; wel de organisatie, rol, het doel en de grondslag.',
      en: 'Names of officers in the access log; their organisation, role, purpose and legal basis are given.',
    },
  },
};

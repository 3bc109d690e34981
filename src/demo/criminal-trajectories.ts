/**
 * Every criminal case of one demo replica, as a trajectory: the steps it takes and the window each step falls in.
 * The windows fix the phase of each case at every reference date that has a target figure (docs/domain.md §6):
 *
 * | phase at 2024-12-31 → 2025-12-31 | cases |
 * |---|---|
 * | investigation → investigation | 1 |
 * | investigation → first-instance | 2 |
 * | (not yet opened) → investigation | 4 |
 * | first-instance → first-instance | 4 |
 * | first-instance → appeal | 2 |
 * | first-instance → closed | 1 |
 * | appeal → appeal | 1 |
 * | appeal → cassation | 1 |
 * | cassation → cassation | 3 |
 * | cassation → closed | 1 |
 *
 * giving 3 / 7 / 2 / 4 (16) at the end of 2024 and 5 / 6 / 3 / 4 (18) at the end of 2025. The history cases all
 * closed before 2024, and only one of them was before a court at the end of 2014 (the report's "in 2014 a single
 * case was brought before a court"); the current cases were all still in investigation then.
 */
import type { CloseReason } from '../domain/criminal/state.js';
import { inYear, inYears } from './calendar.js';
import type { Window } from './calendar.js';
import type { SituationName } from './situations.js';

export type CriminalStep =
  | { step: 'opened' | 'indicted' | 'appeal-lodged' | 'cassation-lodged' | 'referred-back'; within: Window }
  | { step: 'closed'; within: Window; reason: CloseReason };

/**
 * How well the victims of a case are kept informed (R5): every few months and after every step, or the updates
 * stopped more than six months ago, or they were never told of a judgment.
 */
export type VictimCare = 'kept-informed' | 'updates-lapsed' | 'judgment-not-told';

export interface CriminalTrajectory {
  story: string;
  /** One case per situation listed: the trajectory is the same, the draws differ. */
  situations: readonly SituationName[];
  steps: readonly CriminalStep[];
  /** The victims registered on each case of this trajectory, by how well they are kept informed. */
  victims?: readonly VictimCare[];
  /**
   * The cases (by situation) whose victims left behind were not found again in 2026 (src/demo/victims.ts): their
   * duties stay overdue. The victims of the other cases were told in 2026 of what they had missed.
   */
  stillBehindIn2026?: readonly SituationName[];
  /** The case started from a report (intake) that the prosecutor assessed. */
  fromIntake?: boolean;
  /** Legal assistance requests the prosecutor sends abroad during the investigation. */
  legalAssistanceRequests?: number;
  /** The district court acquits (the prosecution then appeals); otherwise the outcome is drawn. */
  acquittedAtFirstInstance?: boolean;
}

const opened = (within: Window): CriminalStep => ({ step: 'opened', within });
const indicted = (within: Window): CriminalStep => ({ step: 'indicted', within });
const appealLodged = (within: Window): CriminalStep => ({ step: 'appeal-lodged', within });
const cassationLodged = (within: Window): CriminalStep => ({ step: 'cassation-lodged', within });
const referredBack = (within: Window): CriminalStep => ({ step: 'referred-back', within });
const closed = (within: Window, reason: CloseReason): CriminalStep => ({ step: 'closed', within, reason });

/** The cases open at the end of 2024 or 2025: their phases there are the report's target figures. */
export const CURRENT_CRIMINAL_CASES: readonly CriminalTrajectory[] = [
  {
    story: 'investigation → investigation, indicted in 2026',
    situations: ['syria'],
    steps: [opened(inYears(2021, 2023)), indicted(['2026-02-01', '2026-09-30'])],
    legalAssistanceRequests: 2,
  },
  {
    story: 'investigation → first-instance',
    situations: ['syria', 'ukraine'],
    steps: [opened(inYears(2020, 2023)), indicted(['2025-01-15', '2025-11-30'])],
    victims: ['kept-informed', 'kept-informed', 'updates-lapsed'],
    legalAssistanceRequests: 2,
  },
  {
    story: 'opened in 2025, in investigation at its end',
    situations: ['ukraine', 'syria', 'iraq', 'eritrea'],
    steps: [opened(['2025-01-10', '2025-12-15'])],
    fromIntake: true,
    legalAssistanceRequests: 1,
  },
  {
    story: 'first-instance → first-instance, judgment and appeal in 2026',
    situations: ['iraq', 'syria', 'afghanistan', 'sri-lanka'],
    steps: [opened(inYears(2016, 2021)), indicted(['2023-03-01', '2024-11-30']), appealLodged(['2026-03-01', '2026-09-30'])],
    victims: ['kept-informed', 'kept-informed', 'updates-lapsed'],
    stillBehindIn2026: ['sri-lanka'],
    legalAssistanceRequests: 1,
  },
  {
    story: 'first-instance → appeal',
    situations: ['syria', 'rwanda'],
    steps: [opened(inYears(2016, 2020)), indicted(['2022-06-01', '2024-03-31']), appealLodged(['2025-02-01', '2025-11-30'])],
    victims: ['kept-informed', 'judgment-not-told'],
    stillBehindIn2026: ['rwanda'],
  },
  {
    story: 'first-instance → closed by a final judgment',
    situations: ['afghanistan'],
    steps: [opened(inYears(2018, 2021)), indicted(['2023-01-01', '2024-06-30']), closed(['2025-02-15', '2025-10-31'], 'final-judgment')],
  },
  {
    story: 'appeal → appeal, final in 2026',
    situations: ['liberia'],
    steps: [
      opened(inYears(2013, 2017)),
      indicted(inYears(2017, 2019)),
      appealLodged(['2020-01-01', '2024-06-30']),
      closed(['2026-03-01', '2026-09-30'], 'final-judgment'),
    ],
  },
  {
    story: 'appeal → cassation',
    situations: ['ethiopia'],
    steps: [
      opened(inYears(2014, 2017)),
      indicted(inYears(2018, 2019)),
      appealLodged(inYears(2020, 2022)),
      cassationLodged(['2025-02-01', '2025-11-30']),
    ],
    victims: ['kept-informed', 'kept-informed'],
  },
  {
    story: 'cassation → cassation',
    situations: ['rwanda', 'syria', 'iraq'],
    steps: [
      opened(inYears(2012, 2016)),
      indicted(inYears(2016, 2018)),
      appealLodged(inYears(2019, 2021)),
      cassationLodged(['2023-03-01', '2024-11-30']),
    ],
    victims: ['kept-informed', 'kept-informed', 'judgment-not-told'],
    stillBehindIn2026: ['rwanda'],
  },
  {
    story: 'cassation → closed by a final judgment',
    situations: ['syria'],
    steps: [
      opened(inYears(2012, 2015)),
      indicted(inYears(2015, 2017)),
      appealLodged(inYears(2018, 2020)),
      cassationLodged(['2022-01-01', '2024-06-30']),
      closed(inYear(2025), 'final-judgment'),
    ],
  },
  {
    story: 'opened in 2026',
    situations: ['ukraine', 'syria'],
    steps: [opened(['2026-01-05', '2026-08-31'])],
    fromIntake: true,
  },
];

/** Cases closed before 2024, so the earlier years' reports have figures too. */
export const HISTORY_CRIMINAL_CASES: readonly CriminalTrajectory[] = [
  {
    story: 'the single case before a court at the end of 2014',
    situations: ['rwanda'],
    steps: [
      opened(['2010-02-01', '2010-12-31']),
      indicted(['2014-01-01', '2014-10-31']),
      appealLodged(['2015-03-01', '2015-10-31']),
      closed(['2017-01-01', '2017-10-31'], 'final-judgment'),
    ],
    victims: ['kept-informed', 'kept-informed'],
    legalAssistanceRequests: 2,
  },
  {
    story: 'crimes against humanity before 2003: dismissed (R1)',
    situations: ['afghanistan'],
    steps: [opened(['2010-03-01', '2010-12-31']), closed(inYear(2012), 'dismissed')],
  },
  {
    story: 'convicted at first instance, no appeal',
    situations: ['liberia'],
    steps: [opened(inYears(2010, 2011)), indicted(['2012-01-01', '2012-06-30']), closed(inYear(2013), 'final-judgment')],
    legalAssistanceRequests: 1,
  },
  {
    story: 'through cassation',
    situations: ['ethiopia'],
    steps: [
      opened(inYear(2012)),
      indicted(['2015-06-01', '2015-12-31']),
      appealLodged(inYear(2017)),
      cassationLodged(['2018-06-01', '2019-06-30']),
      closed(inYear(2020), 'final-judgment'),
    ],
  },
  {
    story: 'transferred to the state where the acts took place',
    situations: ['sri-lanka', 'rwanda'],
    steps: [opened(inYears(2013, 2014)), closed(inYears(2015, 2016), 'transferred')],
  },
  {
    story: 'acquitted at first instance, convicted on appeal',
    situations: ['syria'],
    steps: [opened(inYear(2015)), indicted(inYear(2016)), appealLodged(inYear(2017)), closed(inYear(2019), 'final-judgment')],
    acquittedAtFirstInstance: true,
    victims: ['kept-informed', 'judgment-not-told'],
  },
  {
    story: 'the suspect died',
    situations: ['iraq'],
    steps: [opened(inYear(2016)), closed(inYear(2018), 'deceased')],
  },
  {
    story: 'cassation referred the case back to another court of appeal',
    situations: ['syria'],
    steps: [
      opened(inYear(2017)),
      indicted(inYear(2018)),
      appealLodged(inYear(2019)),
      cassationLodged(inYear(2021)),
      referredBack(inYear(2022)),
      closed(['2023-01-01', '2023-10-31'], 'final-judgment'),
    ],
  },
  {
    story: 'dismissed for lack of evidence',
    situations: ['afghanistan', 'eritrea', 'iraq'],
    steps: [opened(inYears(2011, 2021)), closed(inYears(2013, 2023), 'dismissed')],
    fromIntake: true,
  },
  {
    story: 'convicted at first instance and final',
    situations: ['syria'],
    steps: [opened(inYear(2019)), indicted(inYear(2020)), closed(inYear(2021), 'final-judgment')],
  },
  {
    story: 'final after appeal',
    situations: ['iraq'],
    steps: [opened(inYear(2020)), indicted(inYear(2021)), appealLodged(inYear(2022)), closed(inYear(2023), 'final-judgment')],
    legalAssistanceRequests: 1,
  },
  {
    story: 'closed for another reason',
    situations: ['iran'],
    steps: [opened(inYears(2019, 2020)), closed(inYear(2022), 'other')],
  },
];

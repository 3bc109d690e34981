/**
 * Every departure dossier (DT&V 1F dossier) of one demo replica, as trajectories. Each dossier follows an applied
 * exclusion decision. The trajectories fix, for the report's target figures (docs/domain.md §6):
 *
 * | open at 2024-12-31 | → at 2025-12-31 | dossiers |
 * |---|---|---|
 * | with Article 3 barrier (79) | still with barrier | 55 |
 * | | barrier lifted (Syria, after the fall of the Assad regime) | 18 |
 * | | barrier lifted, then departed in 2025 | 4 (2 supervised, 2 unsupervised) |
 * | | closed | 2 |
 * | without barrier (32) | still without | 20 |
 * | | barrier established | 2 |
 * | | departed in 2025 | 8 (1 forced, 3 supervised, 4 unsupervised) |
 * | | closed | 2 |
 * | opened in 2025 | with barrier / without / departed / closed | 12 / 22 / 17 (6 supervised, 11 unsupervised) / 1 |
 *
 * So 79 / 32 open at the end of 2024 and 69 / 60 at the end of 2025; departures in 2024 (1 / 4 / 20, all from
 * dossiers that departed in 2024) and in 2025 (1 / 11 / 17). The history dossiers all ended before 2024.
 */
import type { DepartureMode } from '../domain/departure/events.js';
import { inYear, inYears } from './calendar.js';
import type { Window } from './calendar.js';
import type { SituationName } from './situations.js';

export type DossierEnd =
  | { departed: readonly DepartureMode[]; within: Window }
  | { closed: true; within: Window };

export interface DossierTrajectory {
  story: string;
  count: number;
  /** Where the excluded aliens come from, with weights. */
  situations: readonly (readonly [SituationName, number])[];
  opened: Window;
  /** The Article 3 barrier as first assessed when the dossier opens. */
  barrierAtOpening: boolean;
  /** Later reassessments that change it, in order. */
  barrierChanges?: readonly (readonly [present: boolean, within: Window])[];
  /** How the dossiers end; `departed` lists one mode per dossier. Without it they stay open. */
  end?: DossierEnd;
  /** How long the dossier runs after its last reassessment (or its opening) before it ends, within `end`. */
  endsAfterYears?: readonly [min: number, max: number];
  /** For dossiers still open at the end of 2025: what may happen to them in 2026 (shares of them). */
  in2026?: { departs?: number; barrierLifted?: number; confirmed?: number };
}

const times = (count: number, mode: DepartureMode): DepartureMode[] => Array.from({ length: count }, () => mode);

const SYRIA_LIFTS_2025: Window = ['2025-01-15', '2025-11-30'];

export const DOSSIERS: readonly DossierTrajectory[] = [
  // History: ended before 2024.
  {
    story: 'forced departure before 2021',
    count: 25,
    situations: [['iraq', 5], ['ethiopia', 1], ['rwanda', 1], ['sri-lanka', 1], ['liberia', 1], ['afghanistan', 1]],
    opened: inYears(2011, 2019),
    barrierAtOpening: false,
    end: { departed: times(25, 'forced'), within: ['2011-06-01', '2020-12-31'] },
    endsAfterYears: [1, 4],
  },
  {
    story: 'departed under supervision before 2024',
    count: 50,
    situations: [['iraq', 4], ['afghanistan', 2], ['iran', 1], ['ethiopia', 1], ['rwanda', 1], ['eritrea', 1]],
    opened: inYears(2011, 2020),
    barrierAtOpening: false,
    end: { departed: times(50, 'voluntary-supervised'), within: ['2011-06-01', '2023-12-31'] },
    endsAfterYears: [1, 4],
  },
  {
    story: 'left for an unknown destination before 2024',
    count: 130,
    situations: [['iraq', 3], ['afghanistan', 3], ['syria', 2], ['iran', 2], ['eritrea', 2], ['ethiopia', 1]],
    opened: inYears(2011, 2020),
    barrierAtOpening: false,
    end: { departed: times(130, 'voluntary-unsupervised'), within: ['2011-06-01', '2023-12-31'] },
    endsAfterYears: [1, 4],
  },
  {
    story: 'barrier lifted, then departed before 2024',
    count: 30,
    situations: [['iraq', 2], ['afghanistan', 1], ['iran', 1]],
    opened: inYears(2011, 2017),
    barrierAtOpening: true,
    barrierChanges: [[false, inYears(2012, 2020)]],
    end: { departed: [...times(10, 'voluntary-supervised'), ...times(20, 'voluntary-unsupervised')], within: ['2013-01-01', '2023-12-31'] },
    endsAfterYears: [1, 4],
  },
  {
    story: 'closed before 2024',
    count: 40,
    situations: [['iraq', 2], ['afghanistan', 2], ['syria', 1], ['iran', 1], ['rwanda', 1]],
    opened: inYears(2011, 2021),
    barrierAtOpening: false,
    end: { closed: true, within: ['2012-01-01', '2023-12-31'] },
    endsAfterYears: [1, 4],
  },
  // Departed or closed in 2024.
  {
    story: 'forced departure in 2024',
    count: 1,
    situations: [['iraq', 1]],
    opened: ['2018-01-01', '2024-06-30'],
    barrierAtOpening: false,
    end: { departed: ['forced'], within: inYear(2024) },
  },
  {
    story: 'departed under supervision in 2024',
    count: 4,
    situations: [['iraq', 2], ['ethiopia', 1], ['rwanda', 1]],
    opened: ['2016-01-01', '2024-06-30'],
    barrierAtOpening: false,
    end: { departed: times(4, 'voluntary-supervised'), within: inYear(2024) },
  },
  {
    story: 'left for an unknown destination in 2024',
    count: 20,
    situations: [['iraq', 4], ['ethiopia', 1], ['rwanda', 1], ['sri-lanka', 1], ['liberia', 1]],
    opened: ['2016-01-01', '2024-06-30'],
    barrierAtOpening: false,
    end: { departed: times(20, 'voluntary-unsupervised'), within: inYear(2024) },
  },
  {
    story: 'closed in 2024',
    count: 5,
    situations: [['syria', 1], ['iran', 1], ['eritrea', 1]],
    opened: inYears(2015, 2023),
    barrierAtOpening: true,
    end: { closed: true, within: inYear(2024) },
  },
  // Open with an Article 3 barrier at the end of 2024 (79).
  {
    story: 'Syria: barrier still present at the end of 2025, reassessment pending (R7)',
    count: 10,
    situations: [['syria', 1]],
    opened: ['2014-01-01', '2024-10-31'],
    barrierAtOpening: true,
    // of those whose barrier stays, some were reassessed after the fall of the regime and some still wait (R7)
    in2026: { barrierLifted: 0.5, confirmed: 0.5 },
  },
  {
    story: 'Afghanistan: barrier established after the Taliban takeover',
    count: 12,
    situations: [['afghanistan', 1]],
    opened: inYears(2013, 2020),
    barrierAtOpening: false,
    barrierChanges: [[true, ['2021-09-01', '2022-12-31']]],
  },
  {
    story: 'Afghanistan: barrier since opening',
    count: 8,
    situations: [['afghanistan', 1]],
    opened: ['2021-10-01', '2024-10-31'],
    barrierAtOpening: true,
  },
  {
    story: 'Iran, Eritrea, Iraq: barrier since opening',
    count: 15,
    situations: [['iran', 2], ['eritrea', 2], ['iraq', 1]],
    opened: inYears(2012, 2022),
    barrierAtOpening: true,
  },
  {
    story: 'Iran, Eritrea: opened recently, barrier since opening',
    count: 10,
    situations: [['iran', 1], ['eritrea', 1]],
    opened: ['2023-01-01', '2024-11-30'],
    barrierAtOpening: true,
  },
  {
    story: 'Syria: barrier lifted in 2025, after the fall of the Assad regime',
    count: 18,
    situations: [['syria', 1]],
    opened: ['2014-01-01', '2024-06-30'],
    barrierAtOpening: true,
    barrierChanges: [[false, SYRIA_LIFTS_2025]],
    in2026: { departs: 0.3 },
  },
  {
    story: 'Syria: barrier lifted in 2025, then returned',
    count: 4,
    situations: [['syria', 1]],
    opened: inYears(2015, 2023),
    barrierAtOpening: true,
    barrierChanges: [[false, ['2025-01-15', '2025-06-30']]],
    end: { departed: ['voluntary-supervised', 'voluntary-supervised', 'voluntary-unsupervised', 'voluntary-unsupervised'], within: ['2025-03-01', '2025-12-20'] },
  },
  {
    story: 'barrier present, closed in 2025',
    count: 2,
    situations: [['iran', 1], ['eritrea', 1]],
    opened: inYears(2014, 2022),
    barrierAtOpening: true,
    end: { closed: true, within: inYear(2025) },
  },
  // Open without an Article 3 barrier at the end of 2024 (32).
  {
    story: 'without barrier, still open at the end of 2025',
    count: 10,
    situations: [['iraq', 4], ['ethiopia', 2], ['rwanda', 2], ['sri-lanka', 1], ['liberia', 1]],
    opened: inYears(2014, 2022),
    barrierAtOpening: false,
    in2026: { departs: 0.15 },
  },
  {
    story: 'opened recently without barrier, still open at the end of 2025',
    count: 8,
    situations: [['iraq', 4], ['ethiopia', 1], ['rwanda', 1], ['sri-lanka', 1], ['liberia', 1]],
    opened: ['2023-01-01', '2024-11-30'],
    barrierAtOpening: false,
    in2026: { departs: 0.15 },
  },
  {
    story: 'Russian soldiers excluded after 2022, no barrier',
    count: 2,
    situations: [['ukraine', 1]],
    opened: ['2023-03-01', '2024-10-31'],
    barrierAtOpening: false,
  },
  {
    story: 'barrier established in 2025',
    count: 2,
    situations: [['ethiopia', 1], ['iraq', 1]],
    opened: ['2016-01-01', '2024-06-30'],
    barrierAtOpening: false,
    barrierChanges: [[true, ['2025-02-01', '2025-11-30']]],
  },
  {
    story: 'forced departure in 2025',
    count: 1,
    situations: [['iraq', 1]],
    opened: ['2017-01-01', '2024-09-30'],
    barrierAtOpening: false,
    end: { departed: ['forced'], within: ['2025-01-10', '2025-12-20'] },
  },
  {
    story: 'without barrier, departed in 2025',
    count: 7,
    situations: [['iraq', 3], ['ethiopia', 1], ['rwanda', 1], ['sri-lanka', 1]],
    opened: ['2017-01-01', '2024-09-30'],
    barrierAtOpening: false,
    end: { departed: [...times(3, 'voluntary-supervised'), ...times(4, 'voluntary-unsupervised')], within: ['2025-01-10', '2025-12-20'] },
  },
  {
    story: 'without barrier, closed in 2025',
    count: 2,
    situations: [['iraq', 1], ['rwanda', 1]],
    opened: inYears(2015, 2024),
    barrierAtOpening: false,
    end: { closed: true, within: inYear(2025) },
  },
  // Opened in 2025 (52).
  {
    story: 'opened in 2025 with a barrier',
    count: 12,
    situations: [['eritrea', 1], ['iran', 1], ['afghanistan', 1]],
    opened: ['2025-01-10', '2025-12-15'],
    barrierAtOpening: true,
  },
  {
    story: 'Syria: opened in 2025 after the fall of the Assad regime, no barrier',
    count: 10,
    situations: [['syria', 1]],
    opened: ['2025-02-01', '2025-12-15'],
    barrierAtOpening: false,
    in2026: { departs: 0.3 },
  },
  {
    story: 'opened in 2025 without barrier',
    count: 12,
    situations: [['iraq', 3], ['ethiopia', 1], ['ukraine', 1], ['rwanda', 1]],
    opened: ['2025-01-10', '2025-12-15'],
    barrierAtOpening: false,
    in2026: { departs: 0.15 },
  },
  {
    story: 'opened and departed in 2025',
    count: 17,
    situations: [['syria', 8], ['iraq', 5], ['ethiopia', 2], ['rwanda', 2]],
    opened: ['2025-01-05', '2025-09-30'],
    barrierAtOpening: false,
    end: { departed: [...times(6, 'voluntary-supervised'), ...times(11, 'voluntary-unsupervised')], within: ['2025-02-15', '2025-12-20'] },
  },
  {
    story: 'opened and closed in 2025',
    count: 1,
    situations: [['iraq', 1]],
    opened: ['2025-01-05', '2025-06-30'],
    barrierAtOpening: false,
    end: { closed: true, within: ['2025-03-01', '2025-12-20'] },
  },
  // Opened in 2026.
  {
    story: 'opened in 2026 without barrier',
    count: 6,
    situations: [['syria', 1], ['iraq', 1]],
    opened: ['2026-01-05', '2026-08-31'],
    barrierAtOpening: false,
  },
  {
    story: 'opened in 2026 with a barrier',
    count: 4,
    situations: [['afghanistan', 1], ['eritrea', 1], ['iran', 1]],
    opened: ['2026-01-05', '2026-08-31'],
    barrierAtOpening: true,
  },
  {
    story: 'opened and departed in 2026',
    count: 2,
    situations: [['iraq', 1]],
    opened: ['2026-01-05', '2026-05-31'],
    barrierAtOpening: false,
    end: { departed: times(2, 'voluntary-unsupervised'), within: ['2026-03-01', '2026-09-30'] },
  },
];

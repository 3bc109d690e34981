/**
 * The web app copies the phases of each case kind (./phases.ts) for its filters; these checks tie the copy to the
 * domain: one list per case kind, each exactly the phases of the kind's state (the type checker compares them, in
 * `npm run typecheck`), every phase once.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CriminalPhase } from '../../src/domain/criminal/state';
import type { DeparturePhase } from '../../src/domain/departure/state';
import { CASE_KINDS } from '../../src/domain/event';
import type { ExclusionPhase } from '../../src/domain/exclusion/state';
import type { ExtraditionPhase } from '../../src/domain/extradition/state';
import type { IntakePhase } from '../../src/domain/intake/state';
import type { MlaPhase } from '../../src/domain/mla/state';
import { PHASES, PHASES_BY_KIND } from './phases';

/** A phase a case can be found in: every phase but the one before its opening event. */
type Opened<Phase> = Exclude<Phase, 'not-opened'>;
type Listed<Kind extends keyof typeof PHASES_BY_KIND> = (typeof PHASES_BY_KIND)[Kind][number];

describe('the phases the web app offers', () => {
  it('cover every case kind of the domain', () => {
    expect(Object.keys(PHASES).sort()).toEqual([...CASE_KINDS].sort());
  });

  it('are exactly the phases of each kind, each once', () => {
    expectTypeOf<Listed<'criminal'>>().toEqualTypeOf<Opened<CriminalPhase>>();
    expectTypeOf<Listed<'extradition'>>().toEqualTypeOf<Opened<ExtraditionPhase>>();
    expectTypeOf<Listed<'exclusion'>>().toEqualTypeOf<Opened<ExclusionPhase>>();
    expectTypeOf<Listed<'departure'>>().toEqualTypeOf<Opened<DeparturePhase>>();
    expectTypeOf<Listed<'intake'>>().toEqualTypeOf<Opened<IntakePhase>>();
    expectTypeOf<Listed<'mla'>>().toEqualTypeOf<Opened<MlaPhase>>();
    for (const phases of Object.values(PHASES)) expect(new Set(phases).size).toBe(phases.length);
  });
});

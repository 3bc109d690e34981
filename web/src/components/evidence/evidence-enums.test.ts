/**
 * The web app copies the evidence enums of the domain (src/domain/evidence/events.ts) for its forms and labels; these
 * checks tie the copy to the domain, value for value and in order (the forms list them in the domain's order).
 */
import { describe, expect, it } from 'vitest';
import * as domain from '../../../../src/domain/evidence/events';
import * as web from './evidence-api';

describe('the evidence enums the web app offers', () => {
  for (const name of ['EVIDENCE_KINDS', 'SOURCE_TYPES', 'ACQUISITION_METHODS', 'VERIFICATION_STEPS', 'VERIFICATION_OUTCOMES'] as const) {
    it(`${name} are the domain's`, () => {
      expect([...web[name]]).toEqual([...domain[name]]);
    });
  }
});

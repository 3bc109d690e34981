import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPolicy, loadPolicy } from './policy.js';
import { authorizeWrite } from './write-policy.js';

/** The policy file as data, to change one thing in a copy. */
function copy(): { write: { rules: Record<string, { kinds: string[]; types: string[]; legalBasis: string }[]> } } {
  return JSON.parse(JSON.stringify(loadPolicy())) as ReturnType<typeof copy>;
}

describe('the write rules of the access policy', () => {
  test('config/policy.json has write rules for every role that may append, each within its events.append grant', () => {
    const policy = loadPolicy();
    for (const [role, grants] of Object.entries(policy.actions['events.append']!.grants ?? {})) {
      assert.ok(grants.length > 0 && (policy.write?.rules[role]?.length ?? 0) > 0, `write rules for ${role}`);
    }
  });

  test('a rule naming an event type of another kind, or a kind events.append does not grant, is refused at start-up', () => {
    const wrongType = copy();
    wrongType.write.rules.dtv!.push({ kinds: ['departure'], types: ['criminal.opened'], legalBasis: 'x' });
    assert.throws(() => checkPolicy(wrongType, 'test'), /write\.rules\.dtv\[2\]: criminal\.opened is not an event type of departure/);
    const wrongKind = copy();
    wrongKind.write.rules.dtv!.push({ kinds: ['exclusion'], types: ['*'], legalBasis: 'x' });
    assert.throws(() => checkPolicy(wrongKind, 'test'), /write\.rules\.dtv\[2\]: events\.append gives role dtv no exclusion streams/);
    const unknownRole = copy();
    unknownRole.write.rules.nobody = [{ kinds: ['person'], types: ['*'], legalBasis: 'x' }];
    assert.throws(() => checkPolicy(unknownRole, 'test'), /write rules for unknown role nobody/);
  });

  test('without a write section nothing may be written over the API', async () => {
    const raw = copy() as { write?: unknown };
    delete raw.write;
    const policy = checkPolicy(raw, 'test');
    const nothing = async () => undefined;
    const context = {
      date: '2026-06-15',
      facts: { personsOfStream: async () => [], personNamedInKinds: async () => false, personHasDepartureDossier: async () => false, suspectInOpenCriminalCase: nothing, judgeAuthorisationInForce: nothing, casesOfEvidence: async () => [], caseOfWitness: async () => undefined },
      writes: { streamExists: async () => false, eventWriter: nothing, registeredBy: async () => null, confirmedMatch: nothing, principalOf: nothing },
    };
    const event = { id: 'e1', stream: 'mla/RH-9', type: 'mla.sent', date: '2026-06-01', data: { state: 'DEU' } };
    const police = { kind: 'user' as const, username: 'p', organisation: 'TIM', role: 'police' };
    assert.equal((await authorizeWrite(loadPolicy(), police, [event], context)).allowed, true);
    const refused = await authorizeWrite(policy, police, [event], context);
    assert.equal(refused.allowed, false);
    assert.match(!refused.allowed ? refused.reason : '', /no right to append mla\.sent/);
  });
});

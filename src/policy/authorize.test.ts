import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorize, grantedKinds, readableKinds } from './authorize.js';
import type { JudgeAuthorisationRef, RegistryFacts } from './conditions.js';
import { checkPolicy, loadPolicy } from './policy.js';
import { recordingRefusal } from './recording.js';
import type { Principal } from './principal.js';

const as = (role: string, organisation = 'X'): Principal => ({ kind: 'user', accountId: 1, username: `${role}.test`, organisation, role });

/** Registry facts for one suspect P-1 (criminal/SZ-1) with a 1F file exclusion/IF-1, and a 1F-only person P-2. */
function facts(options: { authorisation?: JudgeAuthorisationRef; suspect?: boolean; departure?: boolean } = {}): RegistryFacts {
  return {
    async personsOfStream(stream) { return stream === 'exclusion/IF-1' ? ['P-1'] : stream === 'exclusion/IF-2' ? ['P-2'] : stream.startsWith('person/') ? [stream.slice(7)] : []; },
    async personNamedInKinds(person, kinds) { return person === 'P-1' ? kinds.some((kind) => ['criminal', 'exclusion'].includes(kind)) : kinds.includes('exclusion'); },
    async personHasDepartureDossier() { return options.departure ?? false; },
    async suspectInOpenCriminalCase(person) { return person === 'P-1' && (options.suspect ?? true) ? 'criminal/SZ-1' : undefined; },
    async caseOfWitness(stream) { return stream === 'witness/W-1' ? 'criminal/SZ-1' : undefined; },
    async casesOfEvidence(stream) { return stream === 'evidence/E-1' ? ['criminal/SZ-1'] : stream === 'evidence/E-2' ? ['exclusion/IF-1'] : []; },
    async judgeAuthorisationInForce(person, _stream, date) {
      const a = options.authorisation;
      return a && person === 'P-1' && a.validFrom <= date && date <= a.validUntil ? a : undefined;
    },
  };
}

const policy = loadPolicy();
const authorisation: JudgeAuthorisationRef = { id: 'ja-1', stream: 'criminal/SZ-1', decisionReference: 'RC 26/123', validFrom: '2026-01-01', validUntil: '2026-12-31' };
const exclusionFile = { kind: 'exclusion', stream: 'exclusion/IF-1' };

describe('authorize: the R3 sharing regimes', () => {
  test('refuses the OM a 1F file without an authorisation of the investigating judge, and names the basis that would allow it', async () => {
    const decision = await authorize(policy, as('prosecutor', 'OM'), 'stream.read', exclusionFile, { date: '2026-06-15', facts: facts() });
    assert.equal(decision.allowed, false);
    assert.ok(!decision.allowed);
    assert.match(decision.reason, /no authorisation of the investigating judge covering person P-1/);
    assert.ok(decision.allowingBases.some((basis) => /r3-investigating-judge/.test(basis)));
  });

  test('allows it with a valid authorisation, giving the decision reference as legal basis', async () => {
    const decision = await authorize(policy, as('prosecutor', 'OM'), 'stream.read', exclusionFile, { date: '2026-06-15', facts: facts({ authorisation }) });
    assert.ok(decision.allowed);
    assert.match(decision.legalBasis, /RC 26\/123/);
    assert.match(decision.legalBasis, /suspect in criminal\/SZ-1/);
  });

  test('refuses it after the authorisation ends', async () => {
    const decision = await authorize(policy, as('prosecutor', 'OM'), 'stream.read', exclusionFile, { date: '2027-01-01', facts: facts({ authorisation }) });
    assert.equal(decision.allowed, false);
  });

  test('refuses it when the person is no suspect, even with an authorisation', async () => {
    const decision = await authorize(policy, as('prosecutor', 'OM'), 'stream.read', exclusionFile, { date: '2026-06-15', facts: facts({ authorisation, suspect: false }) });
    assert.equal(decision.allowed, false);
    assert.ok(!decision.allowed && /not a suspect/.test(decision.reason));
  });

  test('under the bill, switched on by configuration, the OM reads what the IND shared from its effective date on, and never the whole file', async () => {
    const bill = loadPolicy(undefined, { enableRegimes: ['bill-1f-sharing'] });
    const effective = bill.sharing.find((regime) => regime.id === 'bill-1f-sharing')!.effectiveFrom;
    const shares = { kind: 'exclusion', personIds: ['P-2'] };
    const before = await authorize(bill, as('prosecutor', 'OM'), 'shared-information.read', shares, { date: '2027-06-30', facts: facts() });
    assert.equal(before.allowed, false);
    assert.ok(!before.allowed && before.allowingBases.some((basis) => basis.includes(`not in force before ${effective}`)));
    // No suspect needed: P-2 is in no criminal case.
    const after = await authorize(bill, as('prosecutor', 'OM'), 'shared-information.read', shares, { date: effective, facts: facts({ suspect: false }) });
    assert.ok(after.allowed);
    assert.match(after.legalBasis, /bill-1f-sharing/);
    const file = await authorize(bill, as('prosecutor', 'OM'), 'stream.read', exclusionFile, { date: effective, facts: facts() });
    assert.equal(file.allowed, false);
  });
});

describe('authorize: who records what a sharing regime rests on', () => {
  const bill = loadPolicy(undefined, { enableRegimes: ['bill-1f-sharing'] });
  const dates = (day: string) => ({ eventDate: day, today: day });

  test('only the OM records an authorisation of the investigating judge', () => {
    assert.equal(recordingRefusal(policy, 'prosecutor', 'criminal.judge-authorisation', dates('2026-06-15')), undefined);
    for (const role of ['police', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor']) {
      assert.match(recordingRefusal(policy, role, 'criminal.judge-authorisation', dates('2026-06-15'))?.reason ?? '', /only prosecutor may record/, role);
    }
  });

  test('only the IND shares 1F information, and only while the bill is in force', () => {
    assert.match(recordingRefusal(policy, 'ind-1f', 'exclusion.information-shared', dates('2027-07-01'))?.reason ?? '', /switched off/);
    assert.match(recordingRefusal(bill, 'ind-1f', 'exclusion.information-shared', dates('2027-06-30'))?.reason ?? '', /not in force before 2027-07-01/);
    assert.equal(recordingRefusal(bill, 'ind-1f', 'exclusion.information-shared', dates('2027-07-01')), undefined);
    assert.match(recordingRefusal(bill, 'ind-1f', 'exclusion.information-shared', { eventDate: '2027-06-01', today: '2027-07-01' })?.reason ?? '', /dated 2027-06-01/);
    for (const role of ['prosecutor', 'police', 'dtv']) assert.ok(recordingRefusal(bill, role, 'exclusion.information-shared', dates('2027-07-01')), role);
  });

  test('other event types are left to the append grants', () => {
    assert.equal(recordingRefusal(policy, 'police', 'criminal.opened', dates('2026-06-15')), undefined);
  });
});

describe('authorize: roles', () => {
  test('the ministry never reads person-level data (R4), not even the cases behind a figure', async () => {
    for (const action of ['stream.read', 'persons.list', 'cases.list', 'report.explain', 'export.read']) {
      for (const kind of ['person', 'criminal', 'exclusion', 'departure']) {
        const decision = await authorize(policy, as('ministry'), action, { kind }, { date: '2026-06-15', facts: facts() });
        assert.equal(decision.allowed, false, `${action} ${kind}`);
      }
    }
    assert.ok((await authorize(policy, as('ministry'), 'report.read', { kind: 'report' }, { date: '2026-06-15', facts: facts() })).allowed);
  });

  test('the administrator manages accounts and reads no case data', async () => {
    assert.ok((await authorize(policy, as('admin'), 'accounts.manage', { kind: 'accounts' }, { date: '2026-06-15', facts: facts() })).allowed);
    for (const kind of ['person', 'criminal', 'exclusion', 'departure', 'intake', 'mla', 'extradition']) {
      assert.equal((await authorize(policy, as('admin'), 'stream.read', { kind, stream: `${kind}/X-1` }, { date: '2026-06-15', facts: facts() })).allowed, false);
    }
    assert.deepEqual(readableKinds(policy, 'admin'), []);
  });

  test('DT&V sees a 1F decision only for a person in one of its dossiers, as a restricted view', async () => {
    const without = await authorize(policy, as('dtv'), 'stream.read', exclusionFile, { date: '2026-06-15', facts: facts() });
    assert.equal(without.allowed, false);
    const withDossier = await authorize(policy, as('dtv'), 'stream.read', exclusionFile, { date: '2026-06-15', facts: facts({ departure: true }) });
    assert.ok(withDossier.allowed);
    assert.equal(withDossier.view, 'decision-and-consequences');
  });

  test('IND reads departure dossiers but does not write them', async () => {
    assert.ok((await authorize(policy, as('ind-1f'), 'stream.read', { kind: 'departure', stream: 'departure/VT-1' }, { date: '2026-06-15', facts: facts() })).allowed);
    assert.equal((await authorize(policy, as('ind-1f'), 'events.append', { kind: 'departure' }, { date: '2026-06-15', facts: facts() })).allowed, false);
    assert.deepEqual(grantedKinds(policy, 'dtv', 'events.append'), ['departure', 'task'], 'its dossiers, and its own tasks of the inbox');
  });

  test('evidence is read by the roles that read its cases, and by nobody else', async () => {
    const decide = (role: string, action: string, stream: string) =>
      authorize(policy, as(role), action, { kind: 'evidence', stream }, { date: '2026-06-15', facts: facts() });
    for (const action of ['stream.read', 'evidence.read', 'evidence.download', 'evidence.upload']) {
      const onCriminal = await Promise.all(['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'].map(async (role) => (await decide(role, action, 'evidence/E-1')).allowed));
      assert.deepEqual(onCriminal, [true, true, false, false, false, false, false], `${action} on evidence of a criminal case`);
      const onExclusion = await Promise.all(['police', 'prosecutor', 'ind-1f', 'dtv'].map(async (role) => (await decide(role, action, 'evidence/E-2')).allowed));
      assert.deepEqual(onExclusion, [false, false, true, false], `${action} on evidence of a 1F file`);
    }
    const refused = await decide('police', 'evidence.download', 'evidence/E-2');
    assert.match(!refused.allowed ? refused.reason : '', /belongs to no criminal, intake, mla, extradition case you may read/);
    const granted = await decide('police', 'evidence.read', 'evidence/E-1');
    assert.match(granted.allowed ? granted.legalBasis : '', /belongs to criminal\/SZ-1/);
  });

  test('nobody signed in gets 401; a public action needs nobody', async () => {
    const decision = await authorize(policy, undefined, 'stream.read', { kind: 'criminal' }, { date: '2026-06-15', facts: facts() });
    assert.ok(!decision.allowed && decision.status === 401);
    assert.ok((await authorize(policy, undefined, 'health.read', undefined, { date: '2026-06-15', facts: facts() })).allowed);
  });
});

describe('the policy file', () => {
  test('is refused when it grants a role it does not define', () => {
    const raw = structuredClone(JSON.parse(JSON.stringify(policy))) as { actions: Record<string, { grants?: Record<string, unknown> }> };
    raw.actions['stream.read']!.grants!.sheriff = [{ kinds: ['criminal'], legalBasis: 'none' }];
    assert.throws(() => checkPolicy(raw, 'test'), /unknown role sheriff/);
  });

  test('is refused when configuration switches an unknown regime', () => {
    assert.throws(() => loadPolicy(undefined, { enableRegimes: ['no-such-law'] }), /unknown sharing regime 'no-such-law'/);
  });

  test('has the bill off by default', () => {
    assert.equal(policy.sharing.find((regime) => regime.id === 'bill-1f-sharing')?.enabled, false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEvent } from '../events/schema.js';
import { stateAt } from '../replay.js';
import { ev, given, recorder, transitionMismatches } from '../testing/factories.js';

const registered = ev('evidence.registered', '2024-01-10');
const file = ev('evidence.file-attached', '2024-01-11');
const LATER = '2024-06-01';

describe('evidence transitions (docs/domain.md §4)', () => {
  it('opens with evidence.registered; a file once; custody from its holder; a case linked once; never without a case', () => {
    assert.deepEqual(
      transitionMismatches(
        'evidence',
        { 'not opened': [], registered: [registered], 'with file': [registered, file], linked: [registered, ev('evidence.linked', '2024-02-01')] },
        {
          register: ev('evidence.registered', LATER),
          'same file': ev('evidence.file-attached', LATER),
          'other file': ev('evidence.file-attached', LATER, { sha256: 'b'.repeat(64) }),
          'custody from holder': ev('evidence.custody-transferred', LATER),
          'custody from another': ev('evidence.custody-transferred', LATER, { from: 'OM' }),
          verify: ev('evidence.verified', LATER),
          disclose: ev('evidence.disclosed', LATER),
          link: ev('evidence.linked', LATER),
          'unlink the only case': ev('evidence.unlinked', LATER, { exclusionCase: undefined, criminalCase: 'SZ-0001' }),
          'unlink a second case': ev('evidence.unlinked', LATER),
        },
        {
          'not opened': ['register'],
          registered: ['same file', 'other file', 'custody from holder', 'verify', 'disclose', 'link'],
          'with file': ['other file', 'custody from holder', 'verify', 'disclose', 'link'],
          linked: ['same file', 'other file', 'custody from holder', 'verify', 'disclose', 'unlink the only case', 'unlink a second case'],
        },
      ),
      [],
    );
  });

  it('names the holder when custody is passed on by someone else', () => {
    const after = given('evidence', registered, ev('evidence.custody-transferred', '2024-02-01'));
    assert.equal(after.state.custodian, 'NFI');
    assert.match(after.when(ev('evidence.custody-transferred', LATER))?.message ?? '', /NFI holds it, not TIM/);
  });
});

describe('evidence state', () => {
  it('keeps the cases, files, custody, verification steps and disclosures', () => {
    const { state } = given('evidence', registered, file, ev('evidence.linked', '2024-02-01'), ev('evidence.custody-transferred', '2024-02-02'),
      ev('evidence.verified', '2024-02-03', { step: 'source', outcome: 'inconclusive', notes: 'account kort voor de upload aangemaakt' }),
      ev('evidence.disclosed', '2024-02-04'), ev('evidence.unlinked', '2024-03-01', { exclusionCase: undefined, criminalCase: 'SZ-0001' }));
    assert.deepEqual(state.cases, ['exclusion/IF-0001']);
    assert.equal(state.files.length, 1);
    assert.equal(state.files[0]!.fileName, 'checkpoint.png');
    assert.deepEqual(state.custody.map((entry) => [entry.from, entry.to]), [['TIM', 'NFI']]);
    assert.deepEqual(state.verifications.map((entry) => [entry.step, entry.outcome, entry.notes]), [['source', 'inconclusive', 'account kort voor de upload aangemaakt']]);
    assert.equal(state.disclosures[0]!.to, 'defence');
    assert.deepEqual(state.attributes, { kind: 'photo', files: 1 });
  });

  it('is bitemporal: a retracted file is gone as recorded after the retraction and still there before it', () => {
    const stream = recorder('evidence/E-1').record(registered, file, ev('retracted', '2024-01-12', { event: 'ev-2', reason: 'verkeerd bestand' }));
    const [, attached, retraction] = stream.events;
    assert.equal(stateAt('evidence', stream.events, LATER).files.length, 0);
    assert.equal(stateAt('evidence', stream.events, LATER, attached!.recordedAt).files.length, 1);
    assert.ok(retraction!.recordedAt > attached!.recordedAt);
    // a file attached on a later legal date is not there on an earlier one
    assert.equal(stateAt('evidence', stream.events, '2024-01-10').files.length, 0);
  });
});

describe('evidence event data', () => {
  const base = { id: 'e1', stream: 'evidence/E-1', date: '2024-01-01' };
  const problems = (type: string, data: Record<string, unknown>) => {
    const result = validateEvent({ ...base, type, data });
    return result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.message}`);
  };
  const registration = { kind: 'video', title: 'Video', source: { type: 'open-source' }, acquired: { date: '2024-01-01', by: 'TIM', method: 'capture' } };

  it('needs at least one case, and names each case by the field of its kind (references)', () => {
    assert.match(problems('evidence.registered', registration).join(), /at least one case/);
    const result = validateEvent({ ...base, type: 'evidence.registered', data: { ...registration, criminalCases: ['SZ-1'], exclusionCases: ['IF-2'] } });
    assert.ok(result.ok);
    assert.deepEqual(result.references, [{ field: 'data.criminalCases[0]', stream: 'criminal/SZ-1' }, { field: 'data.exclusionCases[0]', stream: 'exclusion/IF-2' }]);
    assert.match(problems('evidence.registered', { ...registration, criminalCases: ['SZ-1', 'SZ-1'] }).join(), /twice/);
  });

  it('checks the kind, the source type, the acquisition method and its date against today', () => {
    assert.match(problems('evidence.registered', { ...registration, criminalCases: ['SZ-1'], kind: 'selfie' }).join(), /data.kind: expected one of witness-statement/);
    const future = validateEvent({ ...base, type: 'evidence.registered', data: { ...registration, criminalCases: ['SZ-1'], acquired: { ...registration.acquired, date: '2030-01-01' } } }, { today: '2026-01-01' });
    assert.equal(future.ok, false);
    assert.match(JSON.stringify(future), /data.acquired.date/);
  });

  it('checks a file: its SHA-256, size, media type, a bare file name, a capture URL and time', () => {
    const good = { sha256: 'c'.repeat(64), size: 10, mediaType: 'video/mp4', fileName: 'clip.mp4', url: 'https://example.org/post/1', capturedAt: '2024-01-01T10:00:00Z', tool: 'imketen capture 0.1.0' };
    assert.deepEqual(problems('evidence.file-attached', good), []);
    assert.match(problems('evidence.file-attached', { ...good, sha256: 'C'.repeat(64) }).join(), /SHA-256/);
    assert.match(problems('evidence.file-attached', { ...good, fileName: '../../etc/passwd' }).join(), /not a file name/);
    assert.match(problems('evidence.file-attached', { ...good, url: 'javascript:alert(1)' }).join(), /http\(s\) URL/);
    assert.match(problems('evidence.file-attached', { ...good, capturedAt: 'yesterday' }).join(), /timestamp/);
    assert.match(problems('evidence.file-attached', { ...good, size: -1 }).join(), /data.size/);
  });

  it('links one case at a time, named as criminalCase or exclusionCase (references)', () => {
    assert.match(problems('evidence.linked', {}).join(), /exactly one case/);
    assert.match(problems('evidence.linked', { criminalCase: 'SZ-1', exclusionCase: 'IF-1' }).join(), /exactly one case/);
    const result = validateEvent({ ...base, type: 'evidence.linked', data: { exclusionCase: 'IF-1' } });
    assert.ok(result.ok);
    assert.deepEqual(result.references, [{ field: 'data.exclusionCase', stream: 'exclusion/IF-1' }]);
  });
});

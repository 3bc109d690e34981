import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given } from '../domain/testing/factories.js';
import { allowedEvents, formFields } from './event-forms.js';

const TODAY = '2026-11-28';
const opened = ev('criminal.opened', '2024-01-10', { suspect: 'P-0042', offences: ['war-crimes'] });
const indicted = ev('criminal.indicted', '2025-02-01');
const types = (list: { type: string }[]) => list.map((event) => event.type).sort();

describe('the events a case allows now (the web form)', () => {
  it('offers an indictment but no judgment during the investigation', () => {
    const { state } = given('criminal', opened);
    const allowed = types(allowedEvents('criminal', 'criminal/T-1', state, TODAY));
    assert.ok(allowed.includes('criminal.indicted'));
    assert.ok(!allowed.includes('criminal.judgment'));
    assert.ok(!allowed.includes('criminal.opened'), 'an opening event comes first only');
  });

  it('narrows a judgment to the instance the case is in', () => {
    const { state } = given('criminal', opened, indicted);
    const judgment = allowedEvents('criminal', 'criminal/T-1', state, TODAY).find((event) => event.type === 'criminal.judgment');
    assert.deepEqual(judgment?.fields.find((field) => field.name === 'instance')?.options, ['first-instance']);
    assert.deepEqual(judgment?.fields.find((field) => field.name === 'outcome')?.options, ['convicted', 'acquitted', 'other']);
    assert.ok(judgment?.fields.some((field) => field.name === 'sentence.prisonMonths' && field.kind === 'integer'));
  });

  it('offers informing a victim only with the registered victims to choose from', () => {
    const { state } = given('criminal', opened);
    assert.ok(!types(allowedEvents('criminal', 'criminal/T-1', state, TODAY)).includes('criminal.victim-informed'));
    const withVictim = given('criminal', opened, ev('criminal.victim-registered', '2024-02-01', { victim: 'P-0100' })).state;
    const informed = allowedEvents('criminal', 'criminal/T-1', withVictim, TODAY, { victims: ['P-0100'] }).find((event) => event.type === 'criminal.victim-informed');
    assert.deepEqual(informed?.fields.find((field) => field.name === 'victim')?.options, ['P-0100']);
  });

  it('names the vocabulary of a court, a channel and a topic: text in the event, picked from a list in the form', () => {
    const { state } = given('criminal', opened, indicted);
    const allowed = allowedEvents('criminal', 'criminal/T-1', state, TODAY);
    const hearing = allowed.find((event) => event.type === 'criminal.hearing-scheduled');
    assert.deepEqual(hearing?.fields.find((field) => field.name === 'court'), { name: 'court', kind: 'text', required: true, vocabulary: 'courts' });
    const informed = formFields('criminal', 'criminal.victim-informed');
    assert.equal(informed.find((field) => field.name === 'channel')?.vocabulary, 'channels');
    assert.equal(informed.find((field) => field.name === 'about')?.vocabulary, 'topics');
    assert.equal(formFields('criminal', 'criminal.judge-authorisation').find((field) => field.name === 'court')?.vocabulary, 'courts');
    assert.equal(formFields('criminal', 'criminal.judge-authorisation').find((field) => field.name === 'decisionReference')?.vocabulary, undefined);
  });

  it('offers nothing but victim events after a case is closed', () => {
    const { state } = given('criminal', opened, ev('criminal.closed', '2025-01-01', { reason: 'dismissed' }));
    assert.deepEqual(types(allowedEvents('criminal', 'criminal/T-1', state, TODAY)), ['criminal.victim-registered']);
  });

  it('reads the fields from the interchange format, leaving out acts', () => {
    const fields = formFields('exclusion', 'exclusion.decided');
    assert.deepEqual(fields.map((field) => [field.name, field.kind, field.required]), [
      ['outcome', 'choice', true], ['grounds', 'choices', false], ['article3Barrier', 'boolean', false],
    ]);
  });
});

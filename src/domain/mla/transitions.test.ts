import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const sent = ev('mla.sent', '2024-01-10', { state: 'UKR', legalBasis: 'Ljubljana–Den Haag Verdrag' });
const received = ev('mla.received', '2024-01-10', { state: 'DEU' });
const answered = ev('mla.answered', '2024-03-01');
const LATER = '2024-06-01';

describe('legal assistance transitions', () => {
  it('allows sent or received → answered → closed, and closing unanswered (docs/domain.md §4)', () => {
    assert.deepEqual(
      transitionMismatches(
        'mla',
        {
          'not opened': [],
          sent: [sent],
          received: [received],
          answered: [sent, answered],
          closed: [received, ev('mla.closed', '2024-02-01')],
        },
        { sent: ev('mla.sent', LATER), received: ev('mla.received', LATER), answered: ev('mla.answered', LATER), closed: ev('mla.closed', LATER) },
        {
          'not opened': ['sent', 'received'],
          sent: ['answered', 'closed'],
          received: ['answered', 'closed'],
          answered: ['closed'],
          closed: [],
        },
      ),
      [],
    );
  });

  it('refuses a second answer, naming the first', () => {
    assert.match(given('mla', sent, answered).when(ev('mla.answered', LATER))?.message ?? '', /answered on 2024-03-01/);
  });
});

describe('legal assistance state', () => {
  it('knows an outgoing request from an incoming one', () => {
    assert.deepEqual(given('mla', sent).state.attributes, { direction: 'outgoing', state: 'UKR' });
    assert.deepEqual(given('mla', received).state.attributes, { direction: 'incoming', state: 'DEU' });
    assert.equal(given('mla', sent).state.legalBasis, 'Ljubljana–Den Haag Verdrag');
  });

  it('records when the request was answered and closed', () => {
    const { state } = given('mla', sent, answered, ev('mla.closed', LATER));
    assert.deepEqual([state.phase, state.answeredOn, state.closedOn], ['closed', '2024-03-01', LATER]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { article3Reassessment } from './article3-reassessment.js';

const SYRIA = [{ country: 'SYR', date: '2024-12-08', change: { nl: 'val van het regime', en: 'fall of the regime' }, source: 'test' }];
const open = (assessedOn: string | null) => ({ phase: 'open' as const, article3Barrier: true, article3AssessedOn: assessedOn });

describe('R7 for one departure dossier', () => {
  it('is due from the change of the situation in a country of nationality after the last assessment', () => {
    const result = article3Reassessment(open('2023-05-01'), ['SYR'], SYRIA, '2026-11-28');
    assert.equal(result?.status, 'due');
    assert.equal(result?.dueDate, '2024-12-08');
    assert.equal(result?.lastAssessment, '2023-05-01');
    assert.match(result!.explanation.nl, /1 mei 2023.*8 december 2024/);
  });

  it('stands when the barrier was assessed after the change, or the change concerns another country, or is still to come', () => {
    assert.equal(article3Reassessment(open('2025-02-01'), ['SYR'], SYRIA, '2026-11-28')?.status, 'current');
    assert.equal(article3Reassessment(open('2023-05-01'), ['IRQ'], SYRIA, '2026-11-28')?.status, 'current');
    assert.equal(article3Reassessment(open('2023-05-01'), ['SYR'], SYRIA, '2024-12-01')?.status, 'current');
  });

  it('does not apply without a barrier or to a closed dossier', () => {
    assert.equal(article3Reassessment({ ...open('2023-05-01'), article3Barrier: false }, ['SYR'], SYRIA, '2026-11-28'), undefined);
    assert.equal(article3Reassessment({ ...open('2023-05-01'), phase: 'closed' as never }, ['SYR'], SYRIA, '2026-11-28'), undefined);
  });
});

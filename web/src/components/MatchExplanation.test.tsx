import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { MatchDetails } from './MatchExplanation';

/** A name under the threshold that the same birth date confirms (src/matching/person-score.ts, dateConfirmReach). */
const confirmed = (confirmsName: boolean) => ({
  name: {
    score: 0.617, queryName: 'Samir Nabil Mahmood Abdul Khaled', entryName: 'Samir Nabil Mahmoud Abdul Khaliq',
    parts: [{ query: 'Samir', entry: 'Samir', how: 'exact', similarity: 1 }], unmatchedQuery: [], unmatchedEntry: [], deductions: [],
  },
  nameScore: 0.617,
  birthDate: { outcome: 'agree', precision: 'day', query: '1968-03-14', entry: '1968-03-14', detail: 'same day', effect: 0.15, ...(confirmsName ? { confirmsName: true } : {}) },
  nationality: { outcome: 'unknown', query: [], entry: ['SYR'], detail: '', effect: 0 },
});

describe('the explanation of a hit', () => {
  beforeEach(async () => { await i18n.changeLanguage('nl'); });

  it('says when the birth date confirmed a name that corresponds in part, in Dutch and in English', async () => {
    const { unmount } = render(<MatchDetails explanation={confirmed(true)} queryLabel="Persoon" entryLabel="Lijst" />);
    expect(screen.getByTestId('match-birth-date').textContent).toMatch(/^komt overeen \(1968-03-14 \/ 1968-03-14\), bevestigt een naam die deels overeenkomt; effect op de score: \+0[,.]15/);
    unmount();
    await i18n.changeLanguage('en');
    render(<MatchDetails explanation={confirmed(true)} queryLabel="Person" entryLabel="List" />);
    expect(screen.getByTestId('match-birth-date').textContent).toContain('confirms a name that corresponds in part');
  });

  it('says nothing of the kind for an ordinary agreement', () => {
    render(<MatchDetails explanation={confirmed(false)} queryLabel="Persoon" entryLabel="Lijst" />);
    expect(screen.getByTestId('match-birth-date').textContent).not.toContain('bevestigt');
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client';
import { i18n } from '../i18n';
import { ProblemAlert } from './Status';

describe('a problem the server sent', () => {
  it('shows a refusal with its reason and the legal bases that would allow the access', async () => {
    await i18n.changeLanguage('nl');
    render(<ProblemAlert problem={new ApiProblem({
      status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Refused: ministry (MIN) may not stream.read person/P-00001',
      allowingBases: ['Wjsg, processing of criminal-procedure data (verify)'],
    })} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Niet toegestaan');
    expect(alert.textContent).toContain('Refused: ministry (MIN) may not stream.read person/P-00001');
    expect(alert.textContent).toContain('Wat dit wel zou toestaan');
    expect(screen.getByText('Wjsg, processing of criminal-procedure data (nog niet aan de bron bevestigd)')).toBeTruthy();
  });

  it('lists each invalid field, in English after the switch', async () => {
    await i18n.changeLanguage('en');
    render(<ProblemAlert problem={new ApiProblem({
      status: 422, title: 'Invalid', code: 'INVALID_INPUT', detail: 'The events are not valid.',
      problems: [{ field: 'events[0].data.court', message: 'must not be blank' }],
    })} />);
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
    expect(screen.getByText('events[0].data.court')).toBeTruthy();
    await i18n.changeLanguage('nl');
  });
});

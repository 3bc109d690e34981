// First: the API client takes the global fetch when it is created.
import { server } from '../testing/fake-server';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { ScreeningHit } from '../api/types';
import { i18n } from '../i18n';
import { ReviewActions } from './HitReview';

const HIT: ScreeningHit = {
  id: 7, source: 'watchlist', list: 'un-sc', listVersion: 2, personId: 'P-00030', counterpart: 'QDi.001', score: 0.91,
  explanation: {}, status: 'open', current: true, firstFoundAt: '2026-11-28T10:00:00.000Z', lastFoundAt: '2026-11-28T10:00:00.000Z',
  lastDecision: null, person: { id: 'P-00030', names: ['Mohamad al-Hassan'], birthDate: '1968-10', nationalities: ['SYR'] },
  entry: { id: 'QDi.001', names: ['Muhammad Alhasan'] },
};

describe('reviewing a screening hit', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
    server.requests.length = 0;
    server.answer = { status: 200, body: { ...HIT, status: 'rejected', lastDecision: { decision: 'rejected', reason: 'x', reviewedBy: 'tim.demo', reviewedAt: '2026-11-28T10:00:00.000Z', onCurrentData: true } } };
    setCsrfToken('csrf-token-of-the-session');
  });
  afterEach(() => setCsrfToken(''));

  it('sends nothing without a reason: a blank or only-spaces reason is refused in the dialog', async () => {
    const user = userEvent.setup();
    const onReviewed = vi.fn();
    render(<ReviewActions hit={HIT} onReviewed={onReviewed} />);
    await user.click(screen.getByRole('button', { name: 'Afwijzen: treffer 7' }));
    const dialog = await screen.findByRole('dialog', { name: 'Treffer 7 afwijzen' });
    expect(dialog.textContent).toContain('Mohamad al-Hassan (P-00030)');

    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(screen.getByText('Verplicht veld.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Reden/ }), '   ');
    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(screen.getByText('Verplicht veld.')).toBeTruthy();

    expect(server.requests).toEqual([]);
    expect(onReviewed).not.toHaveBeenCalled();
  });

  it('sends the decision with the reason to the review route of the hit, and reports the reviewed hit', async () => {
    const user = userEvent.setup();
    const onReviewed = vi.fn();
    render(<ReviewActions hit={HIT} onReviewed={onReviewed} />);
    await user.click(screen.getByRole('button', { name: 'Afwijzen: treffer 7' }));
    await user.type(await screen.findByRole('textbox', { name: /Reden/ }), '  Andere geboortedatum volgens paspoort  ');
    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));

    await waitFor(() => expect(onReviewed).toHaveBeenCalledTimes(1));
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(new URL(request!.url).pathname).toBe('/api/persons/P-00030/hits/7/reviews');
    expect(request!.body).toEqual({ decision: 'rejected', reason: 'Andere geboortedatum volgens paspoort' });
    expect(request!.headers.get('x-csrf-token')).toBe('csrf-token-of-the-session');
    expect(onReviewed.mock.calls[0]![0]).toMatchObject({ id: 7, status: 'rejected' });
    expect(onReviewed.mock.calls[0]![1]).toBe('rejected');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('confirm and unsure send their own decision', async () => {
    const user = userEvent.setup();
    render(<ReviewActions hit={HIT} onReviewed={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Bevestigen: treffer 7' }));
    await user.type(await screen.findByRole('textbox', { name: /Reden/ }), 'Zelfde paspoortnummer');
    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Onzeker: treffer 7' }));
    await user.type(await screen.findByRole('textbox', { name: /Reden/ }), 'Geboortedatum onbekend');
    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests.map((request) => (request.body as { decision: string }).decision)).toEqual(['confirmed', 'unsure']);
  });

  it("shows the server's refusal with its reason and keeps the dialog open", async () => {
    server.answer = { status: 403, body: { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Refused: dtv may not screening.review person/P-00030' } };
    const user = userEvent.setup();
    const onReviewed = vi.fn();
    render(<ReviewActions hit={HIT} onReviewed={onReviewed} />);
    await user.click(screen.getByRole('button', { name: 'Bevestigen: treffer 7' }));
    await user.type(await screen.findByRole('textbox', { name: /Reden/ }), 'Zelfde persoon');
    await user.click(screen.getByRole('button', { name: 'Vastleggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Refused: dtv may not screening.review person/P-00030');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(onReviewed).not.toHaveBeenCalled();
  });
});

// First: the API client takes the global fetch when it is created.
import { server } from '../testing/fake-server';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Approval } from '../api/types';
import { i18n } from '../i18n';
import { ApprovalActions } from './ApprovalActions';

const REQUEST: Approval = {
  id: 4, kind: 'token.issue', accountId: null, tokenId: 9, summary: "activate API token 9 'om-koppeling' with role prosecutor",
  requestedBy: 'beheer.demo', requestedAt: '2026-11-28T10:00:00.000Z', status: 'pending', decidedBy: null, decidedAt: null,
};

describe('deciding another administrator\'s request', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
    server.requests.length = 0;
    server.answer = { status: 200, body: { ...REQUEST, status: 'approved', decidedBy: 'beheer2.demo', decidedAt: '2026-11-28T11:00:00.000Z' } };
    setCsrfToken('csrf-token-of-the-session');
  });
  afterEach(() => setCsrfToken(''));

  it('offers no decision on one\'s own request', () => {
    render(<ApprovalActions approval={REQUEST} username="beheer.demo" onDecided={vi.fn()} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Uw eigen verzoek: een andere beheerder beslist.')).toBeTruthy();
  });

  it('sends the approval of another administrator\'s request and reports the decided request', async () => {
    const user = userEvent.setup();
    const onDecided = vi.fn();
    render(<ApprovalActions approval={REQUEST} username="beheer2.demo" onDecided={onDecided} />);
    await user.click(screen.getByRole('button', { name: 'Goedkeuren: verzoek 4' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalledTimes(1));
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(new URL(request!.url).pathname).toBe('/api/approvals/4');
    expect(request!.body).toEqual({ decision: 'approve' });
    expect(request!.headers.get('x-csrf-token')).toBe('csrf-token-of-the-session');
    expect(onDecided.mock.calls[0]![0]).toMatchObject({ id: 4, status: 'approved' });
  });

  it('shows what the server refuses, with its reason', async () => {
    server.answer = { status: 403, body: { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Approval request 4 was made by you: another administrator must decide it (separation of duties).' } };
    const user = userEvent.setup();
    const onDecided = vi.fn();
    render(<ApprovalActions approval={REQUEST} username="beheer2.demo" onDecided={onDecided} />);
    await user.click(screen.getByRole('button', { name: 'Afwijzen: verzoek 4' }));
    expect(await screen.findByText(/another administrator must decide it/)).toBeTruthy();
    expect(onDecided).not.toHaveBeenCalled();
  });
});

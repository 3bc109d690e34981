// First: the API client takes the global fetch when it is created.
import { server } from '../testing/fake-server';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { GroupScreening as GroupScreeningResult, Watchlists } from '../api/types';
import { i18n } from '../i18n';
import { GroupScreening } from './GroupScreening';

const version = (number: number, entries: number) => ({ version: number, importedAt: '2026-11-28T10:00:00.000Z', format: 'jsonl', sources: ['x.jsonl'], entries, added: entries, removed: 0, changed: 0 });
const LISTS: Watchlists['items'] = [
  { name: 'un-sc', versions: [version(3, 700), version(2, 690)] },
  { name: 'e2e-list', versions: [version(1, 1)] },
  { name: 'empty', versions: [] },
];

const RESULT: GroupScreeningResult = {
  run: { list: 'e2e-list', version: 1, threshold: 0.85, personsInScope: 12, personsFull: 9, personsDelta: 1, personsSkipped: 2, hitsFound: 3, hitsGone: 0 },
  raised: [],
};

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: option }));
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

describe('screening a group against a watchlist', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
    server.requests.length = 0;
    server.answer = { status: 200, body: RESULT };
    setCsrfToken('csrf-token-of-the-session');
  });
  afterEach(() => setCsrfToken(''));

  it('offers the lists with a version, the kinds of the role and the phases of the chosen kind', async () => {
    const user = userEvent.setup();
    render(<GroupScreening lists={LISTS} kinds={['exclusion', 'departure']} onScreened={vi.fn()} />);
    await user.click(screen.getByRole('combobox', { name: 'Lijst' }));
    expect(within(await screen.findByRole('listbox')).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'un-sc (versie 3, 700 vermeldingen)', 'e2e-list (versie 1, 1 vermeldingen)',
    ]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await choose(user, 'Soort zaak', 'Vertrekdossiers');
    await user.click(screen.getByRole('combobox', { name: 'Fase' }));
    expect(within(await screen.findByRole('listbox')).getAllByRole('option')).toHaveLength(4);
  });

  it('sends the list, the case kind and the phase, shows the summary of the run and reports it', async () => {
    const user = userEvent.setup();
    const onScreened = vi.fn();
    render(<GroupScreening lists={LISTS} kinds={['exclusion', 'departure']} onScreened={onScreened} />);
    await choose(user, 'Lijst', 'e2e-list (versie 1, 1 vermeldingen)');
    await choose(user, 'Soort zaak', '1F-onderzoeken');
    await choose(user, 'Fase', 'Open');
    await user.click(screen.getByRole('button', { name: 'Groep screenen' }));

    const status = await screen.findByRole('status');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(new URL(request!.url).pathname).toBe('/api/screening/runs');
    expect(request!.body).toEqual({ list: 'e2e-list', kind: 'exclusion', phase: 'open' });
    expect(request!.headers.get('x-csrf-token')).toBe('csrf-token-of-the-session');
    expect(status.textContent).toContain('gescreend tegen e2e-list (versie 1)');
    expect(status.textContent).toContain('12 personen in de groep, 10 gescreend, 2 ongewijzigd; 3 treffer(s) gevonden, 0 nieuw ter beoordeling');
    expect(onScreened).toHaveBeenCalledWith(RESULT);
  });

  it('sends no phase for all phases, and shows what the server refuses', async () => {
    const user = userEvent.setup();
    const onScreened = vi.fn();
    server.answer = { status: 403, body: { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Refused: screening.run on departure.' } };
    render(<GroupScreening lists={LISTS} kinds={['exclusion', 'departure']} onScreened={onScreened} />);
    await choose(user, 'Soort zaak', 'Vertrekdossiers');
    await user.click(screen.getByRole('button', { name: 'Groep screenen' }));
    await screen.findByText(/Refused: screening\.run on departure\./);
    expect(server.requests.map((request) => request.body)).toEqual([{ list: 'un-sc', kind: 'departure' }]);
    expect(onScreened).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

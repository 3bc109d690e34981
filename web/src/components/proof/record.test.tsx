// First: the API client takes the global fetch when it is created.
import { server } from '../../testing/fake-server';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { i18n } from '../../i18n';
import { DETAIL } from '../evidence/evidence-fixtures';
import { Timeline } from '../case/Timeline';
import { EvidenceRecord } from './EvidenceRecord';

const ALL_EVIDENCE = ['evidence.element-linked', 'evidence.element-unlinked', 'evidence.conditions-set', 'evidence.consent-requested', 'evidence.consent-given',
  'evidence.consent-refused', 'evidence.availability-changed'];
const ELEMENTS = { items: [{ offence: 'war-crimes', label: { nl: 'Oorlogsmisdrijven', en: 'War crimes' }, crimes: [{
  crime: 'wc-iac.wilful-killing', label: { nl: 'Opzettelijk doden', en: 'Wilful killing' }, article: 'WIM art. 5',
  elements: [
    { element: 'wc-iac.wilful-killing.killing', kind: 'conduct', label: { nl: 'De verdachte doodde een of meer personen', en: 'The perpetrator killed one or more persons' } },
    { element: 'wc-iac.wilful-killing.protected', kind: 'circumstance', label: { nl: 'De personen waren beschermd', en: 'The persons were protected' } },
  ],
}] }] };

let allowed: unknown;
beforeEach(async () => {
  await i18n.changeLanguage('nl');
  server.requests.length = 0;
  server.answer = { status: 201, body: { appended: 1 } };
  setCsrfToken('csrf');
  allowed = { today: '2026-11-28', phase: 'registered', opens: [], mayAppend: true, mayRetract: true, refusal: null, events: ALL_EVIDENCE.map((type) => ({ type, fields: [] })) };
  server.route = (request) => {
    if (request.method !== 'GET') return undefined;
    const path = new URL(request.url).pathname;
    const body = path.endsWith('/allowed-events') ? allowed : path.endsWith('/elements') ? ELEMENTS : undefined;
    return new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } });
  };
});
afterEach(() => { server.route = undefined; setCsrfToken(''); });

const renderRecord = (onChanged = vi.fn()) => render(<MemoryRouter><EvidenceRecord item={DETAIL} today="2026-11-28" onChanged={onChanged} /></MemoryRouter>);

describe('recording an evidence item\'s use', { timeout: 60_000 }, () => {
  it('names each linked element in words and offers the forms the write policy gives', async () => {
    renderRecord();
    await screen.findByRole('button', { name: 'Koppelen aan bestanddeel' });
    expect(await screen.findByText(/De verdachte doodde een of meer personen/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ontkoppelen: De verdachte doodde een of meer personen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Voorwaarden vastleggen' })).toBeTruthy();
    // consent was given: it can still be refused, not given again
    expect(screen.queryByRole('button', { name: 'Toestemming gegeven' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Toestemming geweigerd' })).toBeTruthy();
  });

  it('offers nothing to a role the write policy gives no evidence event', async () => {
    allowed = { today: '2026-11-28', phase: 'registered', opens: [], mayAppend: false, mayRetract: false, refusal: 'Refused', events: [] };
    renderRecord();
    await screen.findByText(/De verdachte doodde een of meer personen/);
    expect(screen.queryByRole('button', { name: 'Koppelen aan bestanddeel' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Ontkoppelen/ })).toBeNull();
  });

  it('links the item to an element of an offence of its case, and shows the server\'s refusal in words', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    renderRecord(onChanged);
    await user.click(await screen.findByRole('button', { name: 'Koppelen aan bestanddeel' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(within(dialog).getAllByText('Verplicht veld.').length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(0);
    await user.click(await within(dialog).findByRole('combobox', { name: /^Bestanddeel/ }));
    await user.click(await screen.findByRole('option', { name: 'De personen waren beschermd' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Onderbouwing/ }), 'de slachtoffers droegen geen wapens');
    server.answer = { status: 403, body: { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Refused: prosecutor (OM) may not write events[0]' } };
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(await within(dialog).findByText('Niet toegestaan')).toBeTruthy();
    const sent = server.requests[0]!.body as { events: { stream: string; type: string; data: Record<string, unknown> }[] };
    expect(sent.events[0]).toMatchObject({ stream: 'evidence/BW-0001', type: 'evidence.element-linked', data: {
      criminalCase: 'SZ-2023-001', offence: 'war-crimes', element: 'wc-iac.wilful-killing.protected', relation: 'supports', weight: 'moderate', reasoning: 'de slachtoffers droegen geen wapens',
    } });
    server.answer = { status: 201, body: { appended: 1 } };
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith('Vastgelegd.'));
  });

  it('Enter in a date field does not submit', async () => {
    const user = userEvent.setup();
    renderRecord();
    await user.click(await screen.findByRole('button', { name: 'Beschikbaarheid wijzigen' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Reden/ }), 'mandaat geëindigd');
    await user.click(within(dialog).getByLabelText(/^Datum/));
    await user.keyboard('{Enter}');
    expect(server.requests).toHaveLength(0);
  });
});

describe('the timeline of a case', () => {
  const entry = (index: number, type: string) => ({
    event: { seq: index, id: `ev-${index}`, stream: 'criminal/SZ-1', type, date: `2025-01-${String(1 + (index % 28)).padStart(2, '0')}`, recordedAt: '2025-02-01T10:00:00.000Z', data: {} },
    recordedBy: index % 2 ? 'OM' : null,
  });
  const entries = Array.from({ length: 25 }, (_, index) => entry(index, index % 5 === 0 ? 'criminal.indicted' : 'criminal.hearing-scheduled'));

  it('shows the latest ten, all on request, filters by kind and names who recorded each entry', async () => {
    const user = userEvent.setup();
    render(<MemoryRouter><Timeline entries={entries} persons={[]} mayRetract onRetract={vi.fn()} /></MemoryRouter>);
    expect(screen.getByTestId('timeline-count').textContent).toBe('10 van 25 getoond');
    expect(screen.getAllByTestId('recorded-by').map((node) => node.textContent)).toContain('door Openbaar Ministerie — Landelijk Parket');
    expect(screen.getAllByTestId('recorded-by').map((node) => node.textContent)).toContain('door een import op de server');
    await user.click(screen.getByRole('button', { name: 'Toon alle 25' }));
    expect(screen.getByTestId('timeline-count').textContent).toBe('25 van 25 getoond');
    await user.click(screen.getByRole('combobox', { name: 'Filteren op soort' }));
    await user.click(await screen.findByRole('option', { name: /^Gedagvaard/ }));
    expect(screen.getByTestId('timeline-count').textContent).toBe('5 van 5 getoond');
    expect(screen.queryByRole('button', { name: 'Intrekken' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Acties voor Gedagvaard/ })).toHaveLength(5);
  });
});

// First: the API client takes the global fetch when it is created.
import { server } from '../../testing/fake-server';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { i18n } from '../../i18n';
import { EvidencePage } from '../../pages/EvidencePage';
import { DETAIL, FakeUpload, HASH_A, SUMMARY } from './evidence-fixtures';
import { EvidenceSection } from './EvidenceSection';

const session = vi.hoisted(() => ({ role: 'police' }));
vi.mock('../../auth/session', () => ({
  useSession: () => ({ principal: { kind: 'account', username: 'tim.demo', organisation: 'TIM', role: session.role }, today: '2026-11-28', loading: false }),
}));

/** The GET answers by path; everything else (POST /api/events through the client) goes to the fake server. */
let gets: Record<string, { status: number; body: unknown }> = {};
const gotPaths: string[] = [];

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  session.role = 'police';
  server.requests.length = 0;
  server.answer = { status: 200, body: { appended: 1 } };
  FakeUpload.sent.length = 0;
  gotPaths.length = 0;
  setCsrfToken('csrf-of-the-session');
  vi.stubGlobal('XMLHttpRequest', FakeUpload);
  gets = {
    '/api/cases/criminal/SZ-2023-001/evidence': { status: 200, body: { items: [SUMMARY] } },
    '/api/evidence/BW-0001/near-duplicates': { status: 200, body: { items: [{ sha256: HASH_A, evidence: 'BW-0002', otherSha256: 'c'.repeat(64), distance: 3 }] } },
    '/api/evidence/BW-0001': { status: 200, body: DETAIL },
  };
  server.route = (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET') return undefined;
    gotPaths.push(path);
    const answer = gets[path] ?? { status: 404, body: { status: 404, title: 'Not Found', code: 'STREAM_NOT_FOUND', detail: `nothing at ${path}` } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': answer.status < 400 ? 'application/json' : 'application/problem+json' } });
  };
});
afterEach(() => {
  server.route = undefined;
  vi.unstubAllGlobals();
  setCsrfToken('');
});

function renderSection() {
  return render(<MemoryRouter><EvidenceSection caseKind="criminal" caseId="SZ-2023-001" /></MemoryRouter>);
}

// Generous limits: the machine running the tests may be busy; typing through the forms takes its time there.
describe('the evidence section of a case', { timeout: 60_000 }, () => {
  it('lists each item with Dutch labels, the acquisition, a short hash, the verification state and a near-duplicate marker', async () => {
    renderSection();
    const link = await screen.findByRole('link', { name: 'Open bewijsstuk Foto van het marktplein' });
    expect(link.getAttribute('href')).toBe('/evidence/BW-0001');
    const row = link.closest('tr')!;
    expect(within(row).getByText('Foto')).toBeTruthy();
    expect(within(row).getByText('Open bron')).toBeTruthy();
    expect(within(row).getByText(/4 maart 2026 door Politie/)).toBeTruthy();
    expect(within(row).getByText('Download')).toBeTruthy();
    expect(within(row).getByTestId('short-hash').textContent).toBe(HASH_A.slice(0, 12));
    expect(within(row).getByText('Bron: Bevestigd')).toBeTruthy();
    expect(within(row).getByText('Technisch: nog niet')).toBeTruthy();
    expect(within(row).getByText('Inhoud: Niet vast te stellen')).toBeTruthy();
    expect(await within(row).findByTestId('near-duplicate-marker')).toBeTruthy();
  });

  it('offers the court bundle as a download, and captures a web page through the API', async () => {
    const files = ['screenshot.png', 'page.pdf', 'page.mhtml', 'page.html', 'responses.warc.gz', 'manifest.json'].map((fileName) => ({ sha256: HASH_A, size: 1, mediaType: 'application/octet-stream', fileName }));
    server.answer = { status: 201, body: { id: 'CAP-1', stream: 'evidence/CAP-1', url: 'https://example.org/post', finalUrl: 'https://example.org/post', status: 200, captureStart: '2026-11-28T10:00:00Z', captureEnd: '2026-11-28T10:00:05Z', files } };
    renderSection();
    const bundle = await screen.findByRole('link', { name: 'Download bundel voor de rechter' });
    expect(bundle.getAttribute('href')).toBe('/api/cases/criminal/SZ-2023-001/evidence-bundle');
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: 'Vastleggen' });
    await user.type(screen.getByLabelText('Adres (URL) van de pagina'), 'ftp://example.org');
    expect(submit.hasAttribute('disabled')).toBe(true);
    await user.clear(screen.getByLabelText('Adres (URL) van de pagina'));
    await user.type(screen.getByLabelText('Adres (URL) van de pagina'), 'https://example.org/post');
    await user.click(submit);
    const done = await screen.findByTestId('capture-done');
    expect(within(done).getByRole('link', { name: 'CAP-1' }).getAttribute('href')).toBe('/evidence/CAP-1');
    const sent = server.requests.find((request) => request.url.endsWith('/api/cases/criminal/SZ-2023-001/evidence-captures'));
    expect(sent?.body).toEqual({ url: 'https://example.org/post' });
    expect(sent?.headers.get('x-csrf-token')).toBe('csrf-of-the-session');
  });

  it('says when a case has no evidence, and offers no marker without near-duplicates', async () => {
    gets['/api/cases/criminal/SZ-2023-001/evidence'] = { status: 200, body: { items: [] } };
    renderSection();
    expect(await screen.findByText('Bij deze zaak is nog geen bewijs geregistreerd.')).toBeTruthy();
    expect(gotPaths).not.toContain('/api/evidence/BW-0001/near-duplicates');
  });

  it('registers an item as evidence.registered of the case, then uploads its file with progress and the CSRF token', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection();
    await screen.findByRole('link', { name: /Open bewijsstuk/ });
    const form = screen.getByRole('form', { name: 'Bewijs registreren' });
    await user.click(within(form).getByRole('button', { name: 'Registreren' }));
    expect(within(form).getAllByText('Verplicht veld.').length).toBeGreaterThanOrEqual(4);
    expect(server.requests).toHaveLength(0);

    await user.click(within(form).getByRole('combobox', { name: /Soort/ }));
    await user.click(screen.getByRole('option', { name: 'Vastgelegde webpagina' }));
    await user.type(within(form).getByRole('textbox', { name: /Titel/ }), 'Bericht op sociale media');
    await user.click(within(form).getByRole('combobox', { name: /^Bron/ }));
    await user.click(screen.getByRole('option', { name: 'Open bron' }));
    await user.click(within(form).getByRole('combobox', { name: /Werkwijze/ }));
    await user.click(screen.getByRole('option', { name: 'Vastlegging (capture)' }));
    await user.type(within(form).getByRole('textbox', { name: /Taal/ }), 'x1');
    expect(within(form).getByText('Een taalcode zoals ar, nl of ar-SY.')).toBeTruthy();
    await user.clear(within(form).getByRole('textbox', { name: /Taal/ }));
    await user.type(within(form).getByRole('textbox', { name: /Taal/ }), 'ar');
    await user.click(within(form).getByRole('button', { name: 'Registreren' }));

    await screen.findByText('Het bewijsstuk is geregistreerd.');
    const [request] = server.requests;
    expect(new URL(request!.url).pathname).toBe('/api/events');
    expect(request!.headers.get('x-csrf-token')).toBe('csrf-of-the-session');
    const [event] = (request!.body as { events: { stream: string; type: string; date: string; data: unknown }[] }).events;
    expect(event!.stream).toMatch(/^evidence\/BW-[0-9A-F]{8}$/);
    expect(event!.type).toBe('evidence.registered');
    expect(event!.date).toBe('2026-11-28');
    expect(event!.data).toEqual({
      criminalCases: ['SZ-2023-001'], kind: 'web-capture', title: 'Bericht op sociale media', source: { type: 'open-source' },
      acquired: { date: '2026-11-28', by: 'Politie — Team Internationale Misdrijven', method: 'capture' }, language: 'ar',
    });

    FakeUpload.answer = { status: 201, body: { sha256: HASH_A, size: 5, mediaType: 'image/png', fileName: 'scherm.png', created: true, eventId: 'ev-9' } };
    const drop = screen.getByTestId('file-input') as HTMLInputElement;
    await user.upload(drop, new File(['12345'], 'scherm.png', { type: 'image/png' }));
    expect(await screen.findByText(`scherm.png is opgeslagen (SHA-256 ${HASH_A.slice(0, 12)}).`)).toBeTruthy();
    const [sent] = FakeUpload.sent;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(`/api/evidence/${event!.stream.slice('evidence/'.length)}/files?fileName=scherm.png`);
    expect(sent!.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-csrf-token': 'csrf-of-the-session' });
    expect((sent!.body as File).name).toBe('scherm.png');
  });

  it('offers neither the form nor the upload to a role that only reads evidence', async () => {
    session.role = 'dtv';
    renderSection();
    await screen.findByRole('link', { name: /Open bewijsstuk/ });
    expect(screen.queryByRole('form', { name: 'Bewijs registreren' })).toBeNull();
    expect(screen.getByText('U kunt bewijs bij deze zaak inzien maar niet registreren.')).toBeTruthy();
  });
});

function renderPage() {
  return render(<MemoryRouter initialEntries={['/evidence/BW-0001']}><Routes><Route path="/evidence/:id" element={<EvidencePage />} /></Routes></MemoryRouter>);
}

describe('the evidence page', { timeout: 60_000 }, () => {
  it('shows what was stated beside what was derived, in Dutch, with a preview and a download of the file', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bewijsstuk: Foto van het marktplein' })).toBeTruthy();
    const stated = screen.getByTestId('evidence-stated');
    expect(within(stated).getByText('Open bron — Kanaal X (fictief)')).toBeTruthy();
    expect(within(stated).getByText('4 maart 2026')).toBeTruthy();
    expect(within(stated).getByText('Download')).toBeTruthy();
    const derived = screen.getByTestId('derived-facts');
    expect(within(derived).getByText('1024 × 768')).toBeTruthy();
    expect(within(derived).getByText('36,20124° N, 37,13428° O')).toBeTruthy();
    expect(within(derived).getByText('Fictief · Telefoon 1')).toBeTruthy();
    expect(within(derived).getByText('1 mrt 2026, 13:05')).toBeTruthy();
    const image = screen.getByRole('img', { name: 'Voorbeeld van plein.png' });
    expect(image.getAttribute('src')).toBe(`/api/evidence/BW-0001/files/${HASH_A}?view=true`);
    const download = screen.getByRole('link', { name: 'plein.png downloaden' });
    expect(download.getAttribute('href')).toBe(`/api/evidence/BW-0001/files/${HASH_A}`);
    expect(within(screen.getByTestId('evidence-custody')).getByText(/Van Politie — Team Internationale Misdrijven aan Openbaar Ministerie — Landelijk Parket — Beoordeling/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'BW-0002' }).getAttribute('href')).toBe('/evidence/BW-0002');
    expect(screen.getByText('Nog niet verstrekt.')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Strafzaak SZ-2023-001/ })[0]!.getAttribute('href')).toBe('/cases/criminal/SZ-2023-001');
  });

  it('shows what the item may be used for: the originator\'s conditions, consent, availability and its elements (R8)', async () => {
    renderPage();
    const use = await screen.findByTestId('evidence-use-facts');
    expect(within(use).getByText('bewijs met toestemming, van OOM-Noordland (fictief)')).toBeTruthy();
    expect(within(use).getByText('gegeven (sinds 1 april 2026)')).toBeTruthy();
    expect(within(use).getByText('niet beschikbaar sinds 30 september 2026: het mandaat van het mechanisme is geëindigd (fictief)')).toBeTruthy();
    expect(within(use).getByText(/1 bestanddeel in/)).toBeTruthy();
    expect(within(use).getByRole('link', { name: 'bewijsmatrix' }).getAttribute('href')).toBe('/cases/criminal/SZ-2023-001/proof');
  });

  it('records a verification step as evidence.verified', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Verificatiestap vastleggen' });
    await user.click(within(form).getByRole('combobox', { name: /Stap/ }));
    await user.click(screen.getByRole('option', { name: 'Technisch' }));
    await user.click(within(form).getByRole('combobox', { name: /Uitkomst/ }));
    await user.click(screen.getByRole('option', { name: 'Bevestigd' }));
    await user.type(within(form).getByRole('textbox', { name: /Werkwijze/ }), 'EXIF en foutniveau-analyse');
    await user.click(within(form).getByRole('button', { name: 'Vastleggen' }));
    await screen.findByText('De verificatiestap is vastgelegd.');
    const [event] = (server.requests[0]!.body as { events: { stream: string; type: string; date: string; data: unknown }[] }).events;
    expect(event).toMatchObject({ stream: 'evidence/BW-0001', type: 'evidence.verified', date: '2026-11-28', data: { step: 'technical', outcome: 'confirmed', method: 'EXIF en foutniveau-analyse' } });
  });

  it('shows why an upload was refused', async () => {
    const user = userEvent.setup({ delay: null });
    FakeUpload.answer = { status: 413, body: { status: 413, title: 'Payload Too Large', code: 'TOO_LARGE', detail: 'The file is larger than the upload limit of 10 bytes.' } };
    renderPage();
    await screen.findByRole('heading', { level: 1, name: /Foto van het marktplein/ });
    await user.upload(screen.getByTestId('file-input') as HTMLInputElement, new File(['12345678901'], 'groot.png'));
    expect(await screen.findByText(/larger than the upload limit/)).toBeTruthy();
  });

  it('shows the refusal when the role may not read the item', async () => {
    gets['/api/evidence/BW-0001'] = { status: 403, body: { status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'Your role may not read evidence/BW-0001.' } };
    renderPage();
    expect(await screen.findByText('Niet toegestaan')).toBeTruthy();
    expect(screen.getByText(/may not read evidence\/BW-0001/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

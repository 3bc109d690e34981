/** Test data for the evidence components: fictional items as the API returns them (src/server/routes/evidence-schemas.ts). */
import type { EvidenceDetail, EvidenceSummary } from './evidence-api';

export const HASH_A = 'a'.repeat(12) + '0123456789abcdef'.repeat(3) + '0123';
export const HASH_B = 'b'.repeat(64);

export const SUMMARY: EvidenceSummary = {
  id: 'BW-0001', kind: 'photo', title: 'Foto van het marktplein', sourceType: 'open-source',
  acquired: { date: '2026-03-04', by: 'Politie — Team Internationale Misdrijven', method: 'download' },
  files: [{ sha256: HASH_A, size: 2048, mediaType: 'image/png', fileName: 'plein.png' }],
  verification: { source: 'confirmed', technical: null, content: 'inconclusive' },
  custodian: 'Politie — Team Internationale Misdrijven',
};

export const DETAIL: EvidenceDetail = {
  id: 'BW-0001', stream: 'evidence/BW-0001',
  registration: {
    kind: 'photo', title: 'Foto van het marktplein', source: { type: 'open-source', name: 'Kanaal X (fictief)' },
    acquired: { date: '2026-03-04', by: 'Politie — Team Internationale Misdrijven', method: 'download', location: 'Den Haag' }, language: 'ar',
  },
  cases: ['criminal/SZ-2023-001'],
  custodian: 'Openbaar Ministerie — Landelijk Parket',
  files: [{
    sha256: HASH_A, size: 2048, mediaType: 'image/png', fileName: 'plein.png', url: null, capturedAt: null, tool: null, attachedOn: '2026-03-05', eventId: 'ev-2',
    derived: {
      mediaType: 'image/png', perceptualHash: 'f0e1d2c3b4a59687', firstStoredAt: '2026-03-05T09:30:00.000Z',
      metadata: { width: 1024, height: 768, capturedAt: '2026-03-01T14:05:00+02:00', gps: { latitude: 36.20124, longitude: 37.13428 }, device: { make: 'Fictief', model: 'Telefoon 1' } },
    },
  }],
  custody: [{ date: '2026-03-10', from: 'Politie — Team Internationale Misdrijven', to: 'Openbaar Ministerie — Landelijk Parket', purpose: 'Beoordeling', eventId: 'ev-3' }],
  verifications: [{ date: '2026-03-11', step: 'source', outcome: 'confirmed', method: 'Account-geschiedenis nagegaan', notes: null, eventId: 'ev-4' }],
  disclosures: [],
  use: {
    conditions: { conditions: 'evidence-with-consent', originator: 'OOM-Noordland (fictief)', consentNeededFor: ['court-use'], period: null, date: '2026-03-04', eventId: 'ev-5' },
    consent: 'given', consentSince: '2026-04-01', available: false,
    availability: { available: false, reason: 'het mandaat van het mechanisme is geëindigd (fictief)', date: '2026-09-30', eventId: 'ev-7' },
    elementLinks: [{ case: 'criminal/SZ-2023-001', offence: 'war-crimes', element: 'wc-iac.wilful-killing.killing', relation: 'supports', reasoning: 'de foto toont het plein (fictief)', weight: 'moderate', date: '2026-04-02', eventId: 'ev-6' }],
  },
  timeline: [
    { id: 'ev-1', type: 'evidence.registered', date: '2026-03-04', recordedAt: '2026-03-04T10:00:00.000Z', data: {} },
    { id: 'ev-2', type: 'evidence.file-attached', date: '2026-03-05', recordedAt: '2026-03-05T09:30:00.000Z', data: {} },
  ],
  asOf: { date: '2026-11-28', recordedAt: '2026-11-28T10:00:00.000Z' },
};

/** A stand-in for XMLHttpRequest (the upload): records what is sent, reports progress, then answers. */
export class FakeUpload {
  static sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  static answer = { status: 201, body: {} as unknown };
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  private request = { method: '', url: '', headers: {} as Record<string, string> };
  open(method: string, url: string) { this.request.method = method; this.request.url = url; }
  setRequestHeader(name: string, value: string) { this.request.headers[name.toLowerCase()] = value; }
  send(body: unknown) {
    FakeUpload.sent.push({ ...this.request, body });
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 });
      queueMicrotask(() => {
        this.status = FakeUpload.answer.status;
        this.responseText = JSON.stringify(FakeUpload.answer.body);
        this.onload?.();
      });
    });
  }
}

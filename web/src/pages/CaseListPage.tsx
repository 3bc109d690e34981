/**
 * The cases of one kind the role works with: sorted, narrowed by phase and by text (case number or a name), paged by
 * the server's cursor, with the columns a working list needs — the person (a criminal case's suspect), the
 * situation in words, the court, the next hearing, phase and status — exportable as CSV and printable.
 * The server sorts by case number or phase start and searches; other columns sort the page shown.
 */
import { MenuItem, Stack, TextField } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import type { CaseKind, CaseList } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { CaseLink, DataTable, PersonLink, type Column, type SortState } from '../components/Tables';
import { formatDate, labelOf, phaseLabel } from '../format';
import { countryName } from '../lib/countries';
import { PHASES } from '../phases';
import { roleView } from '../roles';

type Row = CaseList['items'][number];
const PAGE_SIZE = 25;
const SERVER_SORTS = ['case', 'since'] as const;

/** What matters about a case beyond its phase, in words: arrest, judgment or closing; barrier; decision. */
export function caseStatus(t: TFunction, kind: string, attributes: Record<string, unknown>): string {
  const value = (code: unknown) => labelOf(t, 'value', String(code));
  if (kind === 'criminal') {
    if (attributes.closedReason) return t('caseList.closed', { reason: value(attributes.closedReason) });
    if (attributes.judgmentOutcome) return value(attributes.judgmentOutcome);
    return attributes.suspectArrested ? t('caseList.arrested') : t('caseList.notArrested');
  }
  if (kind === 'departure') return attributes.article3Barrier === true ? t('caseList.barrier') : t('caseList.noBarrier');
  if (kind === 'exclusion' || kind === 'extradition') return attributes.outcome ? t('caseList.decided', { outcome: value(attributes.outcome) }) : t('caseList.undecided');
  return '—';
}

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const kinds = roleView(principal!.role).caseKinds;
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') && kinds.includes(params.get('kind')!) ? params.get('kind')! : kinds[0] ?? 'criminal') as CaseKind;
  const phase = params.get('phase') ?? '';
  const text = params.get('q') ?? '';
  const sortKey = (SERVER_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'case';
  const sort: SortState = { key: sortKey, direction: params.get('order') === 'desc' ? 'desc' : 'asc' };
  // The cursors of the pages before this one, so "previous" goes back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const list = useLoad(() => unwrap(client.GET('/api/cases', {
    params: { query: { kind, limit: PAGE_SIZE, sort: sort.key as 'case' | 'since', order: sort.direction, ...(phase ? { phase } : {}), ...(text ? { q: text } : {}), ...(after ? { after } : {}) } },
  })), [kind, phase, text, sort.key, sort.direction, after]);
  const update = (changes: Record<string, string>) => {
    setCursors([]);
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) { if (value) next.set(name, value); else next.delete(name); }
    setParams(next);
  };
  const title = labelOf(t, 'kindPlural', kind);
  const columns: Column<Row>[] = [
    { key: 'case', header: t('caseList.case'), cell: (row) => <CaseLink stream={row.stream} />, value: (row) => row.stream.split('/')[1] },
    { key: 'person', header: kind === 'criminal' ? t('caseList.suspect') : t('caseList.person'), cell: (row) => (row.person ? <PersonLink id={row.person.id} names={row.person.names} /> : '—'), value: (row) => row.person?.names[0] ?? '' },
    ...(kind === 'criminal' || kind === 'intake' || kind === 'extradition'
      ? [{ key: 'situation', header: kind === 'extradition' ? t('caseList.requestingState') : t('caseList.situation'), cell: (row: Row) => (row.situation ? countryName(row.situation, i18n.language) : '—') }]
      : []),
    ...(kind === 'criminal'
      ? [
        { key: 'court', header: t('caseList.court'), cell: (row: Row) => row.court ?? '—' },
        { key: 'nextHearing', header: t('caseList.nextHearing'), cell: (row: Row) => (row.nextHearing ? formatDate(row.nextHearing.date, i18n.language) : t('caseList.noHearing')), value: (row: Row) => row.nextHearing?.date ?? '' },
      ]
      : []),
    { key: 'phase', header: t('caseList.phase'), cell: (row) => phaseLabel(t, kind, row.phase, row.attributes.appealForum as string | null | undefined) },
    { key: 'since', header: t('caseList.since'), cell: (row) => formatDate(row.validFrom, i18n.language), value: (row) => row.validFrom },
    { key: 'status', header: t('caseList.status'), cell: (row) => caseStatus(t, kind, row.attributes) },
  ];
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} className="no-print">
        <TextField select id="case-kind" label={t('caseList.kind')} value={kind} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => { setCursors([]); setParams({ kind: event.target.value }); }}>
          {kinds.map((option) => <MenuItem key={option} value={option}>{labelOf(t, 'kindPlural', option)}</MenuItem>)}
        </TextField>
        <TextField select id="case-phase" label={t('caseList.phase')} value={phase} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => update({ phase: event.target.value })}>
          <MenuItem value="">{t('caseList.allPhases')}</MenuItem>
          {(PHASES[kind] ?? []).map((option) => <MenuItem key={option} value={option}>{phaseLabel(t, kind, option)}</MenuItem>)}
        </TextField>
      </Stack>
      <Loaded state={list}>{(data) => (
        <DataTable key={`${kind}|${text}`} caption={title} captionVisible={false} empty={t('caseList.none')} rows={data.items} rowKey={(row) => row.stream}
          fileName={title} columns={columns}
          sort={sort} serverSortable={SERVER_SORTS} onSort={(next) => update({ sort: next.key, order: next.direction })}
          search={{ value: text, label: t('caseList.search'), onSearch: (value) => update({ q: value }) }}
          paging={{
            page: cursors.length + 1,
            onPrevious: cursors.length > 0 ? () => setCursors((previous) => previous.slice(0, -1)) : undefined,
            onNext: data.next ? () => setCursors((previous) => [...previous, data.next!]) : undefined,
          }} />
      )}</Loaded>
    </>
  );
}

/**
 * Reviewing screening hits: the watchlist hits on the persons this user may see (GET /api/screening/hits), by
 * status (by default those waiting for review: open and unsure), each with the person, the list entry, the score
 * and its explanation, and the actions confirm, reject or mark unsure with a required reason. A hit is a signal for
 * a human, never a decision: the help text says so. Like the other lists the hits are paged by the server's cursor,
 * sorted (score, date found, list, status), narrowed (status, list, the partner's files the person is named in) and
 * searched by name, with CSV export and cards on a phone (DataTable); the review cards of the page shown follow the
 * table. Filters, search, sort and page size (`size`) are kept in the URL. Roles that may screen a case kind screen
 * a group of persons against a list from here (GroupScreening); the list reloads with the hits the run raised.
 */
import { Alert, Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { HIT_FILTERS, type HitFilter, type HitStatus, type ScreeningHit, type WatchlistEntryView } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { GroupScreening } from '../components/GroupScreening';
import { HitCard } from '../components/HitCard';
import { PageTitle } from '../components/PageTitle';
import { WatchlistUpload } from '../components/WatchlistUpload';
import { Loaded } from '../components/Status';
import { DataTable, PersonLink, type Column, type SortState } from '../components/Tables';
import { formatDate, formatScore, labelOf } from '../format';
import { roleView } from '../roles';

const HIT_SORTS = ['score', 'date', 'list', 'status'] as const;
type HitSort = (typeof HIT_SORTS)[number];
const PAGE_SIZE = 25;

export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const view = roleView(principal!.role);
  const screenKinds = view.screenKinds;
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: HitFilter = (HIT_FILTERS as readonly string[]).includes(requested ?? '') ? requested as HitFilter : 'review';
  const list = params.get('list') ?? '';
  const kind = view.caseKinds.includes(params.get('kind') ?? '') ? params.get('kind')! : '';
  const text = params.get('q') ?? '';
  const sortKey: HitSort = (HIT_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort') as HitSort : 'score';
  const defaultOrder = sortKey === 'score' || sortKey === 'date' ? 'desc' : 'asc';
  const sort: SortState = { key: sortKey, direction: params.get('order') === 'asc' || params.get('order') === 'desc' ? params.get('order') as 'asc' | 'desc' : defaultOrder };
  const size = Math.min(100, Math.max(1, Number.parseInt(params.get('size') ?? '', 10) || PAGE_SIZE));
  // The cursors of the pages before this one, so "previous" goes back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const [round, setRound] = useState(0);
  const [listRound, setListRound] = useState(0);
  // config/policy.json watchlists.import: the screening teams of the police, the OM and the IND.
  const mayImport = ['police', 'prosecutor', 'ind-1f'].includes(principal!.role);
  const [notice, setNotice] = useState<string>();
  const watchlists = useLoad(() => unwrap(client.GET('/api/watchlists')), [listRound]);
  const hits = useLoad(() => unwrap(client.GET('/api/screening/hits', {
    params: {
      query: {
        status, limit: size, sort: sortKey, order: sort.direction, ...(list ? { list } : {}), ...(kind ? { kind: kind as 'criminal' } : {}),
        ...(text ? { q: text } : {}), ...(after ? { after } : {}),
      },
    },
  })), [status, list, kind, text, sortKey, sort.direction, size, after, round]);
  const listNames = (watchlists.data?.items ?? []).map((item) => item.name);
  if (list && !listNames.includes(list)) listNames.push(list);
  const update = (changes: Record<string, string>) => {
    setNotice(undefined);
    setCursors([]);
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) { if (value) next.set(name, value); else next.delete(name); }
    if (next.get('status') === 'review') next.delete('status');
    setParams(next);
  };
  const columns: Column<ScreeningHit>[] = [
    {
      key: 'hit', header: t('screening.column.hit'), value: (hit) => hit.id,
      cell: (hit) => <MuiLink href={`#hit-${hit.id}-title`} aria-label={t('screening.toReview', { id: hit.id })}>{hit.id}</MuiLink>,
    },
    { key: 'person', header: t('screening.column.person'), cell: (hit) => <PersonLink id={hit.personId} names={hit.person.names} />, value: (hit) => hit.person.names[0] ?? hit.personId },
    { key: 'entry', header: t('screening.column.entry'), cell: (hit) => (hit.entry as WatchlistEntryView | undefined)?.names[0] ?? hit.counterpart },
    { key: 'list', header: t('screening.column.list'), cell: (hit) => hit.list ?? '—' },
    { key: 'score', header: t('screening.column.score'), numeric: true, cell: (hit) => formatScore(hit.score, i18n.language), value: (hit) => hit.score },
    { key: 'status', header: t('screening.column.status'), cell: (hit) => t(`screening.status.${hit.status as HitStatus}`) },
    { key: 'date', header: t('screening.column.date'), cell: (hit) => formatDate(hit.firstFoundAt.slice(0, 10), i18n.language), value: (hit) => hit.firstFoundAt },
  ];
  return (
    <>
      <PageTitle title={t('screening.title')}>{t('screening.title')}</PageTitle>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="screening-help">{t('screening.help')}</Alert>
      {mayImport && <WatchlistUpload lists={(watchlists.data?.items ?? []).map((item) => item.name)} onImported={() => setListRound((value) => value + 1)} />}
      {screenKinds.length > 0 && watchlists.data && (
        <GroupScreening lists={watchlists.data.items} kinds={screenKinds} onScreened={() => { setNotice(undefined); setCursors([]); setRound((value) => value + 1); }} />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} className="no-print">
        <TextField select id="hit-status" label={t('screening.statusFilter')} value={status} size="small" sx={{ minWidth: 300 }}
          onChange={(event) => update({ status: event.target.value })}>
          {HIT_FILTERS.map((option) => <MenuItem key={option} value={option}>{t(`screening.filter.${option}`)}</MenuItem>)}
        </TextField>
        <TextField select id="hit-list" label={t('screening.listFilter')} value={list} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => update({ list: event.target.value })}>
          <MenuItem value="">{t('screening.allLists')}</MenuItem>
          {listNames.map((name) => <MenuItem key={name} value={name}>{name}</MenuItem>)}
        </TextField>
        {view.caseKinds.length > 1 && (
          <TextField select id="hit-partner" label={t('screening.partnerFilter')} value={kind} size="small" sx={{ minWidth: 260 }}
            onChange={(event) => update({ kind: event.target.value })}>
            <MenuItem value="">{t('screening.allPartners')}</MenuItem>
            {view.caseKinds.map((option) => <MenuItem key={option} value={option}>{labelOf(t, 'kindPlural', option)}</MenuItem>)}
          </TextField>
        )}
      </Stack>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Loaded state={hits}>{(data) => (
        <>
          <DataTable key={`${status}|${list}|${kind}|${text}`} caption={t('screening.table')} rows={data.items} rowKey={(hit) => String(hit.id)}
            fileName={t('screening.hits')} columns={columns} empty={t('screening.none')}
            sort={sort} serverSortable={HIT_SORTS} onSort={(next) => update({ sort: next.key, order: next.direction })}
            search={{ value: text, label: t('screening.search'), onSearch: (value) => update({ q: value }) }}
            paging={{
              page: cursors.length + 1,
              onPrevious: cursors.length > 0 ? () => setCursors((previous) => previous.slice(0, -1)) : undefined,
              onNext: data.next ? () => setCursors((previous) => [...previous, data.next!]) : undefined,
            }} />
          {data.items.length > 0 && (
            <section aria-labelledby="hit-cards-title">
              <Typography variant="h2" id="hit-cards-title" sx={{ mt: 3, mb: 1 }}>{t('screening.cardsTitle')}</Typography>
              {data.items.map((hit) => (
                <HitCard key={hit.id} hit={hit} headingLevel={3} onReviewed={(reviewed, decision) => {
                  setNotice(t(`screening.reviewed.${decision}`, { id: reviewed.id }));
                  setRound((value) => value + 1);
                }} />
              ))}
            </section>
          )}
        </>
      )}</Loaded>
    </>
  );
}

/**
 * Reviewing screening hits: the watchlist hits on the persons this user may see (GET /api/screening/hits), by
 * status (by default those waiting for review: open and unsure), each with the person, the list entry, the score
 * and its explanation, and the actions confirm, reject or mark unsure with a required reason. A hit is a signal for
 * a human, never a decision: the help text says so. The hits can be narrowed to one watchlist; status and list are
 * kept in the URL. Roles that may screen a case kind screen a group of persons against a list from here
 * (GroupScreening); the list reloads with the hits the run raised.
 */
import { Alert, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { HIT_FILTERS, type HitFilter } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { GroupScreening } from '../components/GroupScreening';
import { HitCard } from '../components/HitCard';
import { PageTitle } from '../components/PageTitle';
import { WatchlistUpload } from '../components/WatchlistUpload';
import { Loaded } from '../components/Status';
import { roleView } from '../roles';

export function ScreeningPage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const screenKinds = roleView(principal!.role).screenKinds;
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: HitFilter = (HIT_FILTERS as readonly string[]).includes(requested ?? '') ? requested as HitFilter : 'review';
  const list = params.get('list') ?? '';
  const [round, setRound] = useState(0);
  const [listRound, setListRound] = useState(0);
  // config/policy.json watchlists.import: the screening teams of the police, the OM and the IND.
  const mayImport = ['police', 'prosecutor', 'ind-1f'].includes(principal!.role);
  const [notice, setNotice] = useState<string>();
  const watchlists = useLoad(() => unwrap(client.GET('/api/watchlists')), [listRound]);
  const hits = useLoad(() => unwrap(client.GET('/api/screening/hits', { params: { query: { status, ...(list ? { list } : {}) } } })), [status, list, round]);
  const listNames = (watchlists.data?.items ?? []).map((item) => item.name);
  if (list && !listNames.includes(list)) listNames.push(list);
  const filter = (next: { status?: string; list?: string }) => {
    setNotice(undefined);
    const chosen = { status, list, ...next };
    setParams({ ...(chosen.status !== 'review' ? { status: chosen.status } : {}), ...(chosen.list ? { list: chosen.list } : {}) });
  };
  return (
    <>
      <PageTitle title={t('screening.title')}>{t('screening.title')}</PageTitle>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="screening-help">{t('screening.help')}</Alert>
      {mayImport && <WatchlistUpload lists={(watchlists.data?.items ?? []).map((item) => item.name)} onImported={() => setListRound((value) => value + 1)} />}
      {screenKinds.length > 0 && watchlists.data && (
        <GroupScreening lists={watchlists.data.items} kinds={screenKinds} onScreened={() => { setNotice(undefined); setRound((value) => value + 1); }} />
      )}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', mb: 2 }}>
        <TextField select id="hit-status" label={t('screening.statusFilter')} value={status} size="small" sx={{ minWidth: 300 }}
          onChange={(event) => filter({ status: event.target.value })}>
          {HIT_FILTERS.map((option) => <MenuItem key={option} value={option}>{t(`screening.filter.${option}`)}</MenuItem>)}
        </TextField>
        <TextField select id="hit-list" label={t('screening.listFilter')} value={list} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => filter({ list: event.target.value })}>
          <MenuItem value="">{t('screening.allLists')}</MenuItem>
          {listNames.map((name) => <MenuItem key={name} value={name}>{name}</MenuItem>)}
        </TextField>
      </Stack>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Loaded state={hits}>{(data) => (
        data.items.length === 0
          ? <Typography data-testid="no-hits">{t('screening.none')}</Typography>
          : (
            <section aria-label={t('screening.hits')}>
              {data.items.map((hit) => (
                <HitCard key={hit.id} hit={hit} onReviewed={(reviewed, decision) => {
                  setNotice(t(`screening.reviewed.${decision}`, { id: reviewed.id }));
                  setRound((value) => value + 1);
                }} />
              ))}
            </section>
          )
      )}</Loaded>
    </>
  );
}

/**
 * Reviewing screening hits: the watchlist hits on the persons this user may see (GET /api/screening/hits), by
 * status (by default those waiting for review: open and unsure), each with the person, the list entry, the score
 * and its explanation, and the actions confirm, reject or mark unsure with a required reason. A hit is a signal for
 * a human, never a decision: the help text says so.
 */
import { Alert, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { HIT_FILTERS, type HitFilter } from '../api/types';
import { useLoad } from '../api/use-load';
import { HitCard } from '../components/HitCard';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';

export function ScreeningPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: HitFilter = (HIT_FILTERS as readonly string[]).includes(requested ?? '') ? requested as HitFilter : 'review';
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const hits = useLoad(() => unwrap(client.GET('/api/screening/hits', { params: { query: { status } } })), [status, round]);
  return (
    <>
      <PageTitle title={t('screening.title')}>{t('screening.title')}</PageTitle>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="screening-help">{t('screening.help')}</Alert>
      <TextField select id="hit-status" label={t('screening.statusFilter')} value={status} size="small" sx={{ minWidth: 300, mb: 2 }}
        onChange={(event) => { setNotice(undefined); setParams(event.target.value === 'review' ? {} : { status: event.target.value }); }}>
        {HIT_FILTERS.map((option) => <MenuItem key={option} value={option}>{t(`screening.filter.${option}`)}</MenuItem>)}
      </TextField>
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

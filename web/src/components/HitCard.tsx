/**
 * One screening hit as a reviewer sees it: the person in the registry beside the list entry, the score with its
 * explanation part by part, the status and the last review, and the review actions.
 */
import { Box, Chip, Grid, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { HitDecision, HitStatus, ScreeningHit, WatchlistEntryView } from '../api/types';
import { formatDate, formatDateTime, formatScore } from '../format';
import { ReviewActions } from './HitReview';
import { MatchDetails } from './MatchExplanation';
import { PersonLink } from './Tables';
import { countryNames } from '../lib/countries';

export function HitCard({ hit, headingLevel = 2, onReviewed }: { hit: ScreeningHit; headingLevel?: 2 | 3 | 4; onReviewed(hit: ScreeningHit, decision: HitDecision): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const entry = hit.entry as WatchlistEntryView | undefined;
  const status = hit.status as HitStatus;
  const titleId = `hit-${hit.id}-title`;
  const decision = hit.lastDecision;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2, mb: 2 }} data-testid="hit" data-hit={hit.id} data-status={status} data-list={hit.list ?? undefined}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant={headingLevel === 2 ? 'h2' : 'h3'} component={`h${headingLevel}`} id={titleId} sx={{ m: 0 }}>
          {t('screening.hit', { id: hit.id })}
        </Typography>
        <Chip variant="outlined" label={`${t('screening.statusLabel')}: ${t(`screening.status.${status}`)}`} data-testid="hit-status" />
        <Typography sx={{ fontWeight: 600 }} data-testid="hit-score">{t('screening.score')}: {formatScore(hit.score, language)}</Typography>
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="h3" component="p" sx={{ fontSize: '1rem', fontWeight: 600 }}>{t('screening.person')}</Typography>
          <Typography component="p"><PersonLink id={hit.personId} names={hit.person.names} /> ({hit.personId})</Typography>
          <Names names={hit.person.names.slice(1)} />
          <Typography variant="body2">
            {t('field.birthDate')}: {formatDate(hit.person.birthDate, language)} · {t('field.nationalities')}: {countryNames(hit.person.nationalities, language) || '—'}
          </Typography>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="h3" component="p" sx={{ fontSize: '1rem', fontWeight: 600 }}>{t('screening.entry')}</Typography>
          <Typography component="p"><bdi>{entry?.names[0] ?? '—'}</bdi></Typography>
          <Names names={entry?.names.slice(1) ?? []} />
          <Typography variant="body2">
            {t('field.birthDate')}: {entry?.birthDates?.join(', ') || '—'} · {t('field.nationalities')}: {(entry?.nationalities && countryNames(entry.nationalities, language)) || '—'}
          </Typography>
          <Typography variant="body2">{t('screening.list', { list: hit.list ?? '—', version: hit.listVersion ?? '—' })} · {t('screening.entryId', { id: hit.counterpart })}</Typography>
        </Grid>
      </Grid>
      <MatchDetails explanation={hit.explanation} queryLabel={t('screening.person')} entryLabel={t('screening.entry')} />
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('screening.found', { when: formatDateTime(hit.firstFoundAt, language) })}{hit.current ? '' : ` · ${t('screening.notCurrent')}`}
      </Typography>
      {decision && (
        <Box sx={{ my: 1 }} data-testid="hit-last-decision">
          <Typography variant="body2">
            <strong>{t('screening.lastDecision')}:</strong>{' '}
            {t('screening.decisionBy', { decision: t(`screening.status.${decision.decision as HitDecision}`), by: decision.reviewedBy, when: formatDateTime(decision.reviewedAt, language) })}
            {' — '}{decision.reason}
          </Typography>
          {!decision.onCurrentData && <Typography variant="body2">{t('screening.decisionOutdated')}</Typography>}
        </Box>
      )}
      <ReviewActions hit={hit} onReviewed={onReviewed} />
    </Paper>
  );
}

function Names({ names }: { names: readonly string[] }) {
  if (names.length === 0) return null;
  return <Typography variant="body2">{names.map((name, index) => <span key={`${index}|${name}`}>{index > 0 ? ' · ' : ''}<bdi>{name}</bdi></span>)}</Typography>;
}

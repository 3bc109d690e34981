/**
 * The cross-references of a person (GET /api/persons/{id}/cross-references): hit/no-hit across partners. Where a
 * possible match lies in files the user may not read, a neutral notice says so and that details need a legal basis —
 * the server sends no more than that, and nothing more is shown. The matches the user may read come with the other
 * person, the score and its explanation, the status and the review actions (a cross-reference is reviewed like a
 * watchlist hit, on the same route).
 */
import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { asExplanation, type CrossReferenceMatch, type HitDecision, type HitStatus, type PersonSummary } from '../api/types';
import { useLoad } from '../api/use-load';
import { formatDate, formatScore, legalBasisText } from '../format';
import { ReviewActions, type ReviewableHit } from './HitReview';
import { MatchDetails } from './MatchExplanation';
import { Loaded } from './Status';
import { PersonLink } from './Tables';
import { countryNames } from '../lib/countries';

export function CrossReferences({ personId, names }: { personId: string; names: readonly string[] }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const view = useLoad(() => unwrap(client.GET('/api/persons/{id}/cross-references', { params: { path: { id: personId } } })), [personId, round]);
  return (
    <Box component="section" aria-labelledby="cross-references-title" data-testid="cross-references">
      <Typography variant="h2" component="h2" id="cross-references-title">{t('crossReferences.title')}</Typography>
      <Typography sx={{ mb: 1 }}>{t('crossReferences.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Loaded state={view}>{(data) => (
        <>
          {data.matchElsewhere && <Alert severity="info" sx={{ mb: 2 }} data-testid="match-elsewhere">{t('crossReferences.elsewhere')}</Alert>}
          {data.matches.length === 0
            ? (!data.matchElsewhere && <Typography data-testid="no-cross-references">{t('crossReferences.none')}</Typography>)
            : data.matches.map((match) => (
              <CrossReferenceCard key={match.hitId} personId={personId} names={names} match={match} onReviewed={(id, decision) => {
                setNotice(t(`screening.reviewed.${decision}`, { id }));
                setRound((value) => value + 1);
              }} />
            ))}
        </>
      )}</Loaded>
    </Box>
  );
}

function CrossReferenceCard({ personId, names, match, onReviewed }: { personId: string; names: readonly string[]; match: CrossReferenceMatch; onReviewed(id: number, decision: HitDecision): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const other: PersonSummary = match.person;
  const status = match.status as HitStatus;
  const titleId = `cross-reference-${match.hitId}-title`;
  // The review dialog's shape: this person on one side, the other person as the counterpart.
  const reviewable: ReviewableHit = {
    id: match.hitId, source: 'registry', personId, person: { names: [...names] }, list: null, counterpart: other.id, entry: { id: other.id, names: other.names },
  };
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2, mb: 2 }} data-testid="cross-reference" data-hit={match.hitId} data-status={status}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h3" component="h3" id={titleId} sx={{ m: 0 }}>{t('crossReferences.match', { id: match.hitId })}</Typography>
        <Chip variant="outlined" label={`${t('screening.statusLabel')}: ${t(`screening.status.${status}`)}`} data-testid="hit-status" />
        <Typography sx={{ fontWeight: 600 }} data-testid="hit-score">{t('screening.score')}: {formatScore(match.score, language)}</Typography>
      </Stack>
      <Typography variant="h4" component="p" sx={{ fontSize: '1rem', fontWeight: 600 }}>{t('crossReferences.otherPerson')}</Typography>
      <Typography component="p"><PersonLink id={other.id} names={other.names} /> ({other.id})</Typography>
      <Typography variant="body2">
        {t('field.birthDate')}: {formatDate(other.birthDate, language)} · {t('field.nationalities')}: {countryNames(other.nationalities, language) || '—'}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('crossReferences.legalBasis', { basis: legalBasisText(t, match.legalBasis) })}</Typography>
      <MatchDetails explanation={match.explanation} {...sides(match.explanation, names, t('crossReferences.thisPerson'), t('crossReferences.otherPerson'))} />
      <ReviewActions hit={reviewable} onReviewed={(reviewed, decision) => onReviewed(reviewed.id, decision)} />
    </Paper>
  );
}

/** The matcher compared the pair in one direction: name the explanation's sides after whichever person was the query. */
function sides(explanation: unknown, names: readonly string[], self: string, other: string): { queryLabel: string; entryLabel: string } {
  const queryName = asExplanation(explanation)?.name.queryName;
  return queryName === undefined || names.includes(queryName) ? { queryLabel: self, entryLabel: other } : { queryLabel: other, entryLabel: self };
}

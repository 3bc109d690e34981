/**
 * Reviewing a screening hit: confirm, reject or mark unsure, always with a reason. The reason is required before
 * anything is sent; the decision goes to POST /api/persons/{id}/hits/{hit}/reviews, which records it with the
 * reviewer and the time (never changed; a later decision takes over). What the server refuses is shown with its
 * reason. A cross-reference between two registry persons (source 'registry') is reviewed the same way; its
 * counterpart is the other person, shown as `entry`.
 */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import { HIT_DECISIONS, type HitDecision, type ScreeningHit, type WatchlistEntryView } from '../api/types';
import { ProblemAlert } from './Status';

/** What the review needs of a hit: a watchlist hit as it is, or a cross-reference seen from one of its persons. */
export type ReviewableHit = Pick<ScreeningHit, 'id' | 'source' | 'personId' | 'list' | 'counterpart' | 'entry'> & { person: Pick<ScreeningHit['person'], 'names'> };

/** The three decisions as buttons; each opens the dialog that asks for the reason. */
export function ReviewActions({ hit, onReviewed }: { hit: ReviewableHit; onReviewed(hit: ScreeningHit, decision: HitDecision): void }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<HitDecision>();
  return (
    <>
      <Stack direction="row" spacing={1} role="group" aria-label={`${t('screening.review')}: ${t('screening.hit', { id: hit.id })}`} sx={{ flexWrap: 'wrap' }}>
        {HIT_DECISIONS.map((decision) => (
          <Button key={decision} size="small" variant="outlined" onClick={() => setDeciding(decision)}
            aria-label={t('screening.decideAction', { decision: t(`screening.decide.${decision}`), id: hit.id })}>
            {t(`screening.decide.${decision}`)}
          </Button>
        ))}
      </Stack>
      {deciding && (
        <ReviewDialog hit={hit} decision={deciding} onClose={() => setDeciding(undefined)}
          onReviewed={(reviewed) => { setDeciding(undefined); onReviewed(reviewed, deciding); }} />
      )}
    </>
  );
}

export function ReviewDialog({ hit, decision, onClose, onReviewed }: { hit: ReviewableHit; decision: HitDecision; onClose(): void; onReviewed(hit: ScreeningHit): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const missing = reason.trim() === '';
  const fieldId = `review-reason-${hit.id}`;
  const entry = hit.entry as WatchlistEntryView | undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) { document.getElementById(fieldId)?.focus(); return; }
    setBusy(true);
    setProblem(undefined);
    try {
      const reviewed = await unwrap(client.POST('/api/persons/{id}/hits/{hit}/reviews', {
        params: { path: { id: hit.personId, hit: hit.id } },
        body: { decision, reason: reason.trim() },
      }));
      onReviewed(reviewed);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  const titleId = `review-title-${hit.id}`;
  const introId = `review-intro-${hit.id}`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={introId} fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{t(`screening.decideTitle.${decision}`, { id: hit.id })}</DialogTitle>
        <DialogContent>
          <DialogContentText id={introId} sx={{ mb: 2 }}>
            <Trans i18nKey={hit.source === 'registry' ? 'screening.reviewIntroRegistry' : 'screening.reviewIntro'} components={{ bdi: <bdi /> }}
              values={{
                person: `${hit.person.names[0] ?? ''} (${hit.personId})`,
                entry: hit.source === 'registry' ? `${entry?.names[0] ?? ''} (${hit.counterpart})` : `${entry?.names[0] ?? ''} (${hit.list ?? ''}:${hit.counterpart})`,
              }} />
          </DialogContentText>
          <TextField id={fieldId} autoFocus fullWidth multiline minRows={2} required label={t('screening.reason')} value={reason}
            onChange={(event) => { setReason(event.target.value); setTouched(true); }}
            error={touched && missing} helperText={touched && missing ? t('casePage.required') : t('screening.reasonHelp')} />
          {problem && <ProblemAlert problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('screening.submit')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

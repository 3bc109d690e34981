/**
 * A case: at the top the button to add an event (a dialog with the form for the events the state machine allows
 * now), its current phase, the timeline in legal-date order — filterable, collapsed to the latest entries, each with
 * when and by whom it was recorded (retracted entries stay visible, struck through, with the retraction's reason),
 * retraction with a mandatory reason from a row's menu — and what the rules derive (for a departure dossier on the
 * Article 3 reassessment list: the last assessment and whether a reassessment is due, R7).
 */
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Grid, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api/client';
import type { StateView, TimelineEntry } from '../api/types';
import { useLoad } from '../api/use-load';
import { useVocabularies, vocabularyText } from '../api/vocabularies';
import { EventForm } from '../components/EventForm';
import { PageTitle } from '../components/PageTitle';
import { RetractDialog } from '../components/RetractDialog';
import { Loaded } from '../components/Status';
import { PersonLink } from '../components/Tables';
import { Timeline } from '../components/case/Timeline';
import { Reassessment } from '../components/case/Reassessment';
import { formatDate, labelOf, legalBasisText, phaseLabel } from '../format';
import { EvidenceSection } from '../components/evidence/EvidenceSection';
import { WitnessSection } from '../components/witnesses/WitnessSection';
import { ProofMatrixLink } from '../components/proof/ProofMatrixLink';

type CaseKind = 'criminal' | 'extradition' | 'exclusion' | 'departure' | 'intake' | 'mla';

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { kind = '', id = '' } = useParams();
  // A hearing's court in the reader's language (the event keeps the Dutch name, or older free text).
  const courts = useVocabularies(kind === 'criminal');
  const caseKind = kind as CaseKind;
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [retracting, setRetracting] = useState<TimelineEntry>();
  const [adding, setAdding] = useState(false);
  // The row menu that opened the retraction: focus goes back to it, or to the timeline when the row has no menu now.
  const returnFocusTo = useRef<string>('');
  const [focusAfterLoad, setFocusAfterLoad] = useState<string>();
  const closeRetract = (retracted = false) => {
    setRetracting(undefined);
    // A retracted entry has no menu any more: then focus goes to the timeline's heading, once the page has reloaded.
    setFocusAfterLoad(retracted ? 'timeline-heading' : returnFocusTo.current);
  };
  const view = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  const derived = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}/derived', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  const allowed = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}/allowed-events', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  useEffect(() => {
    if (!focusAfterLoad || view.loading || allowed.loading) return;
    const timer = setTimeout(() => {
      (document.getElementById(focusAfterLoad) ?? document.getElementById('timeline-heading'))?.focus();
      setFocusAfterLoad(undefined);
    }, 50);
    return () => clearTimeout(timer);
  }, [focusAfterLoad, view.loading, allowed.loading]);
  const title = `${labelOf(t, 'kind', kind)} ${id}`;
  const changed = (message: string) => { setNotice(message); setRound((value) => value + 1); };
  const language = i18n.language === 'en' ? 'en' : 'nl';

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Loaded state={allowed}>{(options) => (
        <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }} data-testid="case-actions">
          {!options.mayAppend
            ? <Alert severity="info" sx={{ flex: '1 1 100%' }}>{t('casePage.mayNotAppend', { reason: options.refusal ?? '' })}</Alert>
            : options.events.length === 0
              ? <Typography>{t('casePage.noEventsAllowed')}</Typography>
              : <Button id="add-event" variant="contained" onClick={() => setAdding(true)}>{t('casePage.addEvent')}</Button>}
          {(kind === 'criminal' || kind === 'exclusion') && <ProofMatrixLink kind={kind} id={id} />}
        </Stack>
      )}</Loaded>
      <Loaded state={view}>{(data) => {
        const state = data.state as StateView;
        return (
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, lg: 8 }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
                <Typography component="p">{t('casePage.currentPhase')}:</Typography>
                <Chip color="primary" label={phaseLabel(t, kind, state.phase, state.appealForum)} data-testid="current-phase" />
              </Stack>
              {data.view === 'decision-and-consequences' && <Alert severity="info" sx={{ mb: 2 }}>{t('casePage.restrictedView', { basis: legalBasisText(t, data.legalBasis) })}</Alert>}
              <Typography variant="h2" component="h2" id="timeline-heading" tabIndex={-1}>{t('casePage.timeline')}</Typography>
              <Typography sx={{ mb: 1 }}>{t('casePage.timelineIntro')}</Typography>
              <Timeline entries={data.timeline} persons={data.persons} mayRetract={allowed.data?.mayRetract ?? false}
                onRetract={(entry, opener) => { returnFocusTo.current = opener; setRetracting(entry); }} />
              <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>{t('casePage.legalBasis', { basis: legalBasisText(t, data.legalBasis) })}</Typography>
            </Grid>
            <Grid size={{ xs: 12, lg: 4 }}>
              <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
                <Typography variant="h2" component="h2" gutterBottom>{t('casePage.derived')}</Typography>
                <Loaded state={derived}>{(rules) => (
                  <>
                    {rules.reassessment && <Reassessment reassessment={rules.reassessment} />}
                    {rules.sentences.length === 0
                      ? <Typography>{t('casePage.nothingDerived')}</Typography>
                      : <ul data-testid="derived">{rules.sentences.map((sentence, index) => <li key={index}>{sentence[language]}</li>)}</ul>}
                  </>
                )}</Loaded>
              </Paper>
              {data.persons.length > 0 && (
                <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
                  <Typography variant="h2" component="h2" gutterBottom>{t('casePage.persons')}</Typography>
                  <ul>{data.persons.map((person) => (
                    <li key={person.id}><PersonLink id={person.id} names={person.names} /> ({person.id})</li>
                  ))}</ul>
                </Paper>
              )}
              {(state.hearings?.length ?? 0) > 0 && (
                <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
                  <Typography variant="h2" component="h2" gutterBottom>{t('casePage.hearings')}</Typography>
                  <ul>{state.hearings!.map((hearing) => <li key={`${hearing.date}-${hearing.court}`}>{formatDate(hearing.date, i18n.language)} — {vocabularyText(courts, 'courts', hearing.court, i18n.language)}</li>)}</ul>
                </Paper>
              )}
            </Grid>
            {(kind === 'criminal' || kind === 'exclusion') && <Grid size={12}><EvidenceSection caseKind={kind} caseId={id} /></Grid>}
            {(kind === 'criminal' || kind === 'exclusion') && <Grid size={12}><WitnessSection caseKind={kind} caseId={id} persons={data.persons} mayRegister={allowed.data?.opens.includes('witness.registered') ?? false} /></Grid>}
          </Grid>
        );
      }}</Loaded>
      {retracting && view.data && (
        <RetractDialog stream={view.data.stream} entry={retracting} onClose={() => closeRetract()}
          onRetracted={() => { closeRetract(true); changed(t('casePage.retractDone')); }} />
      )}
      {adding && view.data && allowed.data && (
        <Dialog open onClose={() => setAdding(false)} aria-labelledby="add-event-title" fullWidth maxWidth="sm" data-testid="add-event-dialog">
          <DialogTitle id="add-event-title">{t('casePage.addEvent')}</DialogTitle>
          <DialogContent>
            <EventForm stream={view.data.stream} options={allowed.data} persons={view.data.persons} events={view.data.timeline.map((entry) => entry.event)}
              onAdded={() => { setAdding(false); changed(t('casePage.added')); }} />
          </DialogContent>
          <DialogActions><Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button></DialogActions>
        </Dialog>
      )}
      <Box sx={{ mt: 3 }}>
        <MuiLink component={Link} to={`/cases?kind=${kind}`}>{labelOf(t, 'kindPlural', kind)}</MuiLink>
      </Box>
    </>
  );
}

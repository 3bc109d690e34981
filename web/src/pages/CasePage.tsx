/**
 * A case: its current phase, the timeline in legal-date order with the recorded time of each entry (retracted
 * entries stay visible, struck through, with the retraction's reason), what the rules derive, a form for the
 * events the state machine allows now, and retraction with a mandatory reason.
 */
import { Alert, Box, Button, Chip, Grid, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
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
import { DataTable, PersonLink } from '../components/Tables';
import { formatDate, formatDateTime, labelOf, legalBasisText, phaseLabel } from '../format';
import { EventDetails } from '../components/EventDetails';
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
  const view = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  const derived = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}/derived', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  const allowed = useLoad(() => unwrap(client.GET('/api/cases/{kind}/{id}/allowed-events', { params: { path: { kind: caseKind, id } } })), [kind, id, round]);
  const title = `${labelOf(t, 'kind', kind)} ${id}`;
  const changed = (message: string) => { setNotice(message); setRound((value) => value + 1); };
  const language = i18n.language === 'en' ? 'en' : 'nl';

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
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
              <Typography variant="h2" component="h2">{t('casePage.timeline')}</Typography>
              <Typography sx={{ mb: 1 }}>{t('casePage.timelineIntro')}</Typography>
              <DataTable caption={t('casePage.timeline')} captionVisible={false} rows={data.timeline} rowKey={(row) => row.event.id}
                columns={[
                  { key: 'date', header: t('casePage.legalDate'), cell: (row) => <span style={row.retractedBy ? { textDecoration: 'line-through' } : undefined}>{formatDate(row.event.date, i18n.language)}</span> },
                  {
                    key: 'type', header: t('casePage.event'), cell: (row) => (
                      <Box>
                        <Typography component="span" sx={{ fontWeight: 600, textDecoration: row.retractedBy ? 'line-through' : undefined }}>{labelOf(t, 'eventType', row.event.type)}</Typography>
                        {row.retractedBy && <Typography variant="body2" sx={{ color: 'error.main' }}>{t('casePage.retracted', { when: formatDateTime(row.retractedBy.recordedAt, i18n.language), reason: row.retractedBy.reason })}</Typography>}
                      </Box>
                    ),
                  },
                  { key: 'data', header: t('casePage.details'), cell: (row) => <EventDetails type={row.event.type} data={row.event.data} persons={data.persons} events={data.timeline.map((entry) => entry.event)} /> },
                  { key: 'recorded', header: t('casePage.recordedAt'), cell: (row) => formatDateTime(row.event.recordedAt, i18n.language) },
                  {
                    key: 'actions', header: <span style={{ position: 'absolute', left: -9999 }}>{t('casePage.retract')}</span>, cell: (row) => (
                      allowed.data?.mayRetract && !row.retractedBy && row.event.type !== 'retracted'
                        ? <Button size="small" variant="outlined" color="error" onClick={() => setRetracting(row)}
                          aria-label={`${t('casePage.retract')}: ${labelOf(t, 'eventType', row.event.type)} ${formatDate(row.event.date, i18n.language)}`}>{t('casePage.retract')}</Button>
                        : null
                    ),
                  },
                ]} />
              <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>{t('casePage.legalBasis', { basis: legalBasisText(t, data.legalBasis) })}</Typography>
            </Grid>
            <Grid size={{ xs: 12, lg: 4 }}>
              <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
                <Typography variant="h2" component="h2" gutterBottom>{t('casePage.derived')}</Typography>
                <Loaded state={derived}>{(rules) => (
                  rules.sentences.length === 0
                    ? <Typography>{t('casePage.nothingDerived')}</Typography>
                    : <ul data-testid="derived">{rules.sentences.map((sentence, index) => <li key={index}>{sentence[language]}</li>)}</ul>
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
            <Grid size={12}>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h2" component="h2" gutterBottom>{t('casePage.addEvent')}</Typography>
                <Loaded state={allowed}>{(options) => (
                  !options.mayAppend
                    ? <Alert severity="info">{t('casePage.mayNotAppend', { reason: options.refusal ?? '' })}</Alert>
                    : options.events.length === 0
                      ? <Typography>{t('casePage.noEventsAllowed')}</Typography>
                      : <EventForm stream={data.stream} options={options} persons={data.persons} events={data.timeline.map((entry) => entry.event)} onAdded={() => changed(t('casePage.added'))} />
                )}</Loaded>
              </Paper>
            </Grid>
            {(kind === 'criminal' || kind === 'exclusion') && <Grid size={12}><ProofMatrixLink kind={kind} id={id} /></Grid>}
            {(kind === 'criminal' || kind === 'exclusion') && <Grid size={12}><EvidenceSection caseKind={kind} caseId={id} /></Grid>}
            {(kind === 'criminal' || kind === 'exclusion') && <Grid size={12}><WitnessSection caseKind={kind} caseId={id} /></Grid>}
          </Grid>
        );
      }}</Loaded>
      {retracting && view.data && (
        <RetractDialog stream={view.data.stream} entry={retracting} onClose={() => setRetracting(undefined)}
          onRetracted={() => { setRetracting(undefined); changed(t('casePage.retractDone')); }} />
      )}
      <Box sx={{ mt: 3 }}>
        <MuiLink component={Link} to={`/cases?kind=${kind}`}>{labelOf(t, 'kindPlural', kind)}</MuiLink>
      </Box>
    </>
  );
}

/**
 * Victim support (police VSU and OM): per criminal case its registered victims, when each was last informed and
 * about what, who is overdue (R5), and recording that a victim was informed.
 */
import {
  Alert, Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel,
  Stack, TextField, Typography,
} from '@mui/material';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem, client, unwrap } from '../api/client';
import type { Victims } from '../api/types';
import { useLoad } from '../api/use-load';
import { useVocabularies, vocabularyText } from '../api/vocabularies';
import { useSession } from '../auth/session';
import { checkEventDate } from '../components/event-form-model';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { CaseLink, DataTable, PersonLink } from '../components/Tables';
import { ChannelField, TopicField } from '../components/VocabularyFields';
import { formatDate, labelOf } from '../format';

const PERIODIC_UPDATE = 'periodic-update';

type Victim = Victims['cases'][number]['victims'][number];

export function VictimsPage() {
  const { t, i18n } = useTranslation();
  // What a victim was told about: a topic's label in the reader's language; free text as written.
  const topics = useVocabularies();
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === '1';
  const [round, setRound] = useState(0);
  const [recording, setRecording] = useState<{ stream: string; victim: Victim }>();
  const [notice, setNotice] = useState<string>();
  const victims = useLoad(() => unwrap(client.GET('/api/overview/victims', { params: { query: overdueOnly ? { overdueOnly: true } : {} } })), [overdueOnly, round]);
  // Focus goes back to the button that opened the dialog, also after the list reloaded (WCAG 2.4.3).
  const trigger = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (recording || !trigger.current || victims.loading) return;
    const button = document.querySelector<HTMLElement>(`[data-record="${CSS.escape(trigger.current)}"]`);
    if (!button) return;
    trigger.current = undefined;
    button.focus();
  }, [recording, victims.loading]);
  const name = (victim: Victim) => victim.person?.names[0] ?? victim.id;
  return (
    <>
      <PageTitle title={t('victims.title')}>{t('victims.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('victims.intro')}</Typography>
      <FormControlLabel control={<Checkbox checked={overdueOnly} onChange={(event) => setParams(event.target.checked ? { overdue: '1' } : {})} />} label={t('victims.overdueOnly')} />
      {notice && <Alert severity="success" role="status" sx={{ my: 1 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Loaded state={victims}>{(data) => (
        data.cases.length === 0 ? <Typography>{t('victims.none')}</Typography> : (
          <>
            {data.cases.map((item) => (
              <Box key={item.case} sx={{ mb: 3 }}>
                <Typography variant="h2" component="h2">{t('victims.case')} <CaseLink stream={item.case} /> — {labelOf(t, 'phase', item.phase)}</Typography>
                <DataTable caption={`${t('victims.case')} ${item.case.split('/')[1]}`} captionVisible={false} rows={item.victims} rowKey={(row) => row.id}
                  columns={[
                    { key: 'victim', header: t('victims.victim'), cell: (row) => <PersonLink id={row.id} names={row.person?.names} /> },
                    { key: 'registered', header: t('victims.registeredOn'), cell: (row) => formatDate(row.registeredOn, i18n.language), value: (row) => row.registeredOn },
                    { key: 'informed', header: t('victims.lastInformed'), cell: (row) => (row.lastInformed ? `${formatDate(row.lastInformed.date, i18n.language)}: ${vocabularyText(topics, 'topics', row.lastInformed.about, i18n.language)}` : t('victims.never')), value: (row) => row.lastInformed?.date ?? '' },
                    {
                      key: 'status', header: t('victims.status'), cell: (row) => (row.overdue ? (
                        <Box>
                          <Chip size="small" color="error" label={t('victims.overdue')} />
                          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>{row.reasons.map((reason) => <li key={dutyKey(reason)}>{reasonText(t, i18n.language, reason)}</li>)}</ul>
                        </Box>
                      ) : <Chip size="small" color="success" label={t('victims.onTime')} />),
                    },
                    {
                      key: 'record', header: <span style={{ position: 'absolute', left: -9999 }}>{t('victims.recordInformed')}</span>, cell: (row) => (
                        <Button size="small" variant="outlined" data-record={`${item.case}#${row.id}`}
                          onClick={() => { trigger.current = `${item.case}#${row.id}`; setRecording({ stream: item.case, victim: row }); }}
                          aria-label={`${t('victims.recordInformed')}: ${name(row)}`}>{t('victims.recordInformed')}</Button>
                      ),
                    },
                  ]} />
              </Box>
            ))}
          </>
        )
      )}</Loaded>
      {recording && (
        <RecordInformedDialog stream={recording.stream} victim={recording.victim} victimName={name(recording.victim)}
          onClose={() => setRecording(undefined)} onRecorded={() => { setRecording(undefined); setNotice(t('victims.recorded')); setRound((value) => value + 1); }} />
      )}
    </>
  );
}

type Duty = Victim['duties'][number];

/** What a duty is called in the user's language: "Uitspraak van 17 oktober 2021" or the periodic update. */
export function dutyLabel(t: TFunction, language: string, duty: Duty): string {
  return duty.kind === 'key-event'
    ? t('victims.dutyKeyEvent', { event: labelOf(t, 'eventType', duty.eventType ?? ''), date: formatDate(duty.eventDate, language) })
    : t('victims.dutyPeriodic', { since: formatDate(duty.since, language) });
}

/** Why a victim is overdue, worded from the structured duty (no codes, dates as dates). */
export function reasonText(t: TFunction, language: string, duty: Duty): string {
  return duty.kind === 'key-event'
    ? t('victims.reasonKeyEvent', { event: labelOf(t, 'eventType', duty.eventType ?? ''), date: formatDate(duty.eventDate, language), due: formatDate(duty.dueDate, language) })
    : t('victims.reasonPeriodic', { since: formatDate(duty.since, language), due: formatDate(duty.dueDate, language) });
}

const dutyKey = (duty: Duty) => duty.eventId ?? PERIODIC_UPDATE;
const OTHER = 'other';

/** R5: record that a victim was informed, naming the open duty or duties it discharges (or none: something else). */
function RecordInformedDialog({ stream, victim, victimName, onClose, onRecorded }: { stream: string; victim: Victim; victimName: string; onClose(): void; onRecorded(): void }) {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const [about, setAbout] = useState('');
  const [channel, setChannel] = useState('');
  const [date, setDate] = useState(today);
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const dateError = checkEventDate(date, today);
  const open = victim.duties;
  const dutiesMissing = open.length > 0 && chosen.length === 0;
  const toggle = (key: string, on: boolean) => setChosen((current) => {
    if (key === OTHER) return on ? [OTHER] : [];
    const rest = current.filter((item) => item !== OTHER && item !== key);
    return on ? [...rest, key] : rest;
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!about.trim() || dateError || dutiesMissing) return;
    setProblem(undefined);
    const duties = chosen.filter((item) => item !== OTHER);
    try {
      await unwrap(client.POST('/api/events', { body: { events: [{ id: `web-${crypto.randomUUID()}`, stream, type: 'criminal.victim-informed', date, data: { victim: victim.id, about: about.trim(), duties, ...(channel.trim() ? { channel: channel.trim() } : {}) } }] } }));
      onRecorded();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="record-title" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="record-title">{t('victims.recordTitle', { victim: victimName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {open.length === 0 ? <Alert severity="info">{t('victims.noOpenDuties')}</Alert> : (
              <FormControl component="fieldset" required error={touched && dutiesMissing}>
                <FormLabel component="legend">{t('victims.duties')}</FormLabel>
                <FormHelperText sx={{ mx: 0 }}>{t('victims.dutiesHelp')}</FormHelperText>
                <FormGroup>
                  {open.map((duty) => (
                    <FormControlLabel key={dutyKey(duty)}
                      control={<Checkbox checked={chosen.includes(dutyKey(duty))} onChange={(event) => toggle(dutyKey(duty), event.target.checked)} />}
                      label={<span>{dutyLabel(t, i18n.language, duty)} — {t('victims.dutyDue', { date: formatDate(duty.dueDate, i18n.language) })}{duty.overdue && <Chip size="small" color="error" label={t('victims.overdue')} sx={{ ml: 1 }} />}</span>} />
                  ))}
                  <FormControlLabel control={<Checkbox checked={chosen.includes(OTHER)} onChange={(event) => toggle(OTHER, event.target.checked)} />} label={t('victims.dutyOther')} />
                </FormGroup>
                {touched && dutiesMissing && <FormHelperText sx={{ mx: 0 }}>{t('victims.dutiesRequired')}</FormHelperText>}
              </FormControl>
            )}
            <TopicField id="informed-about" required label={t('victims.about')} value={about} onChange={setAbout}
              error={touched && !about.trim() ? t('casePage.required') : undefined} />
            <ChannelField id="informed-channel" label={t('victims.channel')} value={channel} onChange={setChannel} />
            <TextField id="informed-date" type="date" required label={t('victims.informedOn')} value={date} onChange={(event) => setDate(event.target.value)}
              onKeyDown={(event) => { if (event.key === 'Enter') event.preventDefault(); }}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} error={Boolean(dateError)} helperText={dateError ? t(`casePage.${dateError}`, { today }) : ' '} />
            {problem && <ProblemAlert problem={problem} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained">{t('victims.recordInformed')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

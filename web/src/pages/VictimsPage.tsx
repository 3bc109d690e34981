/**
 * Victim support (police VSU and OM): per criminal case its registered victims, when each was last informed and
 * about what, who is overdue (R5), and recording that a victim was informed.
 */
import {
  Alert, Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField, Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem, client, unwrap } from '../api/client';
import type { Victims } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { checkEventDate } from '../components/event-form-model';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { CaseLink, DataTable, PersonLink } from '../components/Tables';
import { formatDate, labelOf } from '../format';

type Victim = Victims['cases'][number]['victims'][number];

export function VictimsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === '1';
  const [round, setRound] = useState(0);
  const [recording, setRecording] = useState<{ stream: string; victim: Victim }>();
  const [notice, setNotice] = useState<string>();
  const victims = useLoad(() => unwrap(client.GET('/api/overview/victims', { params: { query: overdueOnly ? { overdueOnly: true } : {} } })), [overdueOnly, round]);
  const language = i18n.language === 'en' ? 'en' : 'nl';
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
                    { key: 'registered', header: t('victims.registeredOn'), cell: (row) => formatDate(row.registeredOn, i18n.language) },
                    { key: 'informed', header: t('victims.lastInformed'), cell: (row) => (row.lastInformed ? `${formatDate(row.lastInformed.date, i18n.language)}: ${row.lastInformed.about}` : t('victims.never')) },
                    {
                      key: 'status', header: t('victims.status'), cell: (row) => (row.overdue ? (
                        <Box>
                          <Chip size="small" color="error" label={t('victims.overdue')} />
                          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>{row.reasons.map((reason, index) => <li key={index}>{reason.explanation[language]}</li>)}</ul>
                        </Box>
                      ) : <Chip size="small" color="success" label={t('victims.onTime')} />),
                    },
                    {
                      key: 'record', header: <span style={{ position: 'absolute', left: -9999 }}>{t('victims.recordInformed')}</span>, cell: (row) => (
                        <Button size="small" variant="outlined" onClick={() => setRecording({ stream: item.case, victim: row })}
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
        <RecordInformedDialog stream={recording.stream} victimId={recording.victim.id} victimName={name(recording.victim)}
          onClose={() => setRecording(undefined)} onRecorded={() => { setRecording(undefined); setNotice(t('victims.recorded')); setRound((value) => value + 1); }} />
      )}
    </>
  );
}

function RecordInformedDialog({ stream, victimId, victimName, onClose, onRecorded }: { stream: string; victimId: string; victimName: string; onClose(): void; onRecorded(): void }) {
  const { t } = useTranslation();
  const { today } = useSession();
  const [about, setAbout] = useState('');
  const [channel, setChannel] = useState('');
  const [date, setDate] = useState(today);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const dateError = checkEventDate(date, today);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!about.trim() || dateError) return;
    setProblem(undefined);
    try {
      await unwrap(client.POST('/api/events', { body: { events: [{ id: `web-${crypto.randomUUID()}`, stream, type: 'criminal.victim-informed', date, data: { victim: victimId, about: about.trim(), ...(channel.trim() ? { channel: channel.trim() } : {}) } }] } }));
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
            <TextField id="informed-about" autoFocus required multiline minRows={2} label={t('victims.about')} value={about} onChange={(event) => { setAbout(event.target.value); setTouched(true); }}
              error={touched && !about.trim()} helperText={touched && !about.trim() ? t('casePage.required') : ' '} />
            <TextField id="informed-channel" label={t('victims.channel')} value={channel} onChange={(event) => setChannel(event.target.value)} />
            <TextField id="informed-date" type="date" required label={t('victims.informedOn')} value={date} onChange={(event) => setDate(event.target.value)}
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

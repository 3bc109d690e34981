/** Retracting an event: a dialog that requires a reason; what the server refuses is shown with its reason. */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { TimelineEntry } from '../api/types';
import { formatDate, labelOf } from '../format';
import { ProblemAlert } from './Status';

export function RetractDialog({ stream, entry, onClose, onRetracted }: { stream: string; entry: TimelineEntry; onClose(): void; onRetracted(): void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const missing = reason.trim() === '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) { document.getElementById('retract-reason')?.focus(); return; }
    setBusy(true);
    setProblem(undefined);
    try {
      await unwrap(client.POST('/api/retractions', { body: { stream, event: entry.event.id, reason: reason.trim() } }));
      onRetracted();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="retract-title" aria-describedby="retract-intro" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="retract-title">{t('casePage.retractTitle')}: {labelOf(t, 'eventType', entry.event.type)} ({formatDate(entry.event.date, i18n.language)})</DialogTitle>
        <DialogContent>
          <DialogContentText id="retract-intro" sx={{ mb: 2 }}>{t('casePage.retractIntro')}</DialogContentText>
          <TextField id="retract-reason" autoFocus fullWidth multiline minRows={2} required label={t('casePage.retractReason')} value={reason}
            onChange={(event) => { setReason(event.target.value); setTouched(true); }}
            error={touched && missing} helperText={touched && missing ? t('casePage.required') : t('casePage.retractReasonHelp')} />
          {problem && <ProblemAlert problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>{t('casePage.retract')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

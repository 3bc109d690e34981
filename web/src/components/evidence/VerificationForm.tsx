/**
 * Records a verification step of the Berkeley Protocol (evidence.verified): which step, its outcome, the method
 * used and notes. Checked as the user types; the server's refusal is shown with its reason.
 */
import { Box, Button, Grid, MenuItem, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/client';
import { labelOf } from '../../format';
import { ProblemAlert } from '../Status';
import { appendEvidenceEvent, VERIFICATION_OUTCOMES, VERIFICATION_STEPS } from './evidence-api';

export function VerificationForm({ stream, today, onAdded }: { stream: string; today: string; onAdded(): void }) {
  const { t } = useTranslation();
  const empty = { step: '', outcome: '', method: '', notes: '', date: today };
  const [values, setValues] = useState(empty);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const missing = (field: 'step' | 'outcome' | 'method' | 'date') => touched && values[field].trim() === '';
  const future = values.date > today;
  const change = (field: keyof typeof empty) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!values.step || !values.outcome || !values.method.trim() || !values.date || future) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await appendEvidenceEvent(stream, 'evidence.verified', values.date, {
        step: values.step, outcome: values.outcome, method: values.method.trim(), ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
      });
      setValues(empty);
      setTouched(false);
      onAdded();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  const helper = (bad: boolean) => (bad ? t('evidence.required') : ' ');

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={t('evidence.addVerification')}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <TextField id="verification-step" select required fullWidth label={t('evidence.step')} value={values.step} onChange={change('step')} error={missing('step')} helperText={helper(missing('step'))}>
            {VERIFICATION_STEPS.map((step) => <MenuItem key={step} value={step}>{labelOf(t, 'value', step)}</MenuItem>)}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <TextField id="verification-outcome" select required fullWidth label={t('evidence.outcome')} value={values.outcome} onChange={change('outcome')} error={missing('outcome')} helperText={helper(missing('outcome'))}>
            {VERIFICATION_OUTCOMES.map((outcome) => <MenuItem key={outcome} value={outcome}>{labelOf(t, 'value', outcome)}</MenuItem>)}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <TextField id="verification-date" type="date" required fullWidth label={t('evidence.date')} value={values.date} onChange={change('date')}
            error={missing('date') || future} helperText={future ? t('evidence.futureDate', { today }) : helper(missing('date'))}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <TextField id="verification-method" required fullWidth label={t('evidence.verificationMethod')} value={values.method} onChange={change('method')} error={missing('method')} helperText={helper(missing('method'))} />
        </Grid>
        <Grid size={12}>
          <TextField id="verification-notes" fullWidth multiline minRows={2} label={t('evidence.notes')} value={values.notes} onChange={change('notes')} />
        </Grid>
      </Grid>
      {problem && <Box sx={{ my: 2 }}><ProblemAlert problem={problem} /></Box>}
      <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 1 }}>{t('evidence.save')}</Button>
    </Box>
  );
}

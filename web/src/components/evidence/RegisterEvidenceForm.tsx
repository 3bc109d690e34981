/**
 * The form to register an evidence item of a case: what it is, its source, who acquired it, when and how. Each
 * field is checked as the user types; the server's refusal is shown with its reason. A file is added afterwards.
 */
import { Box, Button, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/client';
import { labelOf } from '../../format';
import { ProblemAlert } from '../Status';
import { ACQUISITION_METHODS, appendEvidenceEvent, EVIDENCE_KINDS, newEvidenceId, SOURCE_TYPES, type EvidenceCaseKind } from './evidence-api';
import { checkRegister, emptyRegister, registeredData, type RegisterValues } from './register-model';

interface Props { caseKind: EvidenceCaseKind; caseId: string; today: string; organisation: string; onRegistered(id: string, title: string): void }

export function RegisterEvidenceForm({ caseKind, caseId, today, organisation, onRegistered }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<RegisterValues>(() => emptyRegister(today, organisation));
  const [touched, setTouched] = useState<Partial<Record<keyof RegisterValues, boolean>>>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const errors = checkRegister(values, today);
  const show = (field: keyof RegisterValues) => (touched[field] ? errors[field] : undefined);
  const message = (field: keyof RegisterValues) => { const error = show(field); return error ? t(`evidence.${error}`, { today }) : ' '; };
  const change = (field: keyof RegisterValues) => (event: { target: { value: string } }) => {
    setValues((previous) => ({ ...previous, [field]: event.target.value }));
    setTouched((previous) => ({ ...previous, [field]: true }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(Object.fromEntries(Object.keys(values).map((key) => [key, true])));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setProblem(undefined);
    const id = newEvidenceId();
    try {
      await appendEvidenceEvent(`evidence/${id}`, 'evidence.registered', today, registeredData(caseKind, caseId, values));
      const title = values.title.trim();
      setValues(emptyRegister(today, organisation));
      setTouched({});
      onRegistered(id, title);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: keyof RegisterValues, label: string, required = false, extra: Record<string, unknown> = {}) => (
    <TextField id={`evidence-${field}`} label={label} required={required} fullWidth value={values[field]} onChange={change(field)}
      error={Boolean(show(field))} helperText={message(field)} {...extra} />
  );
  const select = (field: keyof RegisterValues, label: string, codes: readonly string[]) => (
    <TextField id={`evidence-${field}`} select label={label} required fullWidth value={values[field]} onChange={change(field)}
      error={Boolean(show(field))} helperText={message(field)}>
      {codes.map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'value', code)}</MenuItem>)}
    </TextField>
  );

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={t('evidence.register')}>
      <Typography sx={{ mb: 2 }}>{t('evidence.registerIntro')}</Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>{select('kind', t('evidence.kind'), EVIDENCE_KINDS)}</Grid>
        <Grid size={{ xs: 12, md: 8 }}>{text('title', t('evidence.title'), true)}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{select('sourceType', t('evidence.source'), SOURCE_TYPES)}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{text('sourceName', t('evidence.sourceName'))}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{text('sourceReference', t('evidence.sourceReference'))}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{text('acquiredDate', t('evidence.acquiredDate'), true, { type: 'date', slotProps: { inputLabel: { shrink: true }, htmlInput: { max: today } } })}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{text('acquiredBy', t('evidence.acquiredBy'), true)}</Grid>
        <Grid size={{ xs: 12, md: 4 }}>{select('method', t('evidence.method'), ACQUISITION_METHODS)}</Grid>
        <Grid size={{ xs: 12, md: 6 }}>{text('location', t('evidence.location'))}</Grid>
        <Grid size={{ xs: 12, md: 6 }}>{text('language', t('evidence.language'))}</Grid>
        <Grid size={12}>{text('description', t('evidence.description'), false, { multiline: true, minRows: 2 })}</Grid>
      </Grid>
      {problem && <Box sx={{ mb: 2 }}><ProblemAlert problem={problem} /></Box>}
      <Button type="submit" variant="contained" disabled={busy}>{t('evidence.registerSubmit')}</Button>
    </Box>
  );
}

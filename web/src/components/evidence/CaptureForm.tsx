/**
 * Captures a web page as evidence of this case: the server loads it in Chromium and keeps a screenshot, PDF,
 * snapshot and WARC with a signed manifest (README, "Evidence"). The capture takes seconds up to the server's time
 * limit; the form says it is working meanwhile, then links the new item or says why the server refused.
 */
import { Alert, Box, Button, LinearProgress, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../Status';
import { captureWebPage, type CapturedPage, type EvidenceCaseKind } from './evidence-api';

export function CaptureForm({ caseKind, caseId, onCaptured }: { caseKind: EvidenceCaseKind; caseId: string; onCaptured(page: CapturedPage): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CapturedPage>();
  const [problem, setProblem] = useState<ApiProblem>();
  const valid = /^https?:\/\/\S+$/i.test(url.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const page = await captureWebPage(caseKind, caseId, url.trim());
      setDone(page);
      setUrl('');
      onCaptured(page);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 600, mb: 1 }}>{t('evidence.capture')}</Typography>
      <Typography variant="body2" sx={{ mb: 1.5 }}>{t('evidence.captureIntro')}</Typography>
      <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }} onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('evidence.captureUrl')} value={url} onChange={(event) => setUrl(event.target.value)} type="url" size="small" fullWidth
          placeholder="https://" disabled={busy} error={url !== '' && !valid} helperText={url !== '' && !valid ? t('evidence.captureUrlInvalid') : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'capture-url' } }} />
        <Button type="submit" variant="contained" disabled={!valid || busy} sx={{ flexShrink: 0 }} data-testid="capture-submit">{t('evidence.captureSubmit')}</Button>
      </Stack>
      {busy && (
        <Box role="status" sx={{ mt: 1 }}>
          <Typography variant="body2">{t('evidence.capturing')}</Typography>
          <LinearProgress aria-label={t('evidence.capturing')} />
        </Box>
      )}
      {done && (
        <Alert severity="success" role="status" sx={{ mt: 1 }} data-testid="capture-done">
          {t('evidence.captured', { count: done.files.length })}{' '}
          <MuiLink component={Link} to={`/evidence/${encodeURIComponent(done.id)}`}>{done.id}</MuiLink>
        </Alert>
      )}
      {problem && <Box sx={{ mt: 1 }}><ProblemAlert problem={problem} /></Box>}
    </Box>
  );
}

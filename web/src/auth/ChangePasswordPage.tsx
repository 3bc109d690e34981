/**
 * Choosing a new password (POST /api/session/password): forced after an administrator's reset — then the page
 * stands alone, like the sign-in page, and the session can do nothing else until it is done — and open to every
 * signed-in user from the footer (/settings/password). The new password must have at least MIN_PASSWORD_LENGTH
 * characters and differ from the current one; the server checks both, and the current password, again.
 */
import { Alert, Box, Button, Container, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemText } from '../api/problem-text';
import { PageTitle } from '../components/PageTitle';
import { useSession } from './session';

/** src/accounts/passwords.ts MIN_PASSWORD_LENGTH. */
export const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t, i18n } = useTranslation();
  const { changePassword, signOut, principal } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (forced) document.title = `${t('password.title')} — ${t('common.appName')}`; }, [t, forced]);

  const nextProblem = !next ? t('login.required') : next.length < MIN_PASSWORD_LENGTH ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) : next === current ? t('password.unchanged') : undefined;
  const repeatProblem = repeat !== next ? t('password.mismatch') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setDone(false);
    if (!current || nextProblem || repeatProblem) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await changePassword(current, next);
      setCurrent(''); setNext(''); setRepeat(''); setTouched(false);
      setDone(true);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? problemText(t, i18n.language, error.problem) : String(error));
    } finally {
      setBusy(false);
    }
  };
  const form = (
    <>
      <Typography sx={{ mb: 2 }}>{forced ? t('password.forcedIntro', { user: principal?.username ?? '' }) : t('password.intro')}</Typography>
      {problem && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{problem}</Alert>}
      {done && <Alert severity="success" role="status" sx={{ mb: 2 }}>{t('password.done')}</Alert>}
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('password.title')} sx={{ maxWidth: 480 }}>
        <Stack spacing={2}>
          <TextField id="current-password" type="password" label={t('password.current')} autoComplete="current-password" required value={current}
            onChange={(event) => setCurrent(event.target.value)} error={touched && !current} helperText={touched && !current ? t('login.required') : ' '} />
          <TextField id="new-password" type="password" label={t('password.new')} autoComplete="new-password" required value={next}
            onChange={(event) => setNext(event.target.value)} error={touched && Boolean(nextProblem)}
            helperText={touched && nextProblem ? nextProblem : t('password.rules', { min: MIN_PASSWORD_LENGTH })} />
          <TextField id="repeat-password" type="password" label={t('password.repeat')} autoComplete="new-password" required value={repeat}
            onChange={(event) => setRepeat(event.target.value)} error={touched && Boolean(repeatProblem)} helperText={touched && repeatProblem ? repeatProblem : ' '} />
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" disabled={busy}>{t('password.submit')}</Button>
            {forced && <Button variant="outlined" onClick={() => void signOut()}>{t('password.signOut')}</Button>}
          </Stack>
        </Stack>
      </Box>
    </>
  );
  if (!forced) {
    return (
      <>
        <PageTitle title={t('password.title')}>{t('password.title')}</PageTitle>
        {form}
      </>
    );
  }
  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6 }}>
      <Container maxWidth="sm">
        <Paper sx={{ p: 4 }}>
          <Typography variant="h1" component="h1" gutterBottom>{t('password.title')}</Typography>
          {form}
        </Paper>
      </Container>
    </Box>
  );
}

/**
 * Sign in with a local account, or through single sign-on when the server has it configured. Labels are
 * visible, errors are announced and tied to their field.
 */
import { Alert, Box, Button, Container, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { useSession } from './session';
import { problemText } from '../api/problem-text';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { signIn, singleSignOn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => { document.title = `${t('login.title')} — ${t('common.appName')}`; }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!username || !password) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(username, password);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? problemText(t, i18n.language, error.problem) : String(error));
    } finally {
      setBusy(false);
    }
  };
  const otherLanguage = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 6 }}>
      <Container maxWidth="sm">
        <Paper sx={{ p: 4 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
            <Box>
              <Typography variant="h1" component="h1" gutterBottom>{t('login.title')}</Typography>
              <Typography gutterBottom>{t('common.appTagline')}</Typography>
            </Box>
            <Button variant="outlined" lang={otherLanguage} onClick={() => void i18n.changeLanguage(otherLanguage)}>
              {otherLanguage === 'en' ? 'English' : 'Nederlands'}
            </Button>
          </Stack>
          <Typography sx={{ mb: 2 }}>{t('login.intro')}</Typography>
          {problem && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{problem}</Alert>}
          <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
            <Stack spacing={2}>
              <TextField id="username" name="username" label={t('login.username')} autoComplete="username" required value={username}
                onChange={(event) => setUsername(event.target.value)} error={touched && !username} helperText={touched && !username ? t('login.required') : ' '} />
              <TextField id="password" name="password" type="password" label={t('login.password')} autoComplete="current-password" required value={password}
                onChange={(event) => setPassword(event.target.value)} error={touched && !password} helperText={touched && !password ? t('login.required') : ' '} />
              <Button type="submit" variant="contained" size="large" disabled={busy}>{t('login.submit')}</Button>
            </Stack>
          </Box>
          {singleSignOn && (
            <>
              <Divider sx={{ my: 3 }}>{t('login.or')}</Divider>
              <Button variant="outlined" fullWidth href="/api/auth/oidc/login">{t('login.sso')}</Button>
            </>
          )}
          <Typography variant="body2" sx={{ mt: 3, color: 'text.secondary' }}>{t('login.demo')}</Typography>
        </Paper>
      </Container>
    </Box>
  );
}

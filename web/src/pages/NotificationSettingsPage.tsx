/**
 * My e-mail digest (README, "Notifications"): on or off, daily or weekly, which kinds of waiting work, in which
 * language and to which address. The digest carries counts and links only — the page says so, and says when the
 * installation sends no e-mail at all.
 */
import {
  Alert, Box, Button, Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel, Radio, RadioGroup, Stack, Switch, TextField, Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { NotificationPreferences as Preferences } from '../api/types';
import { useLoad } from '../api/use-load';
import { PageTitle } from '../components/PageTitle';
import { Loaded, ProblemAlert } from '../components/Status';
import { formatDateTime } from '../format';

type Kind = Preferences['kinds'][number];

const KINDS: readonly Kind[] = ['victim-information', 'article3-reassessment', 'hearing', 'screening-hit', 'cross-reference', 'authorisation-expiring'];

function loadPreferences() {
  return unwrap(client.GET('/api/me/notification-preferences'));
}

export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const preferences = useLoad(loadPreferences, [round]);
  return (
    <>
      <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <Typography sx={{ mb: 1, maxWidth: '70ch' }}>{t('notifications.intro')}</Typography>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>{t('notifications.privacy')}</Typography>
      <Loaded state={preferences}>{(data) => <PreferencesForm initial={data} onSaved={() => setRound((value) => value + 1)} />}</Loaded>
    </>
  );
}

function PreferencesForm({ initial, onSaved }: { initial: Preferences; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [frequency, setFrequency] = useState(initial.frequency);
  const [language, setLanguage] = useState(initial.language);
  const [email, setEmail] = useState(initial.email ?? '');
  const [kinds, setKinds] = useState<Kind[]>(initial.kinds);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState(false);
  const [emailError, setEmailError] = useState<string>();
  useEffect(() => { setSaved(false); }, [enabled, frequency, language, email, kinds]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (enabled && !email.trim()) {
      setEmailError(t('notifications.emailRequired'));
      document.getElementById('digest-email')?.focus();
      return;
    }
    setEmailError(undefined);
    setSaving(true);
    try {
      await unwrap(client.PUT('/api/me/notification-preferences', { body: { enabled, frequency, language, kinds, email: email.trim() || null } }));
      setSaved(true);
      onSaved();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error);
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const toggleKind = (kind: Kind, on: boolean) => setKinds((current) => KINDS.filter((item) => (item === kind ? on : current.includes(item))));

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ maxWidth: 640 }} aria-label={t('notifications.formLabel')}>
      {!initial.mailConfigured && <Alert severity="info" sx={{ mb: 2 }}>{t('notifications.mailOff')}</Alert>}
      <Typography sx={{ mb: 2 }} data-testid="last-sent">
        {initial.lastSentAt ? t('notifications.lastSent', { when: formatDateTime(initial.lastSentAt, i18n.language) }) : t('notifications.neverSent')}
      </Typography>
      <Stack spacing={3}>
        <FormControlLabel control={<Switch checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />} label={t('notifications.enabled')} />
        <TextField id="digest-email" type="email" label={t('notifications.email')} value={email} onChange={(event) => setEmail(event.target.value)}
          required={enabled} error={Boolean(emailError)} helperText={emailError ?? t('notifications.emailHelp')} autoComplete="email" fullWidth />
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('notifications.frequency')}</FormLabel>
          <RadioGroup value={frequency} onChange={(event) => setFrequency(event.target.value as Preferences['frequency'])}>
            <FormControlLabel value="daily" control={<Radio />} label={t('notifications.daily')} />
            <FormControlLabel value="weekly" control={<Radio />} label={t('notifications.weekly')} />
          </RadioGroup>
        </FormControl>
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('notifications.language')}</FormLabel>
          <RadioGroup value={language} onChange={(event) => setLanguage(event.target.value as Preferences['language'])}>
            <FormControlLabel value="nl" control={<Radio />} label={<span lang="nl">Nederlands</span>} />
            <FormControlLabel value="en" control={<Radio />} label={<span lang="en">English</span>} />
          </RadioGroup>
        </FormControl>
        {initial.availableKinds.length === 0 ? <Alert severity="info">{t('notifications.noWork')}</Alert> : (
        <FormControl component="fieldset">
          <FormLabel component="legend">{t('notifications.kinds')}</FormLabel>
          <FormGroup>
            {KINDS.filter((kind) => initial.availableKinds.includes(kind)).map((kind) => (
              <FormControlLabel key={kind} control={<Checkbox checked={kinds.includes(kind)} onChange={(event) => toggleKind(kind, event.target.checked)} />} label={t(`notifications.kind.${kind}`)} />
            ))}
          </FormGroup>
        </FormControl>
        )}
        {problem && <ProblemAlert problem={problem} />}
        {saved && <Alert severity="success" role="status">{t('notifications.saved')}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={saving}>{t('notifications.save')}</Button>
        </Box>
      </Stack>
    </Box>
  );
}

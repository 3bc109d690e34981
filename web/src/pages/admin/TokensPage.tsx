/**
 * The administrator's API tokens (README, "Administration"): the list with their status, issuing one (the secret is
 * shown once, with a copy button) and revoking one (at once). A token for a role that reads case data opens nothing
 * until a second administrator approves it: "wacht op goedkeuring".
 */
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, toProblem, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageTitle } from '../../components/PageTitle';
import { Loaded, ProblemAlert } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDate, formatDateTime, labelOf } from '../../format';
import { ROLE_VIEWS } from '../../roles';
import { SecretField } from './AccountsPage';

type Token = Awaited<ReturnType<typeof loadTokens>>['items'][number];

function loadTokens() {
  return unwrap(client.GET('/api/tokens', { params: { query: { limit: 500 } } }));
}

export function TokensPage() {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const tokens = useLoad(() => loadTokens(), [round]);
  const [name, setName] = useState('');
  const [role, setRole] = useState('police');
  const [expires, setExpires] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<string>();
  const [secret, setSecret] = useState<{ name: string; token: string; pending: boolean }>();
  const [revoking, setRevoking] = useState<Token>();
  const refresh = () => setRound((value) => value + 1);
  const nameError = name.trim() === '' ? t('admin.accounts.required') : undefined;
  const now = Date.now();

  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameError) return;
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const body = { name: name.trim(), role, ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}) };
      const { data, error, response } = await client.POST('/api/tokens', { body });
      if (!response.ok || !data) throw new ApiProblem(toProblem(error, response));
      setSecret({ name: data.apiToken.name, token: data.token, pending: response.status === 202 });
      setName(''); setExpires(''); setTouched(false);
      refresh();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: Token) => {
    setProblem(undefined);
    try {
      await unwrap(client.DELETE('/api/tokens/{id}', { params: { path: { id: token.id } } }));
      setNotice(t('admin.tokens.revokedNotice', { name: token.name }));
      refresh();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setRevoking(undefined);
    }
  };

  const statusOf = (token: Token) => {
    if (token.revokedAt) return t('admin.tokens.revoked', { date: formatDate(token.revokedAt.slice(0, 10), i18n.language) });
    if (token.expiresAt && Date.parse(token.expiresAt) < now) return t('admin.tokens.expired');
    return t('admin.tokens.active');
  };

  return (
    <>
      <PageTitle title={t('admin.tokens.title')}>{t('admin.tokens.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('admin.tokens.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)} data-testid="tokens-notice">{notice}</Alert>}
      {problem && <Box sx={{ mb: 2 }}><ProblemAlert problem={problem} /></Box>}
      <Box component="form" noValidate onSubmit={(event) => void issue(event)} aria-labelledby="issue-title" sx={{ mb: 3 }}>
        <Typography variant="h2" component="h2" id="issue-title" gutterBottom>{t('admin.tokens.issue')}</Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField id="token-name" size="small" required label={t('admin.tokens.name')} value={name} onChange={(event) => setName(event.target.value)}
            error={touched && Boolean(nameError)} helperText={touched && nameError ? nameError : t('admin.tokens.nameHelp')} />
          <TextField id="token-role" select size="small" required label={t('admin.tokens.role')} value={role} onChange={(event) => setRole(event.target.value)} sx={{ minWidth: 200 }} helperText=" ">
            {Object.keys(ROLE_VIEWS).map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'role', code)}</MenuItem>)}
          </TextField>
          <TextField id="token-expires" size="small" type="date" label={t('admin.tokens.expiresAt')} value={expires} onChange={(event) => setExpires(event.target.value)}
            onKeyDown={(event) => { if (event.key === 'Enter') event.preventDefault(); }}
            helperText={t('admin.tokens.expiresHelp')} slotProps={{ inputLabel: { shrink: true } }} />
          <Box><Button type="submit" variant="contained" disabled={busy}>{t('admin.tokens.issue')}</Button></Box>
        </Stack>
      </Box>
      <Loaded state={tokens}>{(data) => (
        <DataTable caption={t('admin.tokens.title')} rows={[...data.items].reverse()} rowKey={(row) => String(row.id)} empty={t('admin.tokens.none')}
          columns={[
            { key: 'name', header: t('admin.tokens.name'), cell: (row) => <span data-token={row.name}>{row.name}</span> },
            { key: 'role', header: t('admin.tokens.role'), cell: (row) => labelOf(t, 'role', row.role) },
            { key: 'issued', header: t('admin.tokens.issued'), cell: (row) => formatDateTime(row.createdAt, i18n.language) },
            { key: 'expires', header: t('admin.tokens.expiresAt'), cell: (row) => (row.expiresAt ? formatDate(row.expiresAt.slice(0, 10), i18n.language) : t('admin.tokens.never')) },
            {
              key: 'status', header: t('admin.tokens.status'), cell: (row) => (row.pendingApproval && !row.revokedAt
                ? <Chip size="small" color="warning" label={t('admin.waitsForApproval')} sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />
                : statusOf(row)),
            },
            {
              key: 'revoke', header: t('admin.tokens.revoke'), cell: (row) => (row.revokedAt ? '' : (
                <Button size="small" variant="outlined" color="error" aria-label={t('admin.tokens.revokeLabel', { name: row.name })} onClick={() => setRevoking(row)}>{t('admin.tokens.revoke')}</Button>
              )),
            },
          ]} />
      )}</Loaded>
      {secret && (
        <Dialog open onClose={() => setSecret(undefined)} aria-labelledby="secret-title" fullWidth maxWidth="sm">
          <DialogTitle id="secret-title">{t('admin.tokens.secretTitle', { name: secret.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>{t('admin.tokens.secretOnce')}</DialogContentText>
            {secret.pending && <Alert severity="warning" sx={{ mb: 1 }}>{t('admin.tokens.secretPending')}</Alert>}
            <SecretField id="token-secret" label={t('admin.tokens.secret')} value={secret.token} />
          </DialogContent>
          <DialogActions><Button variant="contained" onClick={() => setSecret(undefined)}>{t('admin.accounts.close')}</Button></DialogActions>
        </Dialog>
      )}
      {revoking && (
        <Dialog open onClose={() => setRevoking(undefined)} aria-labelledby="revoke-title" aria-describedby="revoke-text" fullWidth maxWidth="sm">
          <DialogTitle id="revoke-title">{t('admin.tokens.revokeLabel', { name: revoking.name })}</DialogTitle>
          <DialogContent><DialogContentText id="revoke-text">{t('admin.tokens.revokeConfirm', { name: revoking.name })}</DialogContentText></DialogContent>
          <DialogActions>
            <Button onClick={() => setRevoking(undefined)}>{t('admin.accounts.cancel')}</Button>
            <Button variant="contained" color="error" onClick={() => void revoke(revoking)}>{t('admin.tokens.revoke')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}

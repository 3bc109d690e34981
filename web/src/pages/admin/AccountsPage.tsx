/**
 * The administrator's accounts (README, "Administration"): the list, filtered by role, organisation and status,
 * searched and sorted; create, disable or enable, unlock after failed sign-ins, a new one-time password, a new role.
 * What gives an account access to case data answers 202: it waits for a second administrator ("wacht op
 * goedkeuring"), shown beside the account until decided.
 */
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, toProblem, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { PageTitle } from '../../components/PageTitle';
import { Loaded, ProblemAlert } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDateTime, labelOf } from '../../format';
import { ROLE_VIEWS } from '../../roles';
import { oneTimePassword } from './one-time-password';

type Account = Awaited<ReturnType<typeof loadAccounts>>['items'][number];
type Status = 'active' | 'disabled' | 'delayed';
const ROLES = Object.keys(ROLE_VIEWS);
type Sort = 'username' | 'name' | 'role' | 'created';

function loadAccounts() {
  return unwrap(client.GET('/api/accounts', { params: { query: { limit: 500 } } }));
}

function statusOf(account: Account): Status {
  if (account.disabled) return 'disabled';
  return (account.signInFailures ?? 0) > 0 ? 'delayed' : 'active';
}

async function patch(id: number, body: { disabled?: boolean; unlock?: boolean; password?: string; role?: string }): Promise<'done' | 'pending'> {
  const { response, error } = await client.PATCH('/api/accounts/{id}', { params: { path: { id } }, body });
  if (!response.ok) throw new ApiProblem(toProblem(error, response));
  return response.status === 202 ? 'pending' : 'done';
}

export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const accounts = useLoad(() => loadAccounts(), [round]);
  const pending = useLoad(() => unwrap(client.GET('/api/approvals', { params: { query: { status: 'pending', limit: 500 } } })), [round]);
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('username');
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [creating, setCreating] = useState(false);
  const [roleOf, setRoleOf] = useState<Account>();
  const [resetOf, setResetOf] = useState<Account>();
  const [shownPassword, setShownPassword] = useState<{ username: string; password: string; pending: boolean }>();
  const refresh = () => setRound((value) => value + 1);
  const waiting = (account: Account) => (pending.data?.items ?? []).some((approval) => approval.accountId === account.id);
  const organisations = useMemo(() => [...new Set((accounts.data?.items ?? []).map((account) => account.organisation))].sort(), [accounts.data]);

  const act = async (account: Account, body: { disabled?: boolean; unlock?: boolean }, doneKey: string) => {
    setProblem(undefined);
    setNotice(undefined);
    try {
      const outcome = await patch(account.id, body);
      setNotice(outcome === 'pending' ? t('admin.accounts.pendingNotice', { username: account.username }) : t(doneKey as 'admin.accounts.disabledNotice', { username: account.username }));
      refresh();
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };

  const shown = (rows: readonly Account[]) => {
    const needle = search.trim().toLowerCase();
    const filtered = rows.filter((account) => (!role || account.role === role) && (!organisation || account.organisation === organisation)
      && (!status || statusOf(account) === status)
      && (!needle || account.username.toLowerCase().includes(needle) || account.displayName.toLowerCase().includes(needle)));
    const key = (account: Account) => (sort === 'name' ? account.displayName : sort === 'role' ? labelOf(t, 'role', account.role) : sort === 'created' ? account.createdAt : account.username);
    return [...filtered].sort((a, b) => (sort === 'created' ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b), i18n.language)));
  };

  return (
    <>
      <PageTitle title={t('admin.accounts.title')}>{t('admin.accounts.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('admin.accounts.intro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)} data-testid="accounts-notice">{notice}</Alert>}
      {problem && <Box sx={{ mb: 2 }}><ProblemAlert problem={problem} /></Box>}
      <Button variant="contained" sx={{ mb: 2 }} onClick={() => setCreating(true)}>{t('admin.accounts.newAccount')}</Button>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }} component="form" role="search" aria-label={t('admin.accounts.filters')} onSubmit={(event) => event.preventDefault()}>
        <TextField id="accounts-search" size="small" label={t('admin.accounts.search')} value={search} onChange={(event) => setSearch(event.target.value)} />
        <TextField id="accounts-role" select size="small" slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }} label={t('admin.accounts.filterRole')} value={role} onChange={(event) => setRole(event.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('admin.accounts.all')}</MenuItem>
          {ROLES.map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'role', code)}</MenuItem>)}
        </TextField>
        <TextField id="accounts-organisation" select size="small" slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }} label={t('admin.accounts.filterOrganisation')} value={organisation} onChange={(event) => setOrganisation(event.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('admin.accounts.all')}</MenuItem>
          {organisations.map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'organisation', code)}</MenuItem>)}
        </TextField>
        <TextField id="accounts-status" select size="small" slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }} label={t('admin.accounts.filterStatus')} value={status} onChange={(event) => setStatus(event.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('admin.accounts.all')}</MenuItem>
          <MenuItem value="active">{t('admin.accounts.statusActive')}</MenuItem>
          <MenuItem value="disabled">{t('admin.accounts.statusDisabled')}</MenuItem>
          <MenuItem value="delayed">{t('admin.accounts.statusDelayed')}</MenuItem>
        </TextField>
        <TextField id="accounts-sort" select size="small" label={t('admin.accounts.sortBy')} value={sort} onChange={(event) => setSort(event.target.value as Sort)} sx={{ minWidth: 200 }}>
          <MenuItem value="username">{t('admin.accounts.sortUsername')}</MenuItem>
          <MenuItem value="name">{t('admin.accounts.sortName')}</MenuItem>
          <MenuItem value="role">{t('admin.accounts.sortRole')}</MenuItem>
          <MenuItem value="created">{t('admin.accounts.sortCreated')}</MenuItem>
        </TextField>
      </Stack>
      <Loaded state={accounts}>{(data) => {
        const rows = shown(data.items);
        return (
          <>
            <Typography variant="body2" role="status" sx={{ mb: 1 }}>{t('admin.accounts.count', { shown: rows.length, total: data.items.length })}</Typography>
            <DataTable caption={t('admin.accounts.title')} captionVisible={false} rows={rows} rowKey={(row) => String(row.id)} empty={t('admin.accounts.none')}
              columns={[
                { key: 'username', header: t('admin.accounts.username'), cell: (row) => <span data-account={row.username}>{row.username}{row.demo ? ` (${t('admin.accounts.demo')})` : ''}</span> },
                { key: 'name', header: t('admin.accounts.displayName'), cell: (row) => row.displayName },
                { key: 'role', header: t('admin.accounts.role'), cell: (row) => labelOf(t, 'role', row.role) },
                { key: 'organisation', header: t('admin.accounts.filterOrganisation'), cell: (row) => labelOf(t, 'organisation', row.organisation) },
                {
                  key: 'status', header: t('admin.accounts.filterStatus'), cell: (row) => (
                    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                      <span>{t(`admin.accounts.status${statusOf(row) === 'active' ? 'Active' : statusOf(row) === 'disabled' ? 'Disabled' : 'Delayed'}`)}</span>
                      {(row.signInFailures ?? 0) > 0 && (
                        <Typography variant="body2">{t('admin.accounts.failures', { count: row.signInFailures, when: formatDateTime(row.lastSignInFailure, i18n.language) })}</Typography>
                      )}
                      {waiting(row) && <Chip size="small" color="warning" label={t('admin.waitsForApproval')} sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />}
                    </Stack>
                  ),
                },
                { key: 'created', header: t('admin.accounts.created'), cell: (row) => formatDateTime(row.createdAt, i18n.language) },
                {
                  key: 'actions', header: t('admin.accounts.actions'), cell: (row) => (
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={t('admin.accounts.actionsFor', { name: row.username })}>
                      {row.disabled
                        ? <Button size="small" variant="outlined" onClick={() => void act(row, { disabled: false }, 'admin.accounts.enabledNotice')}>{t('admin.accounts.enable')}</Button>
                        : <Button size="small" variant="outlined" color="error" onClick={() => void act(row, { disabled: true }, 'admin.accounts.disabledNotice')}>{t('admin.accounts.disable')}</Button>}
                      {(row.signInFailures ?? 0) > 0 && <Button size="small" variant="outlined" onClick={() => void act(row, { unlock: true }, 'admin.accounts.unlockedNotice')}>{t('admin.accounts.unlock')}</Button>}
                      {!row.oidcSubject && <Button size="small" variant="outlined" onClick={() => setResetOf(row)}>{t('admin.accounts.resetPassword')}</Button>}
                      <Button size="small" variant="outlined" onClick={() => setRoleOf(row)}>{t('admin.accounts.changeRole')}</Button>
                    </Stack>
                  ),
                },
              ]} />
          </>
        );
      }}</Loaded>
      {creating && <CreateDialog onClose={() => setCreating(false)} onCreated={(message, password) => {
        setCreating(false); setNotice(message); refresh();
        if (password) setShownPassword(password);
      }} />}
      {roleOf && <RoleDialog account={roleOf} onClose={() => setRoleOf(undefined)} onSaved={(outcome) => {
        setNotice(outcome === 'pending' ? t('admin.accounts.pendingNotice', { username: roleOf.username }) : t('admin.accounts.roleNotice', { username: roleOf.username }));
        setRoleOf(undefined); refresh();
      }} />}
      {resetOf && <ResetDialog account={resetOf} onClose={() => setResetOf(undefined)} onReset={(password, outcome) => {
        setShownPassword({ username: resetOf.username, password, pending: outcome === 'pending' });
        setNotice(outcome === 'pending' ? t('admin.accounts.pendingNotice', { username: resetOf.username }) : t('admin.accounts.passwordNotice', { username: resetOf.username }));
        setResetOf(undefined); refresh();
      }} />}
      {shownPassword && (
        <Dialog open onClose={() => setShownPassword(undefined)} aria-labelledby="password-title" fullWidth maxWidth="sm">
          <DialogTitle id="password-title">{t('admin.accounts.passwordTitle', { username: shownPassword.username })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>{t('admin.accounts.passwordShownOnce')}</DialogContentText>
            {shownPassword.pending && <Alert severity="warning" sx={{ mb: 1 }}>{t('admin.accounts.passwordPending')}</Alert>}
            <SecretField id="one-time-password" label={t('admin.accounts.password')} value={shownPassword.password} />
          </DialogContent>
          <DialogActions><Button variant="contained" onClick={() => setShownPassword(undefined)}>{t('admin.accounts.close')}</Button></DialogActions>
        </Dialog>
      )}
    </>
  );
}

/** A secret shown once, read-only, with a copy button. */
export function SecretField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <TextField id={id} label={label} value={value} fullWidth slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }} onFocus={(event) => event.target.select()} />
      <Button variant="outlined" onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))}>{t('admin.tokens.copy')}</Button>
      <Typography role="status" variant="body2" sx={{ minWidth: 0 }}>{copied ? t('admin.tokens.copied') : ''}</Typography>
    </Stack>
  );
}

function CreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(message: string, password?: { username: string; password: string; pending: boolean }): void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('police');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const usernameError = username.trim().length < 2 ? t('admin.accounts.required') : undefined;
  const nameError = displayName.trim() === '' ? t('admin.accounts.required') : undefined;
  const passwordError = password !== '' && password.length < 12 ? t('admin.accounts.passwordTooShort') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (usernameError || nameError || passwordError) return;
    setBusy(true);
    setProblem(undefined);
    const chosen = password || oneTimePassword();
    try {
      const { response, error } = await client.POST('/api/accounts', { body: { username: username.trim(), displayName: displayName.trim(), role, password: chosen } });
      if (!response.ok) throw new ApiProblem(toProblem(error, response));
      const pending = response.status === 202;
      onCreated(t(pending ? 'admin.accounts.requestedNotice' : 'admin.accounts.createdNotice', { username: username.trim() }),
        password ? undefined : { username: username.trim(), password: chosen, pending });
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="create-account-title" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="create-account-title">{t('admin.accounts.newAccount')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField id="new-username" autoFocus required label={t('admin.accounts.username')} value={username} onChange={(event) => setUsername(event.target.value)}
              error={touched && Boolean(usernameError)} helperText={touched && usernameError ? usernameError : t('admin.accounts.usernameHelp')} />
            <TextField id="new-display-name" required label={t('admin.accounts.displayName')} value={displayName} onChange={(event) => setDisplayName(event.target.value)}
              error={touched && Boolean(nameError)} helperText={touched && nameError ? nameError : ' '} />
            <TextField id="new-role" select required label={t('admin.accounts.role')} value={role} onChange={(event) => setRole(event.target.value)}>
              {ROLES.map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'role', code)}</MenuItem>)}
            </TextField>
            <TextField id="new-password" type="password" autoComplete="new-password" label={t('admin.accounts.password')} value={password} onChange={(event) => setPassword(event.target.value)}
              error={touched && Boolean(passwordError)} helperText={touched && passwordError ? passwordError : t('admin.accounts.passwordHelp')} />
          </Stack>
          {problem && <ProblemAlert problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('admin.accounts.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('admin.accounts.create')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RoleDialog({ account, onClose, onSaved }: { account: Account; onClose(): void; onSaved(outcome: 'done' | 'pending'): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState(account.role);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === account.role) { onClose(); return; }
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(await patch(account.id, { role }));
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="role-title" fullWidth maxWidth="sm">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="role-title">{t('admin.accounts.roleTitle', { username: account.username })}</DialogTitle>
        <DialogContent>
          <TextField id="account-role" select fullWidth autoFocus label={t('admin.accounts.role')} value={role} onChange={(event) => setRole(event.target.value)} sx={{ mt: 1 }}>
            {ROLES.map((code) => <MenuItem key={code} value={code}>{labelOf(t, 'role', code)}</MenuItem>)}
          </TextField>
          {problem && <ProblemAlert problem={problem} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('admin.accounts.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('admin.accounts.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function ResetDialog({ account, onClose, onReset }: { account: Account; onClose(): void; onReset(password: string, outcome: 'done' | 'pending'): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const confirm = async () => {
    setBusy(true);
    setProblem(undefined);
    const password = oneTimePassword();
    try {
      onReset(password, await patch(account.id, { password }));
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="reset-title" aria-describedby="reset-text" fullWidth maxWidth="sm">
      <DialogTitle id="reset-title">{t('admin.accounts.resetPassword')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="reset-text">{t('admin.accounts.resetConfirm', { username: account.username })}</DialogContentText>
        {problem && <ProblemAlert problem={problem} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('admin.accounts.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void confirm()}>{t('admin.accounts.resetPassword')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The administrator: the accounts (no case data), and the requests that wait for a second administrator. */
import { Alert, Grid, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { ApprovalActions } from '../../components/ApprovalActions';
import { Loaded } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDateTime, labelOf } from '../../format';
import { InboxCard } from '../../components/inbox/InboxCard';

export function AdminHome() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const accounts = useLoad(() => unwrap(client.GET('/api/accounts', { params: { query: { limit: 500 } } })), [round]);
  const pending = useLoad(() => unwrap(client.GET('/api/approvals', { params: { query: { status: 'pending', limit: 500 } } })), [round]);
  return (
    <>
      <Typography sx={{ mb: 2 }}>{t('home.adminIntro')}</Typography>
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)}>{notice}</Alert>}
      <Typography variant="h2" component="h2">{t('approvals.pending')}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>{t('approvals.pendingIntro')}</Typography>
      <Loaded state={pending}>{(data) => (data.items.length === 0
        ? <Typography sx={{ mb: 2 }}>{t('approvals.none')}</Typography>
        : (
          <DataTable caption={t('approvals.pending')} captionVisible={false} rows={data.items} rowKey={(row) => String(row.id)}
            columns={[
              { key: 'summary', header: t('approvals.summary'), cell: (row) => row.summary },
              { key: 'requestedBy', header: t('approvals.requestedBy'), cell: (row) => row.requestedBy },
              { key: 'requestedAt', header: t('approvals.requestedAt'), cell: (row) => formatDateTime(row.requestedAt, i18n.language) },
              {
                key: 'decide', header: t('approvals.decide'),
                cell: (row) => <ApprovalActions approval={row} username={principal!.username} onDecided={(decided) => {
                  setNotice(t(decided.status === 'approved' ? 'approvals.approved' : 'approvals.rejected', { id: decided.id }));
                  setRound((value) => value + 1);
                }} />,
              },
            ]} />
        ))}</Loaded>
      <Typography variant="h2" component="h2">{t('nav.accounts')}</Typography>
      <Loaded state={accounts}>{(data) => (
        <DataTable caption={t('nav.accounts')} captionVisible={false} rows={data.items} rowKey={(row) => String(row.id)}
          columns={[
            { key: 'username', header: t('accounts.username'), cell: (row) => row.username },
            { key: 'name', header: t('accounts.displayName'), cell: (row) => row.displayName },
            { key: 'role', header: t('accounts.role'), cell: (row) => labelOf(t, 'role', row.role) },
            { key: 'organisation', header: t('accounts.organisation'), cell: (row) => labelOf(t, 'organisation', row.organisation) },
            { key: 'status', header: t('accounts.status'), cell: (row) => (row.disabled ? t('accounts.disabled') : t('accounts.active')) },
          ]} />
      )}</Loaded>
      <Grid container spacing={3} sx={{ mt: 3 }}>
        <InboxCard />
      </Grid>
    </>
  );
}

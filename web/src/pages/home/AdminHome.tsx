/** The administrator: the accounts (no case data). */
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { labelOf } from '../../format';

export function AdminHome() {
  const { t } = useTranslation();
  const accounts = useLoad(() => unwrap(client.GET('/api/accounts', { params: { query: { limit: 500 } } })), []);
  return (
    <>
      <Typography sx={{ mb: 2 }}>{t('home.adminIntro')}</Typography>
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
    </>
  );
}

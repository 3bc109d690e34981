/** The auditor: the access log, per person or per user. */
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDateTime } from '../../format';

type Rows = Awaited<ReturnType<typeof load>>['items'];

function load(query: { person?: string; user?: string }) {
  return unwrap(client.GET('/api/access-log', { params: { query: { ...query, limit: 200 } } }));
}

export function AuditorHome() {
  const { t, i18n } = useTranslation();
  const [person, setPerson] = useState('');
  const [user, setUser] = useState('');
  const [rows, setRows] = useState<Rows>();
  const [problem, setProblem] = useState<ApiProblem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      setRows((await load({ ...(person ? { person } : {}), ...(user ? { user } : {}) })).items);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    }
  };
  return (
    <>
      <Typography sx={{ mb: 2 }}>{t('home.auditorIntro')}</Typography>
      <Typography variant="h2" component="h2">{t('nav.accessLog')}</Typography>
      <Typography sx={{ mb: 1 }}>{t('accessLog.intro')}</Typography>
      <Box component="form" onSubmit={(event) => void submit(event)}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ my: 2 }}>
          <TextField id="log-person" label={t('accessLog.person')} value={person} onChange={(event) => setPerson(event.target.value)} size="small" />
          <TextField id="log-user" label={t('accessLog.user')} value={user} onChange={(event) => setUser(event.target.value)} size="small" />
          <Button type="submit" variant="contained">{t('accessLog.show')}</Button>
        </Stack>
      </Box>
      {problem && <ProblemAlert problem={problem} />}
      {rows && (
        <DataTable caption={t('nav.accessLog')} captionVisible={false} empty={t('accessLog.none')} rows={rows} rowKey={(row) => String(row.seq)}
          columns={[
            { key: 'at', header: t('accessLog.at'), cell: (row) => formatDateTime(row.at, i18n.language) },
            { key: 'user', header: t('accessLog.user'), cell: (row) => row.username },
            { key: 'action', header: t('accessLog.action'), cell: (row) => row.action },
            { key: 'resource', header: t('accessLog.resource'), cell: (row) => row.resource },
            { key: 'purpose', header: t('accessLog.purpose'), cell: (row) => row.purpose },
            { key: 'basis', header: t('accessLog.legalBasis'), cell: (row) => row.legalBasis ?? '—' },
            { key: 'outcome', header: t('accessLog.outcome'), cell: (row) => `${row.outcome}${row.reason ? `: ${row.reason}` : ''}` },
          ]} />
      )}
    </>
  );
}

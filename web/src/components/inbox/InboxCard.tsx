/** The home page's card of the inbox: how much waits and how much is overdue, the first three tasks, and the way to the inbox. */
import { Alert, Button, Grid, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../Status';
import { TaskCard } from './TaskCard';

export function InboxCard() {
  const { t } = useTranslation();
  const inbox = useLoad(() => unwrap(client.GET('/api/inbox')), []);
  return (
    <Grid size={{ xs: 12 }}>
      <Typography variant="h2" component="h2">{t('inbox.cardTitle')}</Typography>
      <Loaded state={inbox}>{(data) => {
        const overdue = data.items.filter((item) => item.overdue).length;
        if (data.items.length === 0) return <Alert severity="success" sx={{ my: 1 }}>{data.colleagues.length > 0 ? t('inbox.empty') : t('inbox.emptyNoTasks')}</Alert>;
        return (
          <>
            <Alert severity={overdue > 0 ? 'warning' : 'info'} sx={{ my: 1 }} action={<Button component={Link} to="/inbox" color="inherit">{t('inbox.toInbox')}</Button>}>
              {t('inbox.cardSummary', { count: data.items.length, overdue })}
            </Alert>
            <Stack spacing={1}>
              {data.items.slice(0, 3).map((item) => <TaskCard key={item.key} item={item} today={data.date} canManage={false} compact />)}
            </Stack>
          </>
        );
      }}</Loaded>
    </Grid>
  );
}

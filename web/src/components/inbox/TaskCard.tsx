/**
 * One task of the inbox as a card (readable at 390 px): what waits in words, the due date in words and as a date,
 * who took it, whether it was marked done (a legal duty stays open), and the actions: open, assign, mark done, reopen.
 */
import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { operations } from '../../api/schema';
import { formatDate } from '../../format';
import { dueInWords } from './due-words';

export type InboxAnswer = operations['listInbox']['responses'][200]['content']['application/json'];
export type InboxItem = InboxAnswer['items'][number];

export function TaskCard({ item, today, canManage, onAssign, onDone, onReopen, compact = false }: {
  item: InboxItem; today: string; canManage: boolean; compact?: boolean;
  onAssign?: (item: InboxItem) => void; onDone?: (item: InboxItem) => void; onReopen?: (item: InboxItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const titleId = `task-${item.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <Card component="article" variant="outlined" aria-labelledby={titleId} sx={{ borderLeft: 4, borderLeftColor: item.overdue ? 'error.main' : 'divider' }}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
          <Typography component="h3" variant="subtitle2" id={titleId} sx={{ m: 0 }}>{t(`inbox.kind.${item.kind}`)}</Typography>
          {item.overdue && <Chip size="small" color="error" label={t('inbox.overdue')} />}
          {item.legalDuty && <Chip size="small" variant="outlined" label={t('inbox.legalDuty')} />}
        </Stack>
        <Typography variant="body2">{item.subject.text[language]}</Typography>
        <Typography variant="body2" sx={{ mt: 0.5, fontWeight: item.overdue ? 700 : 400, color: item.overdue ? 'error.dark' : 'text.secondary' }}>
          {dueInWords(t, item.dueDate, today)} ({t('inbox.dueOn', { date: formatDate(item.dueDate, i18n.language) })})
        </Typography>
        {!compact && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {item.assignee ? t('inbox.assignedTo', { name: item.assignee.displayName }) : t('inbox.unassigned')}
          </Typography>
        )}
        {item.done && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="body2">{t('inbox.doneBy', { name: item.done.by, date: formatDate(item.done.on, i18n.language) })}{item.done.note ? ` — ${item.done.note}` : ''}</Typography>
            {item.done.stillOpen && <Alert severity="warning" sx={{ mt: 1 }}>{t('inbox.stillOpen')}</Alert>}
          </Box>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 2 }}>
        <Button component={Link} to={item.link} size="small" variant="outlined" aria-describedby={titleId}>{t('inbox.open')}</Button>
        {canManage && !compact && (
          <>
            <Button size="small" onClick={() => onAssign?.(item)} aria-describedby={titleId}>{t('inbox.assign')}</Button>
            {item.done
              ? <Button size="small" onClick={() => onReopen?.(item)} aria-describedby={titleId}>{t('inbox.reopen')}</Button>
              : <Button size="small" onClick={() => onDone?.(item)} aria-describedby={titleId}>{t('inbox.markDone')}</Button>}
          </>
        )}
      </CardActions>
    </Card>
  );
}

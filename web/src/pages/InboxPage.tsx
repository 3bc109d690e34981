/**
 * The task inbox (README, "Task inbox"): what waits for the user and their organisation, overdue first, as cards;
 * filters for the user's own tasks and for those marked done; assign to a colleague, mark done, reopen (each an
 * event on the organisation's task stream, written by the server). A role without case work sees why it is empty.
 */
import { Alert, Button, FormControlLabel, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { useLoad } from '../api/use-load';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { AssignDialog, DoneDialog } from '../components/inbox/TaskDialogs';
import { TaskCard, type InboxItem } from '../components/inbox/TaskCard';

const PAGE = 20;

export function InboxPage() {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  const [includeDone, setIncludeDone] = useState(false);
  const [kind, setKind] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [assigning, setAssigning] = useState<InboxItem>();
  const [closing, setClosing] = useState<InboxItem>();
  const [message, setMessage] = useState('');
  const inbox = useLoad(() => unwrap(client.GET('/api/inbox', { params: { query: { ...(mine ? { mine: true } : {}), ...(includeDone ? { includeDone: true } : {}) } } })), [mine, includeDone]);
  const saved = () => { setAssigning(undefined); setClosing(undefined); setMessage(t('inbox.saved')); inbox.reload(); };
  const reopen = async (item: InboxItem) => {
    await unwrap(client.POST('/api/inbox/tasks/reopenings', { body: { task: item.key } }));
    saved();
  };
  return (
    <>
      <PageTitle title={t('inbox.title')}>{t('inbox.title')}</PageTitle>
      <Typography sx={{ mb: 2 }}>{t('inbox.intro')}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <FormControlLabel control={<Switch checked={mine} onChange={(event) => { setMine(event.target.checked); setShown(PAGE); }} />} label={t('inbox.onlyMine')} />
        <FormControlLabel control={<Switch checked={includeDone} onChange={(event) => { setIncludeDone(event.target.checked); setShown(PAGE); }} />} label={t('inbox.includeDone')} />
      </Stack>
      <div role="status" aria-live="polite">{message && <Alert severity="success" sx={{ mb: 2 }} onClose={() => setMessage('')}>{message}</Alert>}</div>
      <Loaded state={inbox}>{(data) => {
        const canManage = data.colleagues.length > 0;
        if (data.items.length === 0) return <Alert severity="info">{canManage ? t('inbox.empty') : t('inbox.emptyNoTasks')}</Alert>;
        const kinds = [...new Set(data.items.map((item) => item.kind))];
        const items = data.items.filter((item) => !kind || item.kind === kind);
        return (
          <>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
              <TextField id="inbox-kind" select size="small" sx={{ minWidth: 240 }} label={t('inbox.kindFilter')} value={kinds.includes(kind as never) ? kind : ''}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                onChange={(event) => { setKind(event.target.value); setShown(PAGE); }}>
                <MenuItem value="">{t('inbox.allKinds')}</MenuItem>
                {kinds.map((value) => <MenuItem key={value} value={value}>{t(`inbox.kind.${value}`)}</MenuItem>)}
              </TextField>
              <Typography component="p" variant="subtitle1" data-testid="inbox-count">{t('inbox.count', { count: items.length })}</Typography>
            </Stack>
            <Stack spacing={2} component="section" aria-label={t('inbox.title')}>
              {items.slice(0, shown).map((item) => (
                <TaskCard key={item.key} item={item} today={data.date} canManage={canManage}
                  onAssign={setAssigning} onDone={setClosing} onReopen={(chosen) => void reopen(chosen)} />
              ))}
            </Stack>
            {items.length > shown && <Button sx={{ mt: 2 }} variant="outlined" onClick={() => setShown((value) => value + PAGE)}>{t('inbox.showMore')}</Button>}
            {assigning && <AssignDialog item={assigning} colleagues={data.colleagues} onClose={() => setAssigning(undefined)} onSaved={saved} />}
            {closing && <DoneDialog item={closing} onClose={() => setClosing(undefined)} onSaved={saved} />}
          </>
        );
      }}</Loaded>
    </>
  );
}

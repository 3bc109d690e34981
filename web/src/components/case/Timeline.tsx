/**
 * A case's timeline (README, "Web application"): in legal-date order, each entry with when and by whom it was
 * recorded; filterable by kind of event; collapsed to the latest entries with a button to show all (a case with a
 * hundred entries is not a page of metres); retraction from each row's menu. On a phone the rows are cards.
 */
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, TimelineEntry } from '../../api/types';
import { formatDate, formatDateTime, labelOf } from '../../format';
import { EventDetails } from '../EventDetails';
import { DataTable } from '../Tables';
import { TimelineRowMenu } from './TimelineRowMenu';

/** How many of the latest entries a collapsed timeline shows. */
export const COLLAPSED_ROWS = 10;

type Entry = TimelineEntry & { recordedBy?: string | null };

export function Timeline({ entries, persons, mayRetract, onRetract }: {
  entries: readonly Entry[]; persons: readonly PersonSummary[]; mayRetract: boolean; onRetract(entry: Entry, opener: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState('');
  const [all, setAll] = useState(false);
  const types = useMemo(() => [...new Set(entries.map((entry) => entry.event.type))]
    .sort((a, b) => labelOf(t, 'eventType', a).localeCompare(labelOf(t, 'eventType', b), i18n.language)), [entries, t, i18n.language]);
  const filtered = kind ? entries.filter((entry) => entry.event.type === kind) : entries;
  const shown = all || filtered.length <= COLLAPSED_ROWS ? filtered : filtered.slice(-COLLAPSED_ROWS);
  const events = entries.map((entry) => entry.event);
  const recorder = (entry: Entry) => (entry.recordedBy ? labelOf(t, 'organisation', entry.recordedBy) : t('casePage.recordedByImport'));
  const name = (entry: Entry) => `${labelOf(t, 'eventType', entry.event.type)} ${formatDate(entry.event.date, i18n.language)}`;

  return (
    <Box data-testid="timeline">
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1, mb: 1 }}>
        <TextField select size="small" id="timeline-kind" label={t('casePage.filterKind')} value={kind} sx={{ minWidth: 240, maxWidth: '100%' }}
          onChange={(event) => setKind(event.target.value)}>
          <MenuItem value="">{t('casePage.allKinds', { count: entries.length })}</MenuItem>
          {types.map((type) => <MenuItem key={type} value={type}>{labelOf(t, 'eventType', type)} ({entries.filter((entry) => entry.event.type === type).length})</MenuItem>)}
        </TextField>
        <Typography role="status" data-testid="timeline-count">
          {t('casePage.showing', { shown: shown.length, total: filtered.length })}
        </Typography>
      </Stack>
      {shown.length < filtered.length && (
        <Button id="timeline-show-all" variant="text" onClick={() => setAll(true)}>{t('casePage.showAll', { count: filtered.length })}</Button>
      )}
      <DataTable caption={t('casePage.timeline')} captionVisible={false} rows={shown} rowKey={(row) => row.event.id}
        columns={[
          { key: 'date', header: t('casePage.legalDate'), cell: (row) => <span style={row.retractedBy ? { textDecoration: 'line-through' } : undefined}>{formatDate(row.event.date, i18n.language)}</span> },
          {
            key: 'type', header: t('casePage.event'), cell: (row) => (
              <Box>
                <Typography component="span" sx={{ fontWeight: 600, textDecoration: row.retractedBy ? 'line-through' : undefined }}>{labelOf(t, 'eventType', row.event.type)}</Typography>
                {row.retractedBy && <Typography variant="body2" sx={{ color: 'error.main' }}>{t('casePage.retracted', { when: formatDateTime(row.retractedBy.recordedAt, i18n.language), reason: row.retractedBy.reason })}</Typography>}
              </Box>
            ),
          },
          { key: 'data', header: t('casePage.details'), cell: (row) => <EventDetails type={row.event.type} data={row.event.data} persons={persons} events={events} /> },
          {
            key: 'recorded', header: t('casePage.recorded'), cell: (row) => (
              <Box>
                <span>{formatDateTime(row.event.recordedAt, i18n.language)}</span>
                <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="recorded-by">{t('casePage.recordedBy', { by: recorder(row) })}</Typography>
              </Box>
            ),
          },
          ...(mayRetract ? [{
            key: 'actions', header: t('casePage.actions'), cell: (row: Entry) => (
              !row.retractedBy && row.event.type !== 'retracted'
                ? <TimelineRowMenu id={`row-${row.event.id}`} entryName={name(row)} onRetract={() => onRetract(row, `row-${row.event.id}`)} />
                : null
            ),
          }] : []),
        ]} />
      {all && filtered.length > COLLAPSED_ROWS && (
        <Button variant="text" onClick={() => setAll(false)}>{t('casePage.showLatest', { count: COLLAPSED_ROWS })}</Button>
      )}
    </Box>
  );
}

/**
 * Screening a group: every person of a case kind (e.g. all 1F investigations), optionally only the cases in one
 * phase, against a watchlist (POST /api/screening/runs). The run's summary (persons screened, hits found and newly
 * raised for review, the list's version) is shown as a status message; the hits themselves wait for a human.
 */
import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { CaseKind, GroupScreening as GroupScreeningResult, Watchlists } from '../api/types';
import { labelOf } from '../format';
import { PHASES } from '../phases';
import { ProblemAlert } from './Status';

export function GroupScreening({ lists, kinds, onScreened }: {
  /** The watchlists (GET /api/watchlists); those without a version cannot be screened against. */
  lists: Watchlists['items'];
  /** The case kinds the role may screen (screening.run). */
  kinds: readonly string[];
  onScreened(result: GroupScreeningResult): void;
}) {
  const { t } = useTranslation();
  const usable = lists.filter((item) => item.versions.length > 0);
  const [list, setList] = useState('');
  const [kind, setKind] = useState('');
  const [phase, setPhase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<string>();
  const chosenList = list || usable[0]?.name || '';
  const chosenKind = kind || kinds[0] || '';
  const phases = PHASES[chosenKind] ?? [];
  if (kinds.length === 0) return null;
  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosenList || !chosenKind) return;
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const result = await unwrap(client.POST('/api/screening/runs', {
        body: { list: chosenList, kind: chosenKind as CaseKind, ...(phase ? { phase } : {}) },
      }));
      const { run: summary } = result;
      setNotice(t('groupScreening.done', {
        group: phase ? t('groupScreening.groupInPhase', { kind: labelOf(t, 'kindPlural', chosenKind), phase: labelOf(t, 'phase', phase) }) : labelOf(t, 'kindPlural', chosenKind),
        list: summary.list, version: summary.version, persons: summary.personsInScope, screened: summary.personsFull + summary.personsDelta,
        skipped: summary.personsSkipped, found: summary.hitsFound, raised: result.raised.length, gone: summary.hitsGone,
      }));
      onScreened(result);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="group-screening-title" data-testid="group-screening" sx={{ mb: 3 }}>
      <Typography variant="h2" component="h2" id="group-screening-title">{t('groupScreening.title')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('groupScreening.intro')}</Typography>
      {usable.length === 0 ? <Typography>{t('screening.noLists')}</Typography> : (
        <Box component="form" noValidate onSubmit={(event) => void run(event)} sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <TextField select id="group-list" label={t('screening.chooseList')} value={chosenList} size="small" sx={{ minWidth: 300 }} onChange={(event) => setList(event.target.value)}>
            {usable.map((item) => (
              <MenuItem key={item.name} value={item.name}>{t('screening.listOption', { name: item.name, version: item.versions[0]!.version, entries: item.versions[0]!.entries })}</MenuItem>
            ))}
          </TextField>
          <TextField select id="group-kind" label={t('groupScreening.kind')} value={chosenKind} size="small" sx={{ minWidth: 220 }}
            onChange={(event) => { setKind(event.target.value); setPhase(''); }}>
            {kinds.map((option) => <MenuItem key={option} value={option}>{labelOf(t, 'kindPlural', option)}</MenuItem>)}
          </TextField>
          <TextField select id="group-phase" label={t('groupScreening.phase')} value={phase} size="small" sx={{ minWidth: 220 }} onChange={(event) => setPhase(event.target.value)}>
            <MenuItem value="">{t('groupScreening.allPhases')}</MenuItem>
            {phases.map((option) => <MenuItem key={option} value={option}>{labelOf(t, 'phase', option)}</MenuItem>)}
          </TextField>
          <Button type="submit" variant="contained" disabled={busy}>{t('groupScreening.run')}</Button>
        </Box>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {notice && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(undefined)} data-testid="group-screening-summary">{notice}</Alert>}
    </Box>
  );
}

/**
 * Deciding another administrator's request (separation of duties, docs/server.md "The administrator's reach"):
 * approve or reject, POST /api/approvals/{id}. One's own request shows only that someone else decides it — the
 * server refuses it anyway. What the server refuses is shown with its reason.
 */
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, client, unwrap } from '../api/client';
import type { Approval } from '../api/types';
import { ProblemAlert } from './Status';

export function ApprovalActions({ approval, username, onDecided }: { approval: Approval; username: string; onDecided(approval: Approval): void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  if (approval.requestedBy === username) return <Typography variant="body2">{t('approvals.own')}</Typography>;
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setProblem(undefined);
    try {
      onDecided(await unwrap(client.POST('/api/approvals/{id}', { params: { path: { id: approval.id } }, body: { decision } })));
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error); else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="contained" disabled={busy} onClick={() => void decide('approve')} aria-label={t('approvals.approveAction', { id: approval.id })}>
          {t('approvals.approve')}
        </Button>
        <Button size="small" variant="outlined" disabled={busy} onClick={() => void decide('reject')} aria-label={t('approvals.rejectAction', { id: approval.id })}>
          {t('approvals.reject')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}

/**
 * Loading and problem states of a page. A problem shows what the server said: for a refusal the reason and the
 * legal bases that would allow the access; for invalid input each problem with its field.
 */
import { Alert, AlertTitle, Box, CircularProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/client';
import { problemPhrase } from '../api/problem-text';
import { legalBasisText } from '../format';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 2 }}>
      <CircularProgress size={24} aria-hidden="true" />
      <Typography>{t('common.loading')}</Typography>
    </Box>
  );
}

export function ProblemAlert({ problem }: { problem: ApiProblem }) {
  const { t, i18n } = useTranslation();
  const refused = problem.status === 403 || problem.status === 401;
  const { detail, problems, allowingBases } = problem.problem;
  const { text, whole } = problemPhrase(t, i18n.language, problem.problem);
  // The server's own words (English, naming fields and values) stay at hand: folded away when the app phrased all of
  // it, in view when the app could only say what kind of problem it is (the why is in the server's words).
  const technical = text !== detail || (problems && problems.length > 0);
  return (
    <Alert severity={refused ? 'warning' : 'error'} role="alert" data-testid="problem">
      <AlertTitle>{refused ? t('common.refused') : t('common.problem')}</AlertTitle>
      <Typography component="p"><strong>{t('common.serverSays')}:</strong> {text}</Typography>
      {technical && (
        <details open={!whole}>
          <summary>{t('common.technicalDetail')}</summary>
          <Typography component="p" lang="en">{detail}</Typography>
          {problems && problems.length > 0 && (
            <ul lang="en">{problems.map((item, index) => <li key={index}>{item.field ? <code>{item.field}</code> : null} {item.message}</li>)}</ul>
          )}
        </details>
      )}
      {allowingBases && allowingBases.length > 0 && (
        <>
          <Typography component="p" sx={{ mt: 1 }}>{t('common.allowingBases')}:</Typography>
          <ul>{allowingBases.map((basis) => <li key={basis}>{legalBasisText(t, basis)}</li>)}</ul>
        </>
      )}
    </Alert>
  );
}

/** Shows loading, the problem, or the content once the data is there. */
export function Loaded<T>({ state, children }: { state: { data: T | undefined; problem: ApiProblem | undefined; loading: boolean }; children: (data: T) => React.ReactNode }) {
  if (state.problem) return <ProblemAlert problem={state.problem} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

/**
 * Why the matcher scored a match what it did, in the user's language: the names compared part by part (which part
 * corresponds to which, and how: identical, transliteration, spelling variant, …), the parts without a counterpart,
 * and what the birth date and nationality did to the score. `MatchSummary` is the one-line form for search results,
 * `MatchDetails` the full form a reviewer of a hit needs. The matcher's own notes (English) stay available, folded.
 */
import { Box, Typography } from '@mui/material';
import { Trans, useTranslation } from 'react-i18next';
import { asExplanation } from '../api/types';
import { formatEffect, formatScore } from '../format';
import { DataTable } from './Tables';
import { countryNames } from '../lib/countries';

/** Name parts in one line: `Mohamed ≈ محمد (transliteration) · Hasan ≈ الحسن (transliteration) · no counterpart: al`. */
export function MatchSummary({ explanation }: { explanation: unknown }) {
  const { t } = useTranslation();
  const known = asExplanation(explanation);
  if (!known) return null;
  const { parts, unmatchedQuery } = known.name;
  return (
    <Typography component="span" variant="body2" data-testid="match-summary">
      {parts.map((part, index) => (
        <span key={`${index}|${part.query}|${part.entry}`}>
          {index > 0 ? ' · ' : ''}<bdi>{part.query}</bdi> ≈ <bdi>{part.entry}</bdi> ({t(`match.kind.${part.how}`)})
        </span>
      ))}
      {unmatchedQuery.length > 0 && <span>{parts.length > 0 ? ' · ' : ''}{t('match.shortUnmatched')} <bdi>{unmatchedQuery.join(' ')}</bdi></span>}
    </Typography>
  );
}

/** The whole explanation; `queryLabel` and `entryLabel` name the two sides (e.g. the registry person and the list entry). */
export function MatchDetails({ explanation, queryLabel, entryLabel }: { explanation: unknown; queryLabel: string; entryLabel: string }) {
  const { t, i18n } = useTranslation();
  const known = asExplanation(explanation);
  if (!known) return null;
  const language = i18n.language;
  const { name, birthDate, nationality } = known;
  const effect = (value: number) => (value === 0 ? t('match.noEffect') : t('match.effect', { effect: formatEffect(value, language) }));
  const outcome = (label: string, query: string | undefined, entry: string | undefined) => (
    query || entry ? t('match.outcomeWithValues', { outcome: label, query: query || '—', entry: entry || '—' }) : label
  );
  const notes = [
    ...name.deductions.map((item) => `${item.reason} (${formatEffect(-item.amount, language)})`),
    ...name.parts.flatMap((part) => (part.detail ? [part.detail] : [])),
  ];
  return (
    <Box data-testid="match-details" sx={{ my: 1 }}>
      <Typography variant="body2">
        <strong>{t('match.nameScore')}: {formatScore(known.nameScore, language)}</strong>
        {' — '}
        <Trans i18nKey="match.compared" values={{ query: name.queryName, entry: name.entryName }} components={{ bdi: <bdi /> }} />
      </Typography>
      {name.parts.length > 0 && (
        <DataTable caption={t('match.parts')} rows={name.parts} rowKey={(part, index) => `${index}|${part.query}|${part.entry}`}
          columns={[
            { key: 'query', header: queryLabel, cell: (part) => <bdi>{part.query}</bdi> },
            { key: 'entry', header: entryLabel, cell: (part) => <bdi>{part.entry}</bdi> },
            { key: 'how', header: t('match.how'), cell: (part) => t(`match.kind.${part.how}`) },
            { key: 'similarity', header: t('match.similarity'), numeric: true, cell: (part) => formatScore(part.similarity, language) },
          ]} />
      )}
      {name.unmatchedQuery.length > 0 && <Typography variant="body2">{t('match.onlyIn', { side: queryLabel })} <bdi>{name.unmatchedQuery.join(' ')}</bdi></Typography>}
      {name.unmatchedEntry.length > 0 && <Typography variant="body2">{t('match.onlyIn', { side: entryLabel })} <bdi>{name.unmatchedEntry.join(' ')}</bdi></Typography>}
      <dl className="facts">
        <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>{t('match.birthDate')}</Typography>
        <Typography component="dd" variant="body2" data-testid="match-birth-date">
          {outcome(t(`match.dateOutcome.${birthDate.outcome}`), birthDate.query, birthDate.entry)}{birthDate.confirmsName ? `, ${t('match.dateConfirmsName')}` : ''}; {effect(birthDate.effect)}
        </Typography>
        <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>{t('match.nationality')}</Typography>
        <Typography component="dd" variant="body2" data-testid="match-nationality">
          {outcome(t(`match.nationalityOutcome.${nationality.outcome}`), countryNames(nationality.query, language), countryNames(nationality.entry, language))}; {effect(nationality.effect)}
        </Typography>
      </dl>
      {notes.length > 0 && (
        <details>
          <summary><Typography component="span" variant="body2">{t('match.matcherNotes')}</Typography></summary>
          <ul lang="en" style={{ margin: '4px 0', paddingLeft: 20 }}>
            {notes.map((note, index) => <li key={index}><Typography component="span" variant="body2">{note}</Typography></li>)}
          </ul>
        </details>
      )}
    </Box>
  );
}

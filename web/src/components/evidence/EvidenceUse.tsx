/**
 * What an evidence item may be used for (R8, README "What each case rests on"): the originator's conditions, consent
 * under them, availability, and per case the number of elements it is linked to, with the way to that case's proof
 * matrix (where the elements are named).
 */
import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, labelOf } from '../../format';
import { CaseLink } from '../Tables';
import type { EvidenceDetail } from './evidence-api';

export function EvidenceUse({ use }: { use: EvidenceDetail['use'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const byCase = new Map<string, number>();
  for (const link of use.elementLinks) byCase.set(link.case, (byCase.get(link.case) ?? 0) + 1);
  const consent = t(`proof.consent_${use.consent as 'none' | 'asked' | 'given' | 'refused'}`);
  return (
    <dl className="facts" data-testid="evidence-use-facts">
      <Typography component="dt" sx={{ fontWeight: 600 }}>{t('evidence.useConditions')}</Typography>
      <dd>{use.conditions ? t('evidence.useConditionsOf', { conditions: labelOf(t, 'value', use.conditions.conditions), originator: use.conditions.originator }) : t('proof.noConditions')}</dd>
      {use.conditions?.conditions === 'evidence-with-consent' && (
        <>
          <Typography component="dt" sx={{ fontWeight: 600 }}>{t('evidence.useConsent')}</Typography>
          <dd>{use.consentSince ? t('evidence.useConsentSince', { consent, date: formatDate(use.consentSince, language) }) : consent}</dd>
        </>
      )}
      <Typography component="dt" sx={{ fontWeight: 600 }}>{t('evidence.useAvailability')}</Typography>
      <dd>{use.available ? t('proof.available') : t('proof.unavailable', { date: use.availability ? formatDate(use.availability.date, language) : '', reason: use.availability?.reason ?? '' })}</dd>
      <Typography component="dt" sx={{ fontWeight: 600 }}>{t('evidence.useElements')}</Typography>
      <dd>
        {byCase.size === 0 ? t('evidence.useNoElements') : [...byCase].map(([stream, count]) => (
          <div key={stream}>
            {t('evidence.useElementsOf', { count })} <CaseLink stream={stream} /> — <MuiLink component={Link} to={`/cases/${stream}/proof`}>{t('evidence.useMatrix')}</MuiLink>
          </div>
        ))}
      </dd>
    </dl>
  );
}

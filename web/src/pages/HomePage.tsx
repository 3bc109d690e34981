/**
 * The home page of the signed-in user's organisation: the police and the prosecutor see their criminal cases,
 * hearings and victims; the IND its 1F investigations and decisions; DT&V its departure dossiers; the ministry
 * the yearly report; the administrator the accounts; the auditor the access log.
 */
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { labelOf } from '../format';
import { AdminHome } from './home/AdminHome';
import { AuditorHome } from './home/AuditorHome';
import { CriminalHome } from './home/CriminalHome';
import { DtvHome } from './home/DtvHome';
import { IndHome } from './home/IndHome';
import { MinistryHome } from './home/MinistryHome';
import { EvidenceAtRiskPanel } from '../components/proof/EvidenceAtRiskPanel';

export function HomePage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const role = principal!.role;
  const title = (t as unknown as (key: string) => string)(`home.${role}`);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Typography sx={{ mb: 2 }} data-testid="organisation">{labelOf(t, 'organisation', principal!.organisation)}</Typography>
      {(role === 'police' || role === 'prosecutor') && <CriminalHome />}
      {role === 'ind-1f' && <IndHome />}
      {role === 'dtv' && <DtvHome />}
      {role === 'ministry' && <MinistryHome />}
      {role === 'admin' && <AdminHome />}
      {role === 'auditor' && <AuditorHome />}
      {(role === 'police' || role === 'prosecutor' || role === 'ind-1f') && <EvidenceAtRiskPanel kind={role === 'ind-1f' ? 'exclusion' : 'criminal'} />}
    </>
  );
}

/**
 * The evidence-at-risk list on the home page of the case roles (README, "What each case rests on"; R8): elements that
 * would lose their only proof with one originator's material, and those that did — each linked to its proof matrix.
 */
import { Link as MuiLink, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../Status';
import { DataTable } from '../Tables';
import { SOURCE_TYPES } from '../evidence/evidence-api';
import { formatDate, labelOf } from '../../format';
import { listEvidenceAtRisk, type ElementAtRisk } from './proof-api';
import { StatusChip } from './StatusChip';

export function EvidenceAtRiskPanel({ kind }: { kind: 'criminal' | 'exclusion' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [sourceType, setSourceType] = useState('');
  const rows = useLoad(() => listEvidenceAtRisk(kind, sourceType || undefined), [kind, sourceType]);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }} component="section" data-testid="evidence-at-risk">
      <Typography variant="h2" component="h2" gutterBottom>{t('proof.risk.title')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('proof.risk.intro')}</Typography>
      <TextField select size="small" label={t('proof.risk.sourceType')} value={sourceType} onChange={(event) => setSourceType(event.target.value)} sx={{ minWidth: 220, mb: 1 }}>
        <MenuItem value="">{t('proof.risk.all')}</MenuItem>
        {SOURCE_TYPES.map((type) => <MenuItem key={type} value={type}>{labelOf(t, 'value', type)}</MenuItem>)}
      </TextField>
      <Loaded state={rows}>{(items) => (
        <DataTable<ElementAtRisk>
          caption={t('proof.risk.title')} captionVisible={false} rows={items} empty={t('proof.risk.none')} tools
          rowKey={(row) => `${row.case}/${row.offence}/${row.element}/${row.originator}`}
          columns={[
            { key: 'status', header: t('proof.risk.status'), cell: (row) => <StatusChip status={row.status === 'lost' ? 'unsupported' : 'lead-only'} label={t(`proof.risk.${row.status}`)} />, value: (row) => t(`proof.risk.${row.status}`) },
            { key: 'case', header: t('proof.risk.case'), cell: (row) => {
              const [caseKind = '', id = ''] = row.case.split('/');
              return <MuiLink component={Link} to={`/cases/${caseKind}/${encodeURIComponent(id)}/proof`}>{id}</MuiLink>;
            } },
            { key: 'element', header: t('proof.risk.element'), cell: (row) => <>{row.label[lang]} <Typography component="span" variant="body2" color="text.secondary">({row.offence})</Typography></> },
            { key: 'originator', header: t('proof.risk.originator'), cell: (row) => row.originator },
            { key: 'items', header: t('proof.risk.items'), cell: (row) => row.items.map((item, index) => (
              <span key={item.id}>{index > 0 && ', '}<MuiLink component={Link} to={`/evidence/${encodeURIComponent(item.id)}`}>{item.id}</MuiLink>{item.available ? '' : ` (${t('proof.unavailable', { date: item.unavailableSince ? formatDate(item.unavailableSince, i18n.language) : '', reason: item.unavailableReason ?? '' })})`}</span>
            )) },
          ]}
        />
      )}</Loaded>
    </Paper>
  );
}

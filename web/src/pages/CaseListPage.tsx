/** The cases of one kind the role works with, optionally in one phase, with links to each case page. */
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import type { CaseKind, CaseList } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { Loaded } from '../components/Status';
import { CaseLink, DataTable } from '../components/Tables';
import { formatDate, labelOf, phaseLabel } from '../format';
import { PHASES } from '../phases';
import { roleView } from '../roles';

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useSession();
  const kinds = roleView(principal!.role).caseKinds;
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') && kinds.includes(params.get('kind')!) ? params.get('kind')! : kinds[0] ?? 'criminal') as CaseKind;
  const phase = params.get('phase') ?? '';
  const [pages, setPages] = useState(1);
  const list = useLoad(async () => {
    let items: CaseList['items'] = [];
    let after: string | undefined;
    for (let page = 0; page < pages; page += 1) {
      const result = await unwrap(client.GET('/api/cases', { params: { query: { kind, limit: 100, ...(phase ? { phase } : {}), ...(after ? { after } : {}) } } }));
      items = [...items, ...result.items];
      if (!result.next) return { items, next: null };
      after = result.next;
    }
    return { items, next: after ?? null };
  }, [kind, phase, pages]);
  const title = labelOf(t, 'kindPlural', kind);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select id="case-kind" label={t('caseList.kind')} value={kind} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => { setPages(1); setParams({ kind: event.target.value }); }}>
          {kinds.map((option) => <MenuItem key={option} value={option}>{labelOf(t, 'kindPlural', option)}</MenuItem>)}
        </TextField>
        <TextField select id="case-phase" label={t('caseList.phase')} value={phase} size="small" sx={{ minWidth: 220 }}
          onChange={(event) => { setPages(1); setParams(event.target.value ? { kind, phase: event.target.value } : { kind }); }}>
          <MenuItem value="">{t('caseList.allPhases')}</MenuItem>
          {(PHASES[kind] ?? []).map((option) => <MenuItem key={option} value={option}>{phaseLabel(t, kind, option)}</MenuItem>)}
        </TextField>
      </Stack>
      <Loaded state={list}>{(data) => (
        <>
          <DataTable caption={title} captionVisible={false} empty={t('caseList.none')} rows={data.items} rowKey={(row) => row.stream}
            columns={[
              { key: 'case', header: t('caseList.case'), cell: (row) => <CaseLink stream={row.stream} /> },
              { key: 'phase', header: t('caseList.phase'), cell: (row) => phaseLabel(t, kind, row.phase) },
              { key: 'since', header: t('caseList.since'), cell: (row) => formatDate(row.validFrom, i18n.language) },
              ...(kind === 'departure' ? [{ key: 'barrier', header: t('field.article3Barrier'), cell: (row: CaseList['items'][number]) => (row.attributes.article3Barrier === true ? t('common.yes') : t('common.no')) }] : []),
            ]} />
          {data.next && <Button onClick={() => setPages((value) => value + 1)}>{t('caseList.more')}</Button>}
        </>
      )}</Loaded>
    </>
  );
}
